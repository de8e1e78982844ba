#pragma once

#include "service/EventHub.h"
#include "service/ServiceConfig.h"
#include "service/http/HttpServer.h"
#include "service/metrics/MetricsRegistry.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <memory>
#include <vector>

namespace slotdesk {

class BookingEngine;
class BookingStore;
class CitizenController;
class Clock;
class Controller;
class EventLog;
class SigningKey;
class StaffSide;
class WalCheckpointer;
class BatchWriter;

// The composition root of slotdesk-service: owns the HTTP server, the database connection, the
// booking engine, the event hub and the controllers, and wires them together (dependencies are
// passed in, no singletons). Lives on one thread; tests create it in-process with port 0,
// a temporary database and a FixedClock.
//
// Staff side: construct your controllers in registerControllers() (SlotdeskService.cpp) from
// the accessors below and append them to m_controllers; EventLog/EventHub/engine are shared so
// that seq numbers come from one EventLog instance.
class SlotdeskService : public QObject {
    Q_OBJECT
public:
    SlotdeskService(ServiceConfig config, const Clock &clock, QObject *parent = nullptr);
    ~SlotdeskService() override;

    // Opens (creates, migrates) the database, loads the engine state, registers every route and
    // listens. Returns false with a translated *error when any step fails.
    bool start(QString *error);
    quint16 port() const { return m_port; }

    const ServiceConfig &config() const { return m_config; }
    const Clock &clock() const { return m_clock; }
    HttpServer &http() { return m_http; }
    // GET /metrics renders it; add the engine's and caches' series or addGauge() callbacks.
    MetricsRegistry &metrics() { return m_metrics; }
    EventHub &eventHub() { return m_hub; }
    // Valid after a successful start():
    QSqlDatabase database() const { return m_db; }
    EventLog &eventLog() { return *m_eventLog; }
    BookingStore &bookingStore() { return *m_store; }
    BookingEngine &engine() { return *m_engine; }
    const SigningKey &signingKey() const { return *m_key; }
    StaffSide &staff() { return *m_staff; }
    CitizenController *citizen() { return m_citizen; }

private:
    void registerControllers();
    // Engine and cache figures on /metrics, read when it is rendered.
    void registerEngineMetrics();
    bool startWriter(QString *error);

    ServiceConfig m_config;
    const Clock &m_clock;
    MetricsRegistry m_metrics; // before m_http, which counts into it
    HttpServer m_http;
    EventHub m_hub;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<BookingStore> m_store;
    std::unique_ptr<SigningKey> m_key;
    std::unique_ptr<BookingEngine> m_engine;
    // The booking writer thread and what lives on it (its own connection and store).
    std::unique_ptr<BatchWriter> m_writer;
    QSqlDatabase m_writerDb;
    std::unique_ptr<EventLog> m_writerEventLog;
    std::unique_ptr<BookingStore> m_writerStore;
    CitizenController *m_citizen = nullptr; // owned by m_controllers
    StaffSide *m_staff = nullptr;           // owned by m_controllers
    std::vector<std::unique_ptr<Controller>> m_controllers;
    QTimer m_housekeeping;
    quint16 m_port = 0;
};

} // namespace slotdesk

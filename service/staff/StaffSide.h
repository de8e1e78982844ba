#pragma once

#include "service/http/Controller.h"
#include "service/staff/StaffSettings.h"

#include <QSqlDatabase>

#include <memory>

namespace slotdesk {

class BookingEngine;
class Clock;
class EventHub;
class EventLog;
class EventStream;
class HttpServer;
class ReleaseOpener;
class StaffAuth;
class StaffWriter;

// Everything staff-facing, built from the service's shared parts (one connection, one
// EventLog, one EventHub, the engine) and registered as one controller group: auth, staff
// accounts and audit, publishing, releases (with the timer that opens them), bookings/check-in
// and the live stream.
class StaffSide final : public Controller {
public:
    StaffSide(QSqlDatabase db, EventLog &events, EventHub &hub, BookingEngine &engine,
              HttpServer &http, const Clock &clock, const StaffSettings &settings);
    ~StaffSide() override;

    void registerRoutes(Router &router) override;

    // Bootstrap (slotdesk-service --create-admin, tests): creates an active admin and audits it
    // as actor "bootstrap". False with a translated *error for an invalid login, a weak
    // password or a taken login.
    bool createAdmin(const QString &login, const QString &password, QString *error);

    StaffAuth &auth() { return *m_auth; }
    EventStream &stream() { return *m_stream; }
    ReleaseOpener &releaseOpener() { return *m_opener; }

private:
    std::unique_ptr<StaffAuth> m_auth;
    std::unique_ptr<StaffWriter> m_writer;
    std::unique_ptr<EventStream> m_stream;
    std::unique_ptr<ReleaseOpener> m_opener;
    std::vector<std::unique_ptr<Controller>> m_controllers;
};

} // namespace slotdesk

#pragma once

#include "models/booking/BookingTypes.h"
#include "service/http/Controller.h"

#include <QHash>
#include <QHttpServerResponse>
#include <QJsonValue>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

class BookingEngine;
class HttpRequest;
class StaffAuth;
class StaffWriter;

// Admin routes that publish what a console configured:
// PUT /api/v1/centres/{uuid}                 a centre (net/WireFormat JSON), created or updated
// PUT /api/v1/centres/{uuid}/opening-hours   its weekly plan, closures and special days
// POST /api/v1/slots                         a batch of bookable slots, through the engine
// Each writes its stream event and audit row; slots go through BookingEngine::addSlots so that
// availability (answered from memory) changes in the same step.
class PublishController final : public Controller {
public:
    PublishController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer, BookingEngine &engine);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse putCentre(const HttpRequest &request);
    QHttpServerResponse putOpeningHours(const HttpRequest &request);
    QHttpServerResponse postSlots(const HttpRequest &request);

    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
};

} // namespace slotdesk

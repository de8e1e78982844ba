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

// Routes that publish what a console configured:
// GET /api/v1/centres/{uuid}                 (staff) the centre, its opening hours and revision
// PUT /api/v1/centres/{uuid}                 (admin) a centre (net/WireFormat JSON)
// PUT /api/v1/centres/{uuid}/opening-hours   (admin) its weekly plan, closures and special days
// POST /api/v1/centres/{uuid}/hours-impact   (admin, supervisor) the confirmed bookings that
//                                            proposed opening hours would leave outside
// POST /api/v1/slots                         (admin) a batch of bookable slots, via the engine
// The revision covers the centre and its opening hours: both PUTs raise it, and with
// If-Match: "<revision>" they are refused (412 revision_conflict, the current version in the
// body) once the centre has moved on. A change of hours that leaves confirmed bookings outside
// is refused (409 bookings_affected) unless ?accept_affected=true; it withdraws the free places
// of every future slot outside the new hours, and booked appointments stay.
// Each change writes its stream event and audit row; slots go through BookingEngine so that
// availability (answered from memory) changes in the same step.
class PublishController final : public Controller {
public:
    PublishController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer, BookingEngine &engine);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse getCentre(const HttpRequest &request);
    QHttpServerResponse putCentre(const HttpRequest &request);
    QHttpServerResponse putOpeningHours(const HttpRequest &request);
    QHttpServerResponse postHoursImpact(const HttpRequest &request);
    // {"revision", "centre", "opening_hours"}; empty when the centre cannot be read.
    std::optional<QJsonObject> currentVersion(const QString &uuid) const;
    QHttpServerResponse revisionConflict(const QString &uuid) const;
    QHttpServerResponse postSlots(const HttpRequest &request);

    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
};

} // namespace slotdesk

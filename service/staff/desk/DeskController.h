#pragma once

#include "models/store/DeskBookingStore.h"
#include "service/http/Controller.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QUrlQuery>

#include <optional>

namespace slotdesk {

class HttpRequest;
class StaffAuth;
class StaffWriter;

// What consoles read and do at the desk:
// GET /api/v1/bookings (admin, desk, supervisor): paged with limit/cursor (keyset on slot start
//   and booking id, stable while bookings arrive), filtered by centre, day (Europe/Berlin) and
//   state.
// POST /api/v1/bookings/{code}/check-in (admin, desk): confirmed → checked_in with a check_ins
//   row, a "checkin.arrival" event and an audit row in one transaction; already checked in,
//   cancelled or no-show → 409 with the reason.
// Both read personal data, so each read is audited (who, which filter or code, how many rows;
// no answer without its audit row), and both keep to the caller's centres: another centre's
// bookings are left out of lists and answered 403 forbidden_centre when named.
class DeskController final : public Controller {
public:
    DeskController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse listBookings(const HttpRequest &request);
    QHttpServerResponse checkIn(const HttpRequest &request);
    // The filter of GET /bookings, and the same as audit detail; the refusal of a bad value.
    static std::optional<QHttpServerResponse>
    readFilter(const QUrlQuery &query, DeskBookingFilter *filter, QJsonObject *audited);
    // A check-in that ended without an arrival is still a lookup of personal data.
    bool auditLookup(const QString &actor, const QString &code, int rows, const QString &outcome);

    DeskBookingStore m_bookings;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

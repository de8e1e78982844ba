#pragma once

#include "service/http/Controller.h"

#include <QSqlDatabase>

namespace slotdesk {

class StaffAuth;
class StaffWriter;

// What consoles read and do at the desk:
// GET /api/v1/bookings (admin, desk, supervisor): paged with limit/cursor (keyset on slot start
//   and booking id, stable while bookings arrive), filtered by centre, day (Europe/Berlin) and
//   state.
// POST /api/v1/bookings/{code}/check-in (admin, desk): confirmed → checked_in with a check_ins
//   row, a "checkin.arrival" event and an audit row in one transaction; already checked in,
//   cancelled or no-show → 409 with the reason.
class DeskController final : public Controller {
public:
    DeskController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

#pragma once

#include "service/http/Controller.h"

#include <QHttpServerResponse>

namespace slotdesk {

class BookingEngine;
class HttpRequest;
class StaffAuth;
class StaffWriter;

// POST /api/v1/hotline-bookings (admin, desk): staff book a slot for a caller on the phone,
// {slot_id, family_name, given_name, birth_date, phone|email, priority_group?,
// invitation_code?}. The hold may take the slot's hotline contingent, which citizens never
// see; the release's eligibility applies as online. The booking's channel is "hotline"; the
// answer comes after its group commit (the caller waits on the phone, a moment is fine) and
// the booking is audited with the staff login.
class HotlineController final : public Controller {
public:
    HotlineController(StaffAuth &auth, StaffWriter &writer, BookingEngine &engine);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse book(const HttpRequest &request);

    StaffAuth &m_auth;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
};

} // namespace slotdesk

#pragma once

#include "service/http/Controller.h"

namespace slotdesk {

class StaffAuth;
class StaffWriter;

// Admin-only management of staff accounts (/api/v1/staff...) and the audit trail
// (GET /api/v1/audit for admins and supervisors). Accounts are never deleted: deactivation
// keeps who-did-what readable in the audit log.
class StaffUserController final : public Controller {
public:
    StaffUserController(StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

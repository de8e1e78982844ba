#pragma once

#include "service/http/Controller.h"

namespace slotdesk {

class StaffAuth;
class StaffWriter;

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
class AuthController final : public Controller {
public:
    AuthController(StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

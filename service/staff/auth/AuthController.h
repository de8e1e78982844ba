#pragma once

#include "models/domain/StaffRole.h"
#include "service/http/Controller.h"

#include <QHttpServerResponse>
#include <QString>

#include <optional>

namespace slotdesk {

class HttpRequest;
class StaffAuth;
class StaffWriter;

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
// A login's password check runs on the PasswordCheckPool and its answer is deferred until the
// check is back, so logins never hold up the server thread. Refused before any check: 429 while
// the login is throttled for this address or a check for it is still running, 503 while the
// pool is full (both with Retry-After).
class AuthController final : public Controller {
public:
    AuthController(StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse login(const HttpRequest &request);
    QHttpServerResponse logout(const HttpRequest &request);
    QHttpServerResponse me(const HttpRequest &request);

    struct Attempt {
        QString login;
        QString address;
        std::optional<qint64> staffId; // the active account with this login, if any
    };
    // The answer once the password check is back (on the server thread).
    QHttpServerResponse concludeLogin(const Attempt &attempt, bool matches);

    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

#pragma once

#include "models/core/Clock.h"
#include "models/store/AuditLog.h"
#include "service/http/HttpRequest.h"
#include "service/staff/StaffSettings.h"
#include "service/staff/auth/CentreScope.h"
#include "service/staff/auth/LoginThrottle.h"
#include "service/staff/auth/PasswordCheckPool.h"
#include "service/staff/auth/PasswordHasher.h"
#include "service/staff/auth/StaffAccounts.h"
#include "service/staff/auth/TokenStore.h"

#include <QHttpServerResponse>
#include <QSqlDatabase>

#include <initializer_list>
#include <optional>

namespace slotdesk {

// Who is calling a staff route. Every staff handler starts with
//   auto caller = m_auth.require(request, {StaffRole::Admin});
//   if (!caller.user) return std::move(*caller.refusal);
// 401 (no, unknown, expired or revoked token, deactivated account), 403 (role not allowed).
// caller.centres says which centres' bookings the caller may see; every route that touches
// bookings checks it (centreRefusal()).
class StaffAuth {
public:
    StaffAuth(QSqlDatabase db, const Clock &clock, const StaffSettings &settings);

    struct Caller {
        std::optional<StaffUser> user;
        QString token;
        qint64 expiresAt = 0;
        CentreScope centres;
        std::optional<QHttpServerResponse> refusal;
    };
    Caller require(const HttpRequest &request, std::initializer_list<StaffRole> roles) const;
    // For the WebSocket stream, whose token arrives in the query string.
    Caller requireToken(const QString &token, std::initializer_list<StaffRole> roles) const;
    // The token of an Authorization: Bearer header, empty when absent or malformed.
    static QString bearerToken(const HttpRequest &request);
    // 403 forbidden_centre for a centre outside the caller's.
    static QHttpServerResponse centreRefusal();

    qint64 now() const { return m_clock.now().toSecsSinceEpoch(); }
    qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    PasswordHasher &hasher() { return m_hasher; }
    PasswordCheckPool &checks() { return m_checks; }
    StaffAccounts &accounts() { return m_accounts; }
    TokenStore &tokens() { return m_tokens; }
    LoginThrottle &throttle() { return m_throttle; }
    AuditLog &audit() { return m_audit; }
    const StaffSettings &settings() const { return m_settings; }

private:
    const Clock &m_clock;
    StaffSettings m_settings;
    PasswordHasher m_hasher;
    PasswordCheckPool m_checks;
    StaffAccounts m_accounts;
    TokenStore m_tokens;
    LoginThrottle m_throttle;
    AuditLog m_audit;
};

// The JSON of a staff account as every staff route shows it (never the hash), with the centres
// it is limited to (empty: all).
QJsonObject staffUserJson(const StaffUser &user, const CentreScope &centres);

} // namespace slotdesk

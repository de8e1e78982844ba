#pragma once

#include "models/core/Clock.h"
#include "service/http/HttpRequest.h"
#include "service/staff/AuditLog.h"
#include "service/staff/LoginThrottle.h"
#include "service/staff/PasswordHasher.h"
#include "service/staff/StaffAccounts.h"
#include "service/staff/StaffSettings.h"
#include "service/staff/TokenStore.h"

#include <QHttpServerResponse>
#include <QSqlDatabase>

#include <initializer_list>
#include <optional>

namespace slotdesk {

// Who is calling a staff route. Every staff handler starts with
//   auto caller = m_auth.require(request, {StaffRole::Admin});
//   if (!caller.user) return std::move(*caller.refusal);
// 401 (no, unknown, expired or revoked token, deactivated account), 403 (role not allowed).
class StaffAuth {
public:
    StaffAuth(QSqlDatabase db, const Clock &clock, const StaffSettings &settings);

    struct Caller {
        std::optional<StaffUser> user;
        QString token;
        qint64 expiresAt = 0;
        std::optional<QHttpServerResponse> refusal;
    };
    Caller require(const HttpRequest &request, std::initializer_list<StaffRole> roles) const;
    // For the WebSocket stream, whose token arrives in the query string.
    Caller requireToken(const QString &token, std::initializer_list<StaffRole> roles) const;
    // The token of an Authorization: Bearer header, empty when absent or malformed.
    static QString bearerToken(const HttpRequest &request);

    qint64 now() const { return m_clock.now().toSecsSinceEpoch(); }
    qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    PasswordHasher &hasher() { return m_hasher; }
    StaffAccounts &accounts() { return m_accounts; }
    TokenStore &tokens() { return m_tokens; }
    LoginThrottle &throttle() { return m_throttle; }
    AuditLog &audit() { return m_audit; }
    const StaffSettings &settings() const { return m_settings; }

private:
    const Clock &m_clock;
    StaffSettings m_settings;
    PasswordHasher m_hasher;
    StaffAccounts m_accounts;
    TokenStore m_tokens;
    LoginThrottle m_throttle;
    AuditLog m_audit;
};

// The JSON of a staff account as every staff route shows it (never the hash).
QJsonObject staffUserJson(const StaffUser &user);

} // namespace slotdesk

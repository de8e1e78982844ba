#include "service/staff/auth/StaffAuth.h"

#include "service/http/JsonResponse.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace slotdesk {

StaffAuth::StaffAuth(QSqlDatabase db, const Clock &clock, const StaffSettings &settings)
    : m_clock(clock)
    , m_settings(settings)
    , m_hasher(settings.passwordLimits)
    , m_checks(m_hasher, settings.passwordCheckThreads, settings.passwordCheckCeiling)
    , m_accounts(db, m_hasher)
    , m_tokens(db)
    , m_throttle(settings.perLoginAndAddress, settings.perAddress)
    , m_audit(db) {}

QString StaffAuth::bearerToken(const HttpRequest &request) {
    const QByteArray header = request.header(QByteArrayLiteral("authorization")).trimmed();
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (header.size() <= scheme.size() || !header.left(scheme.size()).toLower().startsWith(scheme))
        return {};
    return QString::fromLatin1(header.mid(scheme.size()).trimmed());
}

StaffAuth::Caller StaffAuth::require(const HttpRequest &request,
                                     std::initializer_list<StaffRole> roles) const {
    return requireToken(bearerToken(request), roles);
}

StaffAuth::Caller StaffAuth::requireToken(const QString &token,
                                          std::initializer_list<StaffRole> roles) const {
    Caller caller;
    const auto unauthorized = [](const QString &reason, const QString &message) {
        QHttpServerResponse response = jsonError(HttpStatus::Unauthorized, reason, message);
        response.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                           QByteArrayLiteral("Bearer realm=\"slotdesk\""));
        return response;
    };
    if (token.isEmpty()) {
        caller.refusal = unauthorized(QStringLiteral("missing_token"),
                                      QStringLiteral("This route needs a staff bearer token."));
        return caller;
    }
    const std::optional<TokenStore::Session> session = m_tokens.lookup(token, now());
    std::optional<StaffUser> user;
    if (session)
        user = m_accounts.find(session->staffId);
    if (!session || !user || !user->active) {
        caller.refusal =
            unauthorized(QStringLiteral("invalid_token"),
                         QStringLiteral("The token is unknown, expired or revoked; log in again."));
        return caller;
    }
    if (std::find(roles.begin(), roles.end(), user->role) == roles.end()) {
        QStringList names;
        for (StaffRole role : roles)
            names.append(staffRoleToString(role));
        caller.refusal = jsonError(HttpStatus::Forbidden, QStringLiteral("forbidden_role"),
                                   QStringLiteral("The role %1 may not do this; allowed: %2.")
                                       .arg(staffRoleToString(user->role), names.join(u", ")));
        return caller;
    }
    caller.user = user;
    caller.centres = m_accounts.centresOf(user->id);
    caller.token = token;
    caller.expiresAt = session->expiresAt;
    return caller;
}

QHttpServerResponse StaffAuth::centreRefusal() {
    return jsonError(HttpStatus::Forbidden, QStringLiteral("forbidden_centre"),
                     QStringLiteral("This account is not allowed to work with this centre."));
}

QJsonObject staffUserJson(const StaffUser &user, const CentreScope &centres) {
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("login"), user.login},
            {QStringLiteral("display_name"), user.displayName},
            {QStringLiteral("role"), staffRoleToString(user.role)},
            {QStringLiteral("active"), user.active},
            {QStringLiteral("centres"), QJsonArray::fromStringList(centres.uuids())},
            {QStringLiteral("created_at"),
             QDateTime::fromSecsSinceEpoch(user.createdAt, Qt::UTC).toString(Qt::ISODate)},
            {QStringLiteral("updated_at"),
             QDateTime::fromSecsSinceEpoch(user.updatedAt, Qt::UTC).toString(Qt::ISODate)}};
}

} // namespace slotdesk

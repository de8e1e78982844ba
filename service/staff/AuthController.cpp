#include "service/staff/AuthController.h"

#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffAuth.h"
#include "service/staff/StaffWriter.h"

#include <QDateTime>

namespace slotdesk {

namespace {

constexpr std::initializer_list<StaffRole> anyRole = {StaffRole::Admin, StaffRole::Desk,
                                                      StaffRole::Supervisor};

QString isoTime(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

AuthController::AuthController(StaffAuth &auth, StaffWriter &writer)
    : m_auth(auth)
    , m_writer(writer) {}

void AuthController::registerRoutes(Router &router) {
    router.post(QStringLiteral("/api/v1/auth/login"), [this](const HttpRequest &request) {
        std::optional<QHttpServerResponse> error;
        const std::optional<QJsonObject> body = parseJsonObject(request, &error);
        if (!body)
            return std::move(*error);
        JsonFields fields(*body);
        const QString login = fields.string(QStringLiteral("login"), JsonFields::Required, 64);
        // Read untrimmed: spaces are part of a password.
        const QJsonValue passwordValue = body->value(QStringLiteral("password"));
        fields.string(QStringLiteral("password"), JsonFields::Required, 1024);
        fields.rejectUnknown();
        if (fields.failed())
            return fields.takeError();
        const QString password = passwordValue.toString();

        const QString address = request.clientAddress().toString();
        const qint64 retryAfter =
            m_auth.throttle().retryAfterSeconds(login, address, m_auth.nowMs());
        if (retryAfter > 0)
            return tooManyRequests(retryAfter);

        if (!m_auth.throttle().takeVerification(m_auth.nowMs()))
            return tooManyRequests(1);
        const qint64 now = m_auth.now();
        const std::optional<StaffUser> user = m_auth.accounts().verify(login, password);
        if (!user) {
            m_auth.throttle().recordFailure(login, address, m_auth.nowMs());
            m_writer.auditOnly({now, login, QStringLiteral("auth.login_failed"),
                                QStringLiteral("session"), login,
                                QJsonObject{{QStringLiteral("address"), address}}});
            return jsonError(HttpStatus::Unauthorized, QStringLiteral("invalid_credentials"),
                             QStringLiteral("The login or the password is wrong."));
        }
        m_auth.throttle().recordSuccess(login);

        TokenStore::Issued issued;
        const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
            issued = m_auth.tokens().issue(user->id, now, m_auth.settings().tokenTtlSeconds);
            return !issued.token.isEmpty() &&
                   tx.audit({now, user->login, QStringLiteral("auth.login"),
                             QStringLiteral("session"), user->login,
                             QJsonObject{{QStringLiteral("address"), address}}});
        });
        if (!ok)
            return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                             QStringLiteral("The session could not be stored; try again."));
        return jsonResponse(QJsonObject{{QStringLiteral("token"), issued.token},
                                        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                        {QStringLiteral("expires_at"), isoTime(issued.expiresAt)},
                                        {QStringLiteral("user"), staffUserJson(*user)}});
    });

    router.post(QStringLiteral("/api/v1/auth/logout"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, anyRole);
        if (!caller.user)
            return std::move(*caller.refusal);
        const qint64 now = m_auth.now();
        const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
            return m_auth.tokens().revoke(caller.token, now) &&
                   tx.audit({now,
                             caller.user->login,
                             QStringLiteral("auth.logout"),
                             QStringLiteral("session"),
                             caller.user->login,
                             {}});
        });
        if (!ok)
            return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                             QStringLiteral("The session could not be ended; try again."));
        return QHttpServerResponse(HttpStatus::NoContent);
    });

    router.get(QStringLiteral("/api/v1/auth/me"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, anyRole);
        if (!caller.user)
            return std::move(*caller.refusal);
        return jsonResponse(QJsonObject{{QStringLiteral("user"), staffUserJson(*caller.user)},
                                        {QStringLiteral("expires_at"), isoTime(caller.expiresAt)}});
    });
}

} // namespace slotdesk

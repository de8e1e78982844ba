#include "service/staff/auth/AuthController.h"

#include "service/http/HttpRequest.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"

#include <QDateTime>

namespace slotdesk {

namespace {

constexpr std::initializer_list<StaffRole> anyRole = {StaffRole::Admin, StaffRole::Desk,
                                                      StaffRole::Supervisor};

QString isoTime(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QHttpServerResponse checksBusy() {
    QHttpServerResponse response =
        jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("login_busy"),
                  QStringLiteral("Too many logins are being checked right now; retry shortly."));
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    return response;
}

} // namespace

AuthController::AuthController(StaffAuth &auth, StaffWriter &writer)
    : m_auth(auth)
    , m_writer(writer) {}

void AuthController::registerRoutes(Router &router) {
    router.post(QStringLiteral("/api/v1/auth/login"),
                [this](const HttpRequest &request) { return login(request); });
    router.post(QStringLiteral("/api/v1/auth/logout"),
                [this](const HttpRequest &request) { return logout(request); });
    router.get(QStringLiteral("/api/v1/auth/me"),
               [this](const HttpRequest &request) { return me(request); });
}

QHttpServerResponse AuthController::login(const HttpRequest &request) {
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields fields(*body);
    Attempt attempt;
    attempt.login = fields.string(QStringLiteral("login"), JsonFields::Required, 64);
    // Read untrimmed: spaces are part of a password.
    const QJsonValue passwordValue = body->value(QStringLiteral("password"));
    fields.string(QStringLiteral("password"), JsonFields::Required, 1024);
    fields.rejectUnknown();
    if (fields.failed())
        return fields.takeError();
    const QString password = passwordValue.toString();

    attempt.address = request.clientAddress().toString();
    LoginThrottle &throttle = m_auth.throttle();
    if (const qint64 retryAfter =
            throttle.retryAfterSeconds(attempt.login, attempt.address, m_auth.nowMs());
        retryAfter > 0)
        return tooManyRequests(retryAfter);
    if (!throttle.beginCheck(attempt.login, attempt.address))
        return tooManyRequests(1);

    const std::optional<StaffAccounts::Credentials> credentials =
        m_auth.accounts().credentials(attempt.login);
    if (credentials)
        attempt.staffId = credentials->id;
    const QString hash = credentials ? credentials->passwordHash : QString();

    DeferredReply reply = request.defer();
    if (!reply.isValid()) {
        // Not through the HttpServer (nothing to defer): check here.
        const bool matches = hash.isEmpty() ? (m_auth.hasher().verifyDummy(password), false)
                                            : m_auth.hasher().verify(hash, password);
        throttle.endCheck(attempt.login, attempt.address);
        return concludeLogin(attempt, matches);
    }
    const bool queued =
        m_auth.checks().submit(hash, password, [this, attempt, reply](bool matches) mutable {
            m_auth.throttle().endCheck(attempt.login, attempt.address);
            reply.finish(concludeLogin(attempt, matches));
        });
    if (!queued) {
        throttle.endCheck(attempt.login, attempt.address);
        reply.finish(checksBusy());
    }
    return QHttpServerResponse(HttpStatus::Accepted); // ignored: the answer is deferred
}

QHttpServerResponse AuthController::concludeLogin(const Attempt &attempt, bool matches) {
    const qint64 now = m_auth.now();
    // The account may have been deactivated while its password was being checked.
    const std::optional<StaffUser> user =
        matches && attempt.staffId ? m_auth.accounts().find(*attempt.staffId) : std::nullopt;
    if (!user || !user->active) {
        m_auth.throttle().recordFailure(attempt.login, attempt.address, m_auth.nowMs());
        m_writer.auditOnly({now, attempt.login, QStringLiteral("auth.login_failed"),
                            QStringLiteral("session"), attempt.login,
                            QJsonObject{{QStringLiteral("address"), attempt.address}}});
        return jsonError(HttpStatus::Unauthorized, QStringLiteral("invalid_credentials"),
                         QStringLiteral("The login or the password is wrong."));
    }
    m_auth.throttle().recordSuccess(attempt.login, attempt.address);

    TokenStore::Issued issued;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        issued = m_auth.tokens().issue(user->id, now, m_auth.settings().tokenTtlSeconds);
        return !issued.token.isEmpty() &&
               tx.audit({now, user->login, QStringLiteral("auth.login"), QStringLiteral("session"),
                         user->login, QJsonObject{{QStringLiteral("address"), attempt.address}}});
    });
    if (!ok)
        return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                         QStringLiteral("The session could not be stored; try again."));
    return jsonResponse(QJsonObject{
        {QStringLiteral("token"), issued.token},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), isoTime(issued.expiresAt)},
        {QStringLiteral("user"), staffUserJson(*user, m_auth.accounts().centresOf(user->id))}});
}

QHttpServerResponse AuthController::logout(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, anyRole);
    if (!caller.user)
        return std::move(*caller.refusal);
    const qint64 now = m_auth.now();
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        return m_auth.tokens().revoke(caller.token, now) && tx.audit({now,
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
}

QHttpServerResponse AuthController::me(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, anyRole);
    if (!caller.user)
        return std::move(*caller.refusal);
    return jsonResponse(
        QJsonObject{{QStringLiteral("user"), staffUserJson(*caller.user, caller.centres)},
                    {QStringLiteral("expires_at"), isoTime(caller.expiresAt)}});
}

} // namespace slotdesk

#include "net/ServiceClient.h"

#include "models/core/Clock.h"
#include "net/Session.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <utility>

#if QT_CONFIG(ssl)
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

namespace slotdesk {

namespace {

constexpr int kMillisecondsPerSecond = 1000;
constexpr int kFingerprintHexDigits = 64;
constexpr int kDefaultProbeMs = 15000;

bool isMutation(const QByteArray &method) {
    return method != "GET" && method != "HEAD";
}

bool isIdempotentMethod(const QByteArray &method) {
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
}

QByteArray jsonBytes(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

#if QT_CONFIG(ssl)
QByteArray peerFingerprint(const QNetworkReply *reply) {
    return reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex();
}
#endif

} // namespace

struct ServiceClient::Call {
    QByteArray method;
    QString path;
    QByteArray body;
    QByteArray idempotencyKey; // empty for reads and sign-in
    QByteArray ifMatch;        // sent as If-Match when set
    QString token;             // the bearer token sent along, empty without
    QByteArray accept;         // empty: application/json
    bool retriable = false;
    int attempt = 0;
    bool cancelled = false;
    bool pinMismatch = false;
    QString tlsDetail;
    QNetworkReply *reply = nullptr;
    QPromise<ServiceReply> promise;
    std::function<void(ServiceReply &)> onDone; // runs before the future finishes
};

ServiceClient::ServiceClient(Session &session, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_clock(clock) {
    m_probe.setInterval(kDefaultProbeMs);
    connect(&m_probe, &QTimer::timeout, this, [this] {
        if (!m_baseUrl.isEmpty())
            health();
    });
}

ServiceClient::~ServiceClient() {
    const QList<std::shared_ptr<Call>> pending = std::exchange(m_pending, {});
    for (const std::shared_ptr<Call> &call : pending) {
        call->cancelled = true;
        if (call->reply) {
            disconnect(call->reply, nullptr, this, nullptr);
            call->reply->abort();
        }
        ServiceReply reply;
        reply.error.kind = ServiceError::Kind::Cancelled;
        reply.error.message = serviceMessages::cancelled();
        call->promise.addResult(reply);
        call->promise.finish();
    }
}

void ServiceClient::setBaseUrl(const QUrl &url) {
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    // Kept-alive connections lead to the old service.
    m_manager.clearConnectionCache();
}

bool ServiceClient::setPinnedCertificate(const QString &sha256) {
    const QByteArray pin = parseFingerprint(sha256);
    if (pin.isEmpty() && !sha256.trimmed().isEmpty())
        return false;
    m_pin = pin;
    // A kept-alive connection was accepted under the old pin.
    m_manager.clearConnectionCache();
    return true;
}

QByteArray ServiceClient::parseFingerprint(const QString &text) {
    QString hex = text.trimmed().toLower();
    hex.remove(QRegularExpression(QStringLiteral("[:\\s]")));
    static const QRegularExpression hexDigits(QStringLiteral("^[0-9a-f]{64}$"));
    if (hex.size() != kFingerprintHexDigits || !hexDigits.match(hex).hasMatch())
        return {};
    return hex.toLatin1();
}

void ServiceClient::setProbeInterval(int milliseconds) {
    m_probe.setInterval(milliseconds);
}

void ServiceClient::setRetries(int retries, int firstBackoffMs) {
    m_retries = qMax(0, retries);
    m_backoffMs = qMax(0, firstBackoffMs);
}

QFuture<ServiceReply> ServiceClient::health() {
    return start("GET", QStringLiteral("/api/v1/health"), {}, Retry::Idempotent, {});
}

QFuture<ServiceReply> ServiceClient::signIn(const QString &login, const QString &password) {
    const QByteArray body =
        jsonBytes({{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    // A repeated login counts against the service's throttle: never retried.
    QFuture<ServiceReply> future =
        start("POST", QStringLiteral("/api/v1/auth/login"), body, Retry::Never, {});
    m_pending.constLast()->onDone = [this](ServiceReply &reply) {
        if (reply.ok() && !m_session.startFromLogin(reply.object())) {
            reply.error.kind = ServiceError::Kind::MalformedReply;
            reply.error.message = serviceMessages::malformedReply();
        }
    };
    return future;
}

QFuture<ServiceReply> ServiceClient::signOut() {
    const QString token = m_session.token();
    m_session.clear();
    return start("POST", QStringLiteral("/api/v1/auth/logout"), {}, Retry::Idempotent, token);
}

QFuture<ServiceReply> ServiceClient::currentUser() {
    return get(QStringLiteral("/api/v1/auth/me"));
}

namespace {

QByteArray ifMatchValue(int revision) {
    if (revision <= 0)
        return {};
    return QByteArray("\"") + QByteArray::number(revision) + QByteArray("\"");
}

} // namespace

QFuture<ServiceReply> ServiceClient::publishCentre(const QString &uuid, const QJsonObject &centre,
                                                   int ifMatchRevision) {
    return start("PUT", QStringLiteral("/api/v1/centres/%1").arg(uuid), jsonBytes(centre),
                 Retry::Idempotent, m_session.token(), ifMatchValue(ifMatchRevision));
}

QFuture<ServiceReply> ServiceClient::publishOpeningHours(const QString &uuid,
                                                         const QJsonObject &hours,
                                                         int ifMatchRevision, bool acceptAffected) {
    QString path = QStringLiteral("/api/v1/centres/%1/opening-hours").arg(uuid);
    if (acceptAffected)
        path += QStringLiteral("?accept_affected=true");
    return start("PUT", path, jsonBytes(hours), Retry::Idempotent, m_session.token(),
                 ifMatchValue(ifMatchRevision));
}

QFuture<ServiceReply> ServiceClient::hoursImpact(const QString &uuid, const QJsonObject &hours) {
    return post(QStringLiteral("/api/v1/centres/%1/hours-impact").arg(uuid), hours);
}

QFuture<ServiceReply> ServiceClient::centre(const QString &uuid) {
    return get(QStringLiteral("/api/v1/centres/%1").arg(uuid));
}

int ServiceClient::revisionOf(const QByteArray &etag) {
    QByteArray value = etag.trimmed();
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const int revision = value.toInt(&ok);
    return ok && revision > 0 ? revision : 0;
}

QFuture<ServiceReply> ServiceClient::get(const QString &path) {
    return start("GET", path, {}, Retry::Idempotent, m_session.token());
}

QFuture<ServiceReply> ServiceClient::put(const QString &path, const QJsonObject &body) {
    return start("PUT", path, jsonBytes(body), Retry::Idempotent, m_session.token());
}

QFuture<ServiceReply> ServiceClient::post(const QString &path, const QJsonObject &body) {
    return start("POST", path, jsonBytes(body), Retry::Idempotent, m_session.token());
}

QFuture<ServiceReply> ServiceClient::remove(const QString &path) {
    return start("DELETE", path, {}, Retry::Idempotent, m_session.token());
}

QFuture<ServiceReply> ServiceClient::post(const QString &path, const QJsonObject &body,
                                          const QByteArray &idempotencyKey) {
    return start("POST", path, jsonBytes(body), Retry::Idempotent, m_session.token(), {},
                 idempotencyKey);
}

QFuture<ServiceReply> ServiceClient::getAs(const QString &path, const QByteArray &accept) {
    return start("GET", path, {}, Retry::Idempotent, m_session.token(), {}, {}, accept);
}

QFuture<ServiceReply> ServiceClient::start(const QByteArray &method, const QString &path,
                                           const QByteArray &body, Retry retry,
                                           const QString &token, const QByteArray &ifMatch,
                                           const QByteArray &idempotencyKey,
                                           const QByteArray &accept) {
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->body = body;
    call->token = token;
    call->ifMatch = ifMatch;
    call->accept = accept;
    if (isMutation(method) && retry != Retry::Never)
        call->idempotencyKey = idempotencyKey.isEmpty()
                                   ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces)
                                   : idempotencyKey;
    call->retriable = retry == Retry::Idempotent &&
                      (isIdempotentMethod(method) || !call->idempotencyKey.isEmpty());
    call->promise.start();
    QFuture<ServiceReply> future = call->promise.future();
    m_pending.append(call);
    if (!m_baseUrl.isValid() || m_baseUrl.isEmpty()) {
        ServiceReply reply;
        reply.error.kind = ServiceError::Kind::Unreachable;
        reply.error.message = serviceMessages::noServiceConfigured();
        // Finished on the next turn, so a sign-in's onDone is in place and callers see the
        // same order of events as with a real answer.
        QTimer::singleShot(0, this, [this, call, reply] { complete(call, reply); });
        return future;
    }
    send(call);
    return future;
}

void ServiceClient::send(const std::shared_ptr<Call> &call) {
    ++call->attempt;
    QString base = m_baseUrl.toString();
    while (base.endsWith(u'/')) // QUrl keeps the slash of a root path ("https://host/")
        base.chop(1);
    QNetworkRequest request(QUrl(base + call->path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader(QByteArrayLiteral("Accept"), call->accept.isEmpty()
                                                          ? QByteArrayLiteral("application/json")
                                                          : call->accept);
    if (!call->body.isEmpty() || isMutation(call->method))
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (!call->token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + call->token.toLatin1());
    if (!call->idempotencyKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), call->idempotencyKey);
    if (!call->ifMatch.isEmpty())
        request.setRawHeader(QByteArrayLiteral("If-Match"), call->ifMatch);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, call->method, call->body);
    call->reply = reply;
    call->pinMismatch = false;
    call->tlsDetail.clear();
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { onFinished(call, reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, call, reply](const QList<QSslError> &errors) {
                // A pinned certificate is trusted by its fingerprint alone: self-signed, any
                // name.
                if (!m_pin.isEmpty() && peerFingerprint(reply) == m_pin) {
                    reply->ignoreSslErrors(errors);
                    return;
                }
                QStringList texts;
                for (const QSslError &error : errors)
                    texts.append(error.errorString());
                call->tlsDetail = texts.join(u"; ");
            });
    connect(reply, &QNetworkReply::encrypted, this, [this, call, reply] {
        // A pin also refuses a certificate the system would trust: only that one is the
        // service.
        if (!m_pin.isEmpty() && peerFingerprint(reply) != m_pin) {
            call->pinMismatch = true;
            reply->abort();
        }
    });
#endif
}

void ServiceClient::onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply) {
    reply->deleteLater();
    call->reply = nullptr;
    if (call->cancelled)
        return;
    const ServiceReply answer = classify(*call, reply);
    noteReachability(answer.error);
    if (shouldRetry(*call, answer)) {
        const int pause = m_backoffMs * (1 << qMin(call->attempt - 1, 8));
        QTimer::singleShot(pause, this, [this, call] {
            if (!call->cancelled)
                send(call);
        });
        return;
    }
    complete(call, answer);
}

ServiceReply ServiceClient::classify(const Call &call, QNetworkReply *reply) const {
    ServiceReply answer;
    ServiceError &error = answer.error;
    using Kind = ServiceError::Kind;
    if (call.pinMismatch) {
        error.kind = Kind::Certificate;
        error.message = serviceMessages::pinMismatch(serviceName());
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
    error.status = answer.status;
    if (answer.status == 0) {
        error.detail = reply->errorString();
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            error.kind = Kind::Certificate;
            error.message = serviceMessages::certificate(
                serviceName(), call.tlsDetail.isEmpty() ? error.detail : call.tlsDetail);
            break;
        case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
        case QNetworkReply::TimeoutError:
            error.kind = Kind::Timeout;
            error.message = serviceMessages::timeout(
                serviceName(), (m_timeoutMs + kMillisecondsPerSecond - 1) / kMillisecondsPerSecond);
            break;
        default:
            error.kind = Kind::Unreachable;
            error.message = serviceMessages::unreachable(serviceName(), error.detail);
            break;
        }
        return answer;
    }

    const QByteArray body = reply->readAll();
    const bool ownMediaType = !call.accept.isEmpty() && answer.status >= 200 && answer.status < 300;
    if (ownMediaType) {
        answer.body = body;
        return answer;
    }
    QJsonParseError parseError{};
    if (!body.trimmed().isEmpty())
        answer.json = QJsonDocument::fromJson(body, &parseError);
    const bool parsed = body.trimmed().isEmpty() || parseError.error == QJsonParseError::NoError;
    const QJsonObject object = answer.json.object();
    error.reason = object.value(QStringLiteral("error")).toString();
    error.field = object.value(QStringLiteral("field")).toString();
    error.detail = object.value(QStringLiteral("message")).toString();
    if (error.detail.isEmpty())
        error.detail = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();

    if (answer.status >= 200 && answer.status < 300) {
        if (!parsed) {
            error.kind = Kind::MalformedReply;
            error.detail = parseError.errorString();
            error.message = serviceMessages::malformedReply();
        }
        return answer;
    }
    if (answer.status >= 500) {
        error.kind = Kind::ServerError;
        error.message = serviceMessages::serverError(answer.status);
    } else if (answer.status == 401) {
        error.kind = Kind::Unauthorized;
        error.message = error.reason == u"invalid_credentials" ? serviceMessages::wrongCredentials()
                                                               : serviceMessages::sessionExpired();
    } else if (answer.status == 403) {
        error.kind = Kind::Forbidden;
        error.message = serviceMessages::forbidden(error.detail);
    } else if (answer.status == 429) {
        error.kind = Kind::Rejected;
        const int retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After")).toInt();
        error.message = serviceMessages::tooManyAttempts(qMax(1, retryAfter));
    } else if (answer.status >= 400) {
        error.kind = Kind::Rejected;
        if (!parsed || error.reason.isEmpty())
            error.reason = QString::number(answer.status);
        error.message = serviceMessages::rejected(answer.status, error.reason, error.detail);
    } else {
        // 1xx/3xx are not part of the API; a proxy or another server answered.
        error.kind = Kind::MalformedReply;
        error.message = serviceMessages::malformedReply();
    }
    return answer;
}

bool ServiceClient::shouldRetry(const Call &call, const ServiceReply &reply) const {
    if (!call.retriable || call.attempt > m_retries)
        return false;
    const ServiceError &error = reply.error;
    return error.isConnectivity() ||
           (error.kind == ServiceError::Kind::ServerError &&
            (error.status == 502 || error.status == 503 || error.status == 504));
}

void ServiceClient::complete(const std::shared_ptr<Call> &call, const ServiceReply &reply) {
    m_pending.removeOne(call);
    ServiceReply result = reply;
    // Only the token this call carried is known to be dead; a newer sign-in stays.
    if (result.error.kind == ServiceError::Kind::Unauthorized && !call->token.isEmpty() &&
        call->token == m_session.token())
        m_session.clear();
    if (call->onDone)
        call->onDone(result);
    call->promise.addResult(result);
    call->promise.finish();
}

void ServiceClient::noteReachability(const ServiceError &error) {
    const bool online = !error.isConnectivity() && error.kind != ServiceError::Kind::Certificate;
    if (online == m_online)
        return;
    m_online = online;
    m_offlineSince = online ? QDateTime() : m_clock.now();
    if (online)
        m_probe.stop();
    else
        m_probe.start();
    Q_EMIT reachabilityChanged(online);
}

QString ServiceClient::serviceName() const {
    return m_baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace slotdesk

#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace slotdesk {

// Why a call to the service failed, with a message staff can act on (translated; German by
// default). `reason` and `field` come from the service's JSON error body when it sent one.
struct ServiceError {
    enum class Kind {
        None,
        Unreachable,  // no connection (refused, host unknown, network down)
        Timeout,      // no answer within the call's timeout
        Certificate,  // TLS: not trusted by the system, or not the pinned certificate
        Unauthorized, // 401: wrong login, or the token expired or was revoked
        Forbidden,    // 403: the role or the account's centres do not allow it
        Rejected,     // any other 4xx: the request itself was refused
        ServerError,  // 5xx
        MalformedReply,
        Cancelled, // the client was told to stop (shut-down, new sign-in)
    };
    Kind kind = Kind::None;
    int status = 0;  // HTTP status, 0 without an answer
    QString reason;  // the service's "error" code, e.g. "invalid_token"
    QString field;   // the service's "field" for validation errors
    QString detail;  // the service's own "message" (English) or the network error
    QString message; // translated, for staff

    bool ok() const { return kind == Kind::None; }
    // Unreachable and Timeout: the service may be fine, the way to it is not.
    bool isConnectivity() const { return kind == Kind::Unreachable || kind == Kind::Timeout; }
};

// One answer of the service: the HTTP status and JSON body, or why there is none.
struct ServiceReply {
    int status = 0;
    QJsonDocument json;
    QByteArray body; // the raw body of a call that asked for something other than JSON
    ServiceError error;
    QByteArray etag; // the ETag header as sent (the service's revision in quotes), or empty

    bool ok() const { return error.ok(); }
    QJsonObject object() const { return json.object(); }
};

// The translated messages, one place for every failure the client reports.
namespace serviceMessages {
QString unreachable(const QString &service, const QString &detail);
QString timeout(const QString &service, int seconds);
QString certificate(const QString &service, const QString &detail);
QString pinMismatch(const QString &service);
QString wrongCredentials();
QString sessionExpired();
QString forbidden(const QString &detail);
QString rejected(int status, const QString &reason, const QString &detail);
QString tooManyAttempts(int retryAfterSeconds);
QString serverError(int status);
QString malformedReply();
QString cancelled();
QString noServiceConfigured();
} // namespace serviceMessages

} // namespace slotdesk

#include "net/ServiceError.h"

#include <QCoreApplication>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct ServiceClient {
    Q_DECLARE_TR_FUNCTIONS(ServiceClient)
};

} // namespace

namespace serviceMessages {

QString unreachable(const QString &service, const QString &detail) {
    return ServiceClient::tr("The service at %1 cannot be reached (%2). Check the address in "
                             "Settings → Service and the network connection.")
        .arg(service, detail);
}

QString timeout(const QString &service, int seconds) {
    return ServiceClient::tr("The service at %1 did not answer within %2 seconds. Try again "
                             "later.")
        .arg(service)
        .arg(seconds);
}

QString certificate(const QString &service, const QString &detail) {
    return ServiceClient::tr("The certificate of the service at %1 is not trusted (%2). Check "
                             "the address, or pin the service's certificate in Settings → "
                             "Service.")
        .arg(service, detail);
}

QString pinMismatch(const QString &service) {
    return ServiceClient::tr("The service at %1 shows a different certificate than the pinned "
                             "one. The connection was closed; ask your administrator.")
        .arg(service);
}

QString wrongCredentials() {
    return ServiceClient::tr("The login or the password is wrong.");
}

QString sessionExpired() {
    return ServiceClient::tr("Your sign-in has expired or is no longer valid. Please sign in "
                             "again.");
}

QString forbidden(const QString &detail) {
    return ServiceClient::tr("Your account may not do this (%1).").arg(detail);
}

QString rejected(int status, const QString &reason, const QString &detail) {
    return ServiceClient::tr("The service refused the request (HTTP %1, %2): %3")
        .arg(status)
        .arg(reason, detail);
}

QString tooManyAttempts(int retryAfterSeconds) {
    return ServiceClient::tr("Too many attempts. Try again in %1 seconds.").arg(retryAfterSeconds);
}

QString serverError(int status) {
    return ServiceClient::tr("The service has an internal problem (HTTP %1). Try again later; "
                             "if it persists, tell your administrator.")
        .arg(status);
}

QString malformedReply() {
    return ServiceClient::tr("The service's answer could not be read. Is the address really a "
                             "Slotdesk service?");
}

QString cancelled() {
    return ServiceClient::tr("The request was cancelled.");
}

QString noServiceConfigured() {
    return ServiceClient::tr("No service is configured. Enter its address in Settings → "
                             "Service.");
}

} // namespace serviceMessages

} // namespace slotdesk

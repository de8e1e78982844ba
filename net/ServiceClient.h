#pragma once

#include "net/ServiceError.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkReply;

namespace slotdesk {

class Clock;
class Session;

// The console's client of the booking service: REST over one QNetworkAccessManager (HTTP/1.1
// keep-alive), used from the UI thread. Every call returns at once with a future that finishes
// on the UI thread with a ServiceReply, as the store's calls do (watch it with whenFinished).
//
// Every mutation carries a fresh Idempotency-Key. Only idempotent calls are retried, with
// backoff, after a failure on the way (unreachable, timeout, 502/503/504): GETs, PUTs and
// DELETEs, and POSTs that carry their key; a retry reuses the call's key, so the service
// applies the mutation at most once. Sign-in is never retried.
//
// TLS trusts the system's CA store, or, with a pinned SHA-256 fingerprint, exactly that
// certificate (self-signed accepted). A 401 on a call that carried the session's token ends
// the session: the token is gone and the user has to sign in again.
class ServiceClient : public QObject {
    Q_OBJECT
public:
    ServiceClient(Session &session, const Clock &clock, QObject *parent = nullptr);
    ~ServiceClient() override; // pending calls finish with Kind::Cancelled

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Hex SHA-256 of the DER certificate, colons and spaces allowed; empty: system CAs only.
    // False (and the pin unchanged) when `sha256` is not 64 hex digits.
    bool setPinnedCertificate(const QString &sha256);
    QByteArray pinnedCertificate() const { return m_pin; }
    // A call fails with Kind::Timeout when nothing arrives for this long.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    // Retries of idempotent calls; the pause doubles from `firstBackoffMs` on each retry.
    void setRetries(int retries, int firstBackoffMs);

    // While offline the client asks GET /api/v1/health this often, to notice the way back.
    void setProbeInterval(int milliseconds);

    Session &session() const { return m_session; }
    // Online after any answer of the service, offline after a call could not reach it.
    bool isOnline() const { return m_online; }
    QDateTime offlineSince() const { return m_offlineSince; } // UTC; invalid while online

    QFuture<ServiceReply> health();
    // Starts the session on success; a failure leaves it untouched.
    QFuture<ServiceReply> signIn(const QString &login, const QString &password);
    // Ends the session at once; tells the service when it can be reached.
    QFuture<ServiceReply> signOut();
    QFuture<ServiceReply> currentUser();

    // Staff publishing: the centre and its opening hours, by the console's centre UUID. With
    // `ifMatchRevision` > 0 the service refuses (412) once its revision of the centre is another
    // one; the reply's etag carries the revision after the change. `acceptAffected` confirms a
    // change of hours that leaves booked appointments outside (else 409 bookings_affected).
    QFuture<ServiceReply> publishCentre(const QString &uuid, const QJsonObject &centre,
                                        int ifMatchRevision = 0);
    QFuture<ServiceReply> publishOpeningHours(const QString &uuid, const QJsonObject &hours,
                                              int ifMatchRevision = 0, bool acceptAffected = false);
    // The bookings proposed opening hours would leave outside (an audited read of names).
    QFuture<ServiceReply> hoursImpact(const QString &uuid, const QJsonObject &hours);
    // The service's current centre, opening hours and revision.
    QFuture<ServiceReply> centre(const QString &uuid);
    // The revision in an ETag ("\"7\"" → 7); 0 when there is none.
    static int revisionOf(const QByteArray &etag);

    // `path` starts with "/api/"; the session's token goes along when signed in.
    QFuture<ServiceReply> get(const QString &path);
    QFuture<ServiceReply> put(const QString &path, const QJsonObject &body);
    QFuture<ServiceReply> post(const QString &path, const QJsonObject &body);
    QFuture<ServiceReply> remove(const QString &path);
    // A POST that carries the caller's Idempotency-Key: a caller that sends the same request
    // again after a lost answer (a wizard's "retry") reuses it, and the service applies it once.
    QFuture<ServiceReply> post(const QString &path, const QJsonObject &body,
                               const QByteArray &idempotencyKey);
    // A GET of another media type (e.g. "text/csv"): the answer's bytes arrive in
    // ServiceReply::body; an error answer is still read as the service's JSON error.
    QFuture<ServiceReply> getAs(const QString &path, const QByteArray &accept);

    // Normalised fingerprint (lower-case hex, 64 digits) or empty when `text` is none.
    static QByteArray parseFingerprint(const QString &text);

Q_SIGNALS:
    void reachabilityChanged(bool online);

private:
    struct Call;
    enum class Retry { Never, Idempotent };
    QFuture<ServiceReply> start(const QByteArray &method, const QString &path,
                                const QByteArray &body, Retry retry, const QString &token,
                                const QByteArray &ifMatch = {},
                                const QByteArray &idempotencyKey = {},
                                const QByteArray &accept = {});
    void send(const std::shared_ptr<Call> &call);
    void onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    ServiceReply classify(const Call &call, QNetworkReply *reply) const;
    bool shouldRetry(const Call &call, const ServiceReply &reply) const;
    void complete(const std::shared_ptr<Call> &call, const ServiceReply &reply);
    void noteReachability(const ServiceError &error);
    QString serviceName() const;

    Session &m_session;
    const Clock &m_clock;
    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    QByteArray m_pin;
    int m_timeoutMs = 15000;
    int m_retries = 2;
    int m_backoffMs = 300;
    bool m_online = true;
    QDateTime m_offlineSince;
    QList<std::shared_ptr<Call>> m_pending;
    QTimer m_probe;
};

} // namespace slotdesk

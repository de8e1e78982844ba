#pragma once

#include <QHash>
#include <QString>

namespace slotdesk {

// Slows down password guessing, per login and per client address, with exponential backoff:
// after `freeFailures` consecutive failures every further failure doubles the wait (from
// baseDelay up to maxDelay). A blocked attempt is answered 429 with Retry-After before the
// password is even checked, so guessing also costs the service no Argon2 time.
// In memory, per service instance: a restart forgets it, which only gives an attacker the
// free failures once more.
class LoginThrottle {
public:
    struct Policy {
        int freeFailures = 3;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 15 * 60 * 1000;
    };
    LoginThrottle(Policy perLogin, Policy perAddress);
    LoginThrottle();

    // 0 when an attempt may proceed now, else the seconds to wait (rounded up, >= 1).
    qint64 retryAfterSeconds(const QString &login, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &login, const QString &address, qint64 nowMs);
    // A correct password clears the login's failures; the address keeps its record so that one
    // known account cannot be used to reset guessing on others.
    void recordSuccess(const QString &login);

    // Argon2id verification runs on the server thread (~50 ms at interactive cost), so many
    // addresses guessing at once could starve the booking routes: at most `perSecond`
    // verifications per second service-wide; false means answer 429 without verifying.
    void setVerificationsPerSecond(int perSecond) { m_verificationsPerSecond = perSecond; }
    bool takeVerification(qint64 nowMs);

private:
    struct Record {
        int failures = 0;
        qint64 blockedUntilMs = 0;
        qint64 lastFailureMs = 0;
    };
    static void fail(QHash<QString, Record> &records, const QString &key, const Policy &policy,
                     qint64 nowMs);
    static qint64 waitMs(const QHash<QString, Record> &records, const QString &key, qint64 nowMs);
    void prune(qint64 nowMs);

    Policy m_loginPolicy;
    Policy m_addressPolicy;
    QHash<QString, Record> m_logins;
    QHash<QString, Record> m_addresses;
    int m_verificationsPerSecond = 20;
    qint64 m_verificationSecond = -1;
    int m_verificationsThisSecond = 0;
};

} // namespace slotdesk

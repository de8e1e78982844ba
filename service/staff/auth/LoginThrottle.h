#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace slotdesk {

// Slows down password guessing, per login and client address together and per client address,
// with exponential backoff: after `freeFailures` consecutive failures every further failure
// doubles the wait (from baseDelay up to maxDelay). A blocked attempt is answered 429 with
// Retry-After before the password is even checked, so guessing also costs the service no Argon2
// time. A login is never blocked on its own: someone guessing a colleague's password blocks
// only their own address, and the colleague still logs in from theirs. Guessing from many
// addresses at once is bounded by the service-wide ceiling of checks (PasswordCheckPool).
// In memory, per service instance: a restart forgets it, which only gives an attacker the
// free failures once more.
class LoginThrottle {
public:
    struct Policy {
        int freeFailures = 3;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 15 * 60 * 1000;
    };
    LoginThrottle(Policy perLoginAndAddress, Policy perAddress);
    LoginThrottle();

    // 0 when an attempt may proceed now, else the seconds to wait (rounded up, >= 1).
    qint64 retryAfterSeconds(const QString &login, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &login, const QString &address, qint64 nowMs);
    // A correct password clears the failures of the login at this address; the address keeps
    // its record so that one known account cannot be used to reset guessing on others.
    void recordSuccess(const QString &login, const QString &address);

    // One password check at a time per login and address: a second one while the first is
    // still running is refused (false), so a burst cannot spend the free failures in parallel.
    bool beginCheck(const QString &login, const QString &address);
    void endCheck(const QString &login, const QString &address);

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

    static QString pairKey(const QString &login, const QString &address);

    Policy m_pairPolicy;
    Policy m_addressPolicy;
    QHash<QString, Record> m_pairs;
    QHash<QString, Record> m_addresses;
    QSet<QString> m_checking;
};

} // namespace slotdesk

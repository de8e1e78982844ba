#pragma once

#include <QHash>
#include <QString>

namespace slotdesk {

class Clock;

// Token bucket per client address against brute-forcing booking codes: `burst` lookups at
// once, refilled at `perMinute`. Time comes from the Clock so tests are exact. Idle buckets are
// forgotten by prune() (a full bucket carries no information).
class RateLimiter {
public:
    RateLimiter(const Clock &clock, int burst, int perMinute);
    // 0 when the request may proceed (a token was taken), else seconds until the next token.
    qint64 take(const QString &client);
    void prune();

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    const Clock &m_clock;
    double m_burst;
    double m_perMs;
    QHash<QString, Bucket> m_buckets;
};

} // namespace slotdesk

#include "service/citizen/RateLimiter.h"

#include "models/core/Clock.h"

#include <cmath>

namespace slotdesk {

RateLimiter::RateLimiter(const Clock &clock, int burst, int perMinute)
    : m_clock(clock)
    , m_burst(burst)
    , m_perMs(perMinute / 60000.0) {}

qint64 RateLimiter::take(const QString &client) {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket{m_burst, now});
    Bucket &b = *it;
    b.tokens = std::min(m_burst, b.tokens + double(std::max<qint64>(0, now - b.lastMs)) * m_perMs);
    b.lastMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return qint64(std::ceil((1.0 - b.tokens) / m_perMs / 1000.0));
}

void RateLimiter::prune() {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->tokens + double(now - it->lastMs) * m_perMs >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace slotdesk

#include "service/staff/auth/LoginThrottle.h"

#include <QStringBuilder>

#include <algorithm>

namespace slotdesk {

namespace {
// Bounds the memory an attacker can make us spend on records of random logins.
constexpr qsizetype maxRecords = 100000;
} // namespace

LoginThrottle::LoginThrottle(Policy perLoginAndAddress, Policy perAddress)
    : m_pairPolicy(perLoginAndAddress)
    , m_addressPolicy(perAddress) {}

LoginThrottle::LoginThrottle()
    : LoginThrottle(Policy{3, 1000, 15 * 60 * 1000}, Policy{20, 1000, 15 * 60 * 1000}) {}

QString LoginThrottle::pairKey(const QString &login, const QString &address) {
    return login.toCaseFolded() % u'\n' % address;
}

qint64 LoginThrottle::waitMs(const QHash<QString, Record> &records, const QString &key,
                             qint64 nowMs) {
    return std::max<qint64>(0, records.value(key).blockedUntilMs - nowMs);
}

qint64 LoginThrottle::retryAfterSeconds(const QString &login, const QString &address,
                                        qint64 nowMs) const {
    const qint64 wait = std::max(waitMs(m_pairs, pairKey(login, address), nowMs),
                                 waitMs(m_addresses, address, nowMs));
    return wait == 0 ? 0 : (wait + 999) / 1000;
}

void LoginThrottle::fail(QHash<QString, Record> &records, const QString &key, const Policy &policy,
                         qint64 nowMs) {
    Record &record = records[key];
    // A quiet period as long as the longest delay forgives old failures.
    if (record.failures > 0 && nowMs - record.lastFailureMs > policy.maxDelayMs)
        record.failures = 0;
    ++record.failures;
    record.lastFailureMs = nowMs;
    const int over = record.failures - policy.freeFailures;
    if (over > 0) {
        const int shift = std::min(over - 1, 30);
        const qint64 delay = std::min(policy.maxDelayMs, policy.baseDelayMs << shift);
        record.blockedUntilMs = nowMs + delay;
    }
}

void LoginThrottle::recordFailure(const QString &login, const QString &address, qint64 nowMs) {
    prune(nowMs);
    fail(m_pairs, pairKey(login, address), m_pairPolicy, nowMs);
    fail(m_addresses, address, m_addressPolicy, nowMs);
}

void LoginThrottle::recordSuccess(const QString &login, const QString &address) {
    m_pairs.remove(pairKey(login, address));
}

bool LoginThrottle::beginCheck(const QString &login, const QString &address) {
    const QString key = pairKey(login, address);
    if (m_checking.contains(key))
        return false;
    m_checking.insert(key);
    return true;
}

void LoginThrottle::endCheck(const QString &login, const QString &address) {
    m_checking.remove(pairKey(login, address));
}

void LoginThrottle::prune(qint64 nowMs) {
    if (m_pairs.size() + m_addresses.size() < maxRecords)
        return;
    const auto stale = [nowMs](const Policy &policy) {
        return [nowMs, policy](const Record &r) {
            return r.blockedUntilMs <= nowMs && nowMs - r.lastFailureMs > policy.maxDelayMs;
        };
    };
    m_pairs.removeIf([&](const QHash<QString, Record>::iterator &it) {
        return stale(m_pairPolicy)(it.value());
    });
    m_addresses.removeIf([&](const QHash<QString, Record>::iterator &it) {
        return stale(m_addressPolicy)(it.value());
    });
}

} // namespace slotdesk

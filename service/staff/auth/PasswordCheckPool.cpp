#include "service/staff/auth/PasswordCheckPool.h"

#include <algorithm>

namespace slotdesk {

PasswordCheckPool::PasswordCheckPool(const PasswordHasher &hasher, int threads, int ceiling,
                                     QObject *parent)
    : QObject(parent)
    , m_hasher(hasher)
    , m_ceiling(std::max(1, ceiling)) {
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setObjectName(QStringLiteral("password-checks"));
}

PasswordCheckPool::~PasswordCheckPool() {
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordCheckPool::submit(const QString &encodedHash, const QString &password, Done done) {
    if (m_pending >= m_ceiling)
        return false;
    ++m_pending;
    m_pool.start([this, encodedHash, password, done = std::move(done)]() mutable {
        const bool matches = encodedHash.isEmpty() ? (m_hasher.verifyDummy(password), false)
                                                   : m_hasher.verify(encodedHash, password);
        // Queued to this object's thread; the destructor waits for this task first, so `this`
        // is alive here, and Qt drops the call if the object is gone before it runs.
        QMetaObject::invokeMethod(
            this, [this, matches, done = std::move(done)] { finished(matches, done); },
            Qt::QueuedConnection);
    });
    return true;
}

void PasswordCheckPool::finished(bool matches, const Done &done) {
    --m_pending;
    done(matches);
}

} // namespace slotdesk

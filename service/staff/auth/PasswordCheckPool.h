#pragma once

#include "service/staff/auth/PasswordHasher.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace slotdesk {

// Runs Argon2id password checks on worker threads so that the server thread keeps answering
// (one check costs about 50 ms at the interactive cost). Bounded: at most `ceiling` checks are
// running or queued at once; beyond that submit() refuses and the caller answers "busy".
// Results come back on the thread that owns the pool, in a later event-loop turn. Destroying
// the pool waits for the running checks and drops their results.
class PasswordCheckPool final : public QObject {
    Q_OBJECT
public:
    PasswordCheckPool(const PasswordHasher &hasher, int threads, int ceiling,
                      QObject *parent = nullptr);
    ~PasswordCheckPool() override;

    using Done = std::function<void(bool matches)>;
    // Checks `password` against `encodedHash`, or against a hash that never matches when
    // `encodedHash` is empty (unknown logins cost the same time). False when the ceiling is
    // reached: then `done` is never called.
    bool submit(const QString &encodedHash, const QString &password, Done done);
    int pending() const { return m_pending; }
    int ceiling() const { return m_ceiling; }

private:
    void finished(bool matches, const Done &done);

    const PasswordHasher &m_hasher;
    int m_ceiling = 0;
    int m_pending = 0; // only touched on the owning thread
    QThreadPool m_pool;
};

} // namespace slotdesk

#pragma once

#include "service/staff/auth/LoginThrottle.h"
#include "service/staff/auth/PasswordHasher.h"

namespace slotdesk {

// Staff-side knobs. Defaults are the production values; tests lower the Argon2 cost explicitly
// (ServiceConfig key "password-hash = minimal").
struct StaffSettings {
    PasswordHashLimits passwordLimits = PasswordHashLimits::interactive();
    qint64 tokenTtlSeconds = 12 * 3600; // one shift
    LoginThrottle::Policy perLoginAndAddress{3, 1000, 15 * 60 * 1000};
    LoginThrottle::Policy perAddress{20, 1000, 15 * 60 * 1000};
    // Argon2id checks run on their own threads (PasswordCheckPool); one thread leaves the other
    // cores to booking. Beyond `passwordCheckCeiling` checks running or queued, logins are
    // answered 503 with Retry-After.
    int passwordCheckThreads = 1;
    int passwordCheckCeiling = 8;
    // Live stream: replay page size, keep-alive ping, and how many bytes may wait unsent for
    // one console before it is dropped as too slow (it reconnects with its last seq).
    int streamReplayPage = 500;
    int streamPingSeconds = 30;
    qint64 streamMaxPendingBytes = 8 * 1024 * 1024;
};

} // namespace slotdesk

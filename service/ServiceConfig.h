#pragma once

#include "service/staff/StaffSettings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace slotdesk {

// Everything the service reads at start. Precedence: built-in defaults < config file (INI,
// section [service]) < command-line flags. Keys in the file are the flag names without "--"
// (listen, port, database, key-file, pepper-file, hold-minutes, sync, max-body-bytes,
// lookup-burst, lookup-per-minute, holds-per-client, holds-per-person, idempotency-cache,
// availability-cache, head-timeout, body-timeout, idle-timeout, max-connections, trusted-proxy), so
// one table documents both. trusted-proxy may be repeated on the command line; in the file it is a
// comma-separated list.
struct ServiceConfig {
    QHostAddress listen = QHostAddress::LocalHost;
    quint16 port = 8080; // 0: any free port
    QString databasePath = QStringLiteral("slotdesk-service.db");
    QString keyFile = QStringLiteral("slotdesk-service.key"); // Ed25519 secret key, 0600
    // The person key pepper (32 bytes, 0600); empty: beside the key file, "<key-file>.pepper".
    QString pepperPath;
    QString pepperFile() const { return pepperPath.isEmpty() ? keyFile + u".pepper" : pepperPath; }
    int holdMinutes = 10;
    // SQLite synchronous mode: "normal" survives a process crash (kill -9) with WAL; "full"
    // also survives power loss, at a cost per commit (an fsync).
    bool syncFull = false;
    qint64 maxBodyBytes = 64 * 1024;
    // Code lookups (GET/DELETE /bookings/{code}) per client IP: token bucket.
    int lookupBurst = 20;
    int lookupPerMinute = 60;
    // HTTP front door (HttpLimits): timeouts for a request head and body in progress and for
    // idle keep-alive connections (keys in seconds), and the cap on open connections.
    int headTimeoutMs = 10 * 1000;
    int bodyTimeoutMs = 30 * 1000;
    int idleTimeoutMs = 60 * 1000;
    int maxConnections = 4096;
    // Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client.
    QStringList trustedProxies;
    // Places one client address may hold at once (0: unlimited); beyond it 429 + Retry-After.
    int holdsPerClient = 10;
    int holdsPerPerson = 2;
    // Entries of the in-memory idempotency answers and availability answers (LRU).
    int idempotencyCache = 100000;
    int availabilityCache = 4096;
    // Staff side: token lifetime (key token-minutes), Argon2id cost (key password-hash:
    // "interactive", the default, or "minimal" for test set-ups only), stream limits.
    StaffSettings staff;
    // --create-admin LOGIN: create that admin account (password from stdin or the environment
    // variable SLOTDESK_ADMIN_PASSWORD) and exit instead of serving.
    QString createAdmin;

    // Parses argv (QCoreApplication::arguments()). Returns false with *error set (or *exitHelp
    // true for --help/--version, with *helpText filled) when the service must not start.
    static bool fromArguments(const QStringList &arguments, ServiceConfig *config, QString *error,
                              QString *helpText);
    // Applies an INI file's [service] section on top of *config.
    static bool applyFile(const QString &path, ServiceConfig *config, QString *error);
};

} // namespace slotdesk

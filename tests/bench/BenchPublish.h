#pragma once

#include "tests/bench/BenchSlots.h"

#include <QString>

namespace slotdesk::bench {

struct PublishOptions {
    QString servicePath;        // the slotdesk-service binary
    QString directory;          // fresh databases are created here
    SlotsOptions plan;          // the same plan as slots_bench
    int maxSlots = 10000;       // slots per release at most (the service's batch limit)
    qint64 bodyLimit = 8 << 20; // the service's --max-body-bytes
    int runs = 1;               // publish and plain insert alternate which goes first
};

// Publishes slots_bench's plan to a real slotdesk-service as releases (POST /api/v1/releases,
// opening "now"), one per centre, service and Berlin month (split further at maxSlots), one
// after the other on one keep-alive connection as a console sends them; then inserts the same
// rows into a SQLite file with a bare prepared statement in one transaction, in the same run.
// Prints time, bytes, slots/s (wall, and the service's CPU) and the ratio publish/plain, and
// a RESULT line. Returns 0, or 1 with a message on stderr.
int runPublish(const PublishOptions &options);

} // namespace slotdesk::bench

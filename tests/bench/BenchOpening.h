#pragma once

#include <QString>

namespace slotdesk::bench {

struct OpeningOptions {
    QString servicePath; // the slotdesk-service binary
    QString directory;   // the service's database goes here
    int clients = 64;
    int runs = 5;
    int leadSeconds = 3; // the release opens this far ahead of its creation (whole seconds)
    int pollMs = 100;    // each client's pause between an answer and its next poll; 0: none
    int slots = 16;      // slots in each run's release
    int capacity = 8;    // places per slot (slots × capacity ≥ clients, so everyone can book)
};

// Release opening under polling: per run, a release of `slots` pcr slots on its own day is
// created to open at a whole second T a few seconds ahead; `clients` keep-alive connections
// poll that day's availability from T − 1 s on, and each one holds and confirms a slot as soon
// as an answer shows places. Reports per run the delay from T to the first answer with places,
// the first accepted hold and the first confirmed booking (and the median and last client),
// then p50/p90/p99/max of those over the runs, and RESULT lines. Returns 0, or 1 with a
// message on stderr.
int runOpening(const OpeningOptions &options);

} // namespace slotdesk::bench

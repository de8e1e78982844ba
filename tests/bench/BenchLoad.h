#pragma once

#include <QString>

namespace slotdesk::bench {

struct LoadOptions {
    quint16 port = 0;
    int connections = 64;
    double seconds = 10;
    // "book": every connection loops hold → confirm on the pcr slots for `seconds`.
    // "race": every connection makes exactly one hold → confirm on the single rapid_antigen
    //         slot, all at once; reports how many were confirmed.
    QString mode = QStringLiteral("book");
};

// A keep-alive HTTP/1.1 load client on raw sockets (one thread, like wrk), so that the client
// costs little of the shared 2 cores. Prints a summary and a machine-readable RESULT line.
int runLoad(const LoadOptions &options);

} // namespace slotdesk::bench

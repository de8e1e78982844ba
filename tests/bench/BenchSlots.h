#pragma once

#include <QString>

namespace slotdesk::bench {

struct SlotsOptions {
    QString directory; // fresh database files are created here
    int centres = 25;
    int days = 365;
    int services = 3; // vaccines per centre
    int slotMinutes = 5;
    int openHours = 12; // every day from 08:00
    int runs = 1;       // store and plain insert alternate, the order flipping every run
};

// Generates one plan of slots for `centres` centres over `days` days and stores it through the
// console's store (ConsoleStore::saveSlotPlan: one transaction, synchronous=FULL), then writes
// the same rows into a second, freshly migrated database with a bare prepared INSERT loop in one
// transaction (the plain bulk insert). Prints slots/s for generation, storing and the plain
// insert, and the ratio store/plain. Returns 0, or 1 with a message on stderr.
int runSlots(const SlotsOptions &options);

} // namespace slotdesk::bench

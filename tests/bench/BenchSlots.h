#pragma once

#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"
#include "models/rules/SlotGenerator.h"

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

// Shared with the publishing benchmark, which compares against the same plain insert.
struct Timing {
    double wall = 0;
    double cpu = 0;
};
// Process CPU time: on a shared machine wall time includes waiting for a core, CPU time does
// not (only the measured step runs while it is taken).
double cpuSeconds();
void removeDatabase(const QString &path);
Centre benchCentre(int index, const SlotsOptions &options);
OpeningHours benchHours(qint64 centreId, const SlotsOptions &options);
// The plan of `options` from tomorrow on for centres with ids 1..centres (returned in
// `centres`), generated on the calling thread.
SlotPlan benchPlan(const SlotsOptions &options, QList<Centre> *centres);
// The plain bulk insert: the same rows into the same schema (a freshly migrated database at
// `path`, the console's pragmas, the centres' rows untimed), one prepared statement, one
// transaction, nothing else (no replacement of earlier plans, no progress, no cancellation).
bool plainInsert(const QString &path, const SlotPlan &plan, const QList<Centre> &centres,
                 Timing *timing);

} // namespace slotdesk::bench

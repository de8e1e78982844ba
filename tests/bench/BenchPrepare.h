#pragma once

#include <QString>

namespace slotdesk::bench {

struct PrepareOptions {
    QString database;
    int days = 14;         // bookable days from tomorrow (Berlin)
    int slotsPerDay = 20;  // from 08:00, every 15 minutes
    int capacity = 2000;   // per bookable slot
    int raceCapacity = 10; // one "rapid_antigen" slot with this capacity, for the race
    qint64 preload = 0;    // confirmed bookings already stored (in past slots)
};

// Creates and migrates the database, one centre (id 1, services pcr + rapid_antigen) with the
// bookable slots, and a history centre (id 2) with `preload` bookings in past slots, written
// directly in bulk transactions (far faster than through HTTP). Returns false with a message
// on stderr.
bool prepare(const PrepareOptions &options);

} // namespace slotdesk::bench

#pragma once

#include "models/store/StoreError.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace slotdesk {

// Brings the person keys of stored bookings to the current PersonKey scheme. Migration 6
// cannot (SQL has no BLAKE2b, and the pepper is not in the database): the service runs this at
// start. Every booking is re-keyed from its stored names and birth date in ONE transaction with
// the row in person_key_rekeys that records it, so it runs once and never half. Bookings whose
// old keys differed only by contact may now be one person: no booking is cancelled or lost —
// the earliest active one of the person keeps the plain key (and so blocks new duplicates),
// each later one gets its key with a suffix (0xff and a counter) and stays as it was.
class PersonKeyRekey {
public:
    static const char *scheme() { return "blake2b-pepper-v1"; }
    struct Result {
        bool ran = false;
        qint64 bookings = 0;
        qint64 merged = 0; // active bookings that turned out to belong to a person booked before
    };
    static StoreError run(QSqlDatabase db, const QByteArray &pepper, qint64 now, Result *result);
};

} // namespace slotdesk

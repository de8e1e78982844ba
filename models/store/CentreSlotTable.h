#pragma once

#include "models/store/StoreError.h"

#include <QList>
#include <QSqlDatabase>

namespace slotdesk {

// The published slots of one centre as a change of its opening hours sees them. Runs inside the
// caller's transaction.
class CentreSlotTable {
public:
    explicit CentreSlotTable(QSqlDatabase db);

    struct Slot {
        qint64 id = 0;
        qint64 startsAt = 0; // Unix seconds
        int minutes = 0;
        int capacity = 0;
        int booked = 0;
    };
    // Slots of the centre starting at or after `from` that still offer their places (not
    // withdrawn), by start.
    Stored<QList<Slot>> upcoming(qint64 centreId, qint64 from) const;
    // Takes the unbooked places of these slots away as a release withdrawal does (capacity =
    // booked, the rest counted in withdrawn_places): booked appointments stay, nothing is
    // deleted, and a later cancellation never brings a place back.
    StoreError withdraw(const QList<qint64> &slotIds, qint64 now);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

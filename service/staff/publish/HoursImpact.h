#pragma once

#include "models/domain/OpeningHours.h"
#include "models/store/DeskBookingStore.h"
#include "models/store/StoreError.h"

#include <QList>
#include <QSqlDatabase>

namespace slotdesk {

// What a proposed set of opening hours does to a centre's published slots from `now` on: the
// slots that would lie outside the hours, and the confirmed bookings in them (staff contact
// those people; their appointments are kept).
struct HoursImpact {
    QList<qint64> slotsOutside;
    QList<DeskBooking> bookings; // by slot start
};

Stored<HoursImpact> hoursImpact(const QSqlDatabase &db, qint64 centreId, const QString &centreUuid,
                                const OpeningHours &proposed, qint64 now);

} // namespace slotdesk

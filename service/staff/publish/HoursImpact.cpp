#include "service/staff/publish/HoursImpact.h"

#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"
#include "models/store/CentreSlotTable.h"

#include <limits>

namespace slotdesk {

Stored<HoursImpact> hoursImpact(const QSqlDatabase &db, qint64 centreId, const QString &centreUuid,
                                const OpeningHours &proposed, qint64 now) {
    Stored<HoursImpact> result;
    const QTimeZone zone = berlinTimeZone();
    const Stored<QList<CentreSlotTable::Slot>> slots = CentreSlotTable(db).upcoming(centreId, now);
    if (slots.error) {
        result.error = slots.error;
        return result;
    }
    bool anyBooked = false;
    for (const CentreSlotTable::Slot &slot : slots.value) {
        if (slotWithinHours(proposed, slot.startsAt, slot.minutes, zone))
            continue;
        result.value.slotsOutside.append(slot.id);
        anyBooked = anyBooked || slot.booked > 0;
    }
    if (!anyBooked)
        return result;
    DeskBookingFilter filter;
    filter.centreUuid = centreUuid;
    filter.startsFrom = now;
    filter.state = QStringLiteral("confirmed");
    filter.limit = std::numeric_limits<int>::max();
    const Stored<QList<DeskBooking>> read = DeskBookingStore(db).list(filter);
    if (read.error) {
        result.error = read.error;
        return result;
    }
    for (const DeskBooking &b : read.value) {
        if (!slotWithinHours(proposed, b.startsAt, b.minutes, zone))
            result.value.bookings.append(b);
    }
    return result;
}

} // namespace slotdesk

#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <QFuture>

#include <functional>
#include <memory>
#include <vector>

namespace slotdesk {

// One generated slot, as the `slots` table stores it. `service` indexes SlotPlan::services so a
// year of slots for many centres stays small (32 bytes a slot).
struct PlannedSlot {
    qint64 centreId = 0;
    qint64 startsAt = 0; // UTC epoch seconds, as slots.starts_at
    qint32 minutes = 0;
    qint32 capacity = 0; // lanes × persons per lane and slot
    qint32 service = 0;
    friend bool operator==(const PlannedSlot &, const PlannedSlot &) = default;
};

// Slots and places of one day and service, summed over the plan's centres.
struct SlotDayTotal {
    qint64 slots = 0;
    qint64 places = 0;
};

struct SlotPlanCentre {
    Centre centre;
    OpeningHours hours;
};

struct SlotPlanRequest {
    QList<SlotPlanCentre> centres;
    // Service codes to plan; each centre gets those it offers. Empty: every service it offers.
    QStringList services;
    QDate first; // inclusive, Europe/Berlin calendar days
    QDate last;  // inclusive
};

// Slots for a date range, ordered by day, then centre (request order), service and start. Day
// first, so that storing appends to the time index and to each (centre, service) run of the
// unique key instead of jumping around in them.
struct SlotPlan {
    QDate first;
    QDate last;
    QStringList services;    // the services that occur, in request order
    QList<qint64> centreIds; // the centres planned, in request order
    std::vector<PlannedSlot> slots;
    std::vector<SlotDayTotal> dayTotals; // [day * services.size() + service]

    int dayCount() const {
        return first.isValid() && last >= first ? int(first.daysTo(last)) + 1 : 0;
    }
    SlotDayTotal total(int day, int service) const;
    SlotDayTotal dayTotal(int day) const; // all services
    SlotDayTotal grandTotal() const;
    qint64 places() const { return grandTotal().places; }
};

// Slot generation: each open interval of a day (OpeningHoursRules' planDay: closures, special
// days, breaks, Europe/Berlin) holds slotsInInterval() slots of the centre's default length,
// laid end to end in real time from the interval's start, each ending inside the interval.
//
// Daylight saving: a time inside the skipped spring hour does not exist, so an interval starting
// there starts at 03:00 and none of its slots lies in the gap. In the repeated autumn hour, an
// interval that spans it keeps all of it: slots continue in real time through the first and the
// second 02:00-03:00, so such a day has an hour more of slots and two slots labelled 02:00 (one
// +02:00, one +01:00). Their starts differ, so both fit the unique key.
class SlotGenerator {
    Q_DECLARE_TR_FUNCTIONS(SlotGenerator)
public:
    // Longest range one plan may cover: two years, which keeps a plan of many centres in memory.
    static constexpr int maxDays = 731;

    // A message for staff when the range cannot be planned (invalid, inverted, too long); empty
    // when it can.
    static QString rangeProblem(QDate first, QDate last);

    // Called after each day; returning false cancels the generation.
    using Progress = std::function<bool(int daysDone, int daysTotal)>;

    // Fills *plan; false when cancelled (*plan is then empty). A range with a problem gives an
    // empty plan.
    static bool generate(const SlotPlanRequest &request, SlotPlan *plan,
                         const Progress &progress = {}, const QTimeZone &zone = berlinTimeZone());

    // generate() on a thread of the global pool, never the caller's: progress is days done
    // (0..days), QFuture::cancel() stops it and the future then ends without a result.
    static QFuture<std::shared_ptr<const SlotPlan>> run(SlotPlanRequest request);
};

} // namespace slotdesk

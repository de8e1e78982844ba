#pragma once

#include "models/domain/OpeningHours.h"

#include <QDateTime>
#include <QTimeZone>

namespace slotdesk {

// An open interval as absolute instants (UTC). On DST change days its real length differs
// from the wall-clock length: 01:00-04:00 lasts 2 h on the last Sunday of March, 4 h in October.
struct OpenInterval {
    QDateTime start;
    QDateTime end;
    qint64 seconds() const { return start.secsTo(end); }
    friend bool operator==(const OpenInterval &, const OpenInterval &) = default;
};

enum class DayStatus { Open, Closed, ClosedByClosure, SpecialHours };

struct DayPlan {
    QDate date;
    DayStatus status = DayStatus::Closed;
    QString note;                  // closure reason or special-day label
    QList<TimeRange> wallClock;    // open intervals in local wall-clock minutes, breaks removed
    QList<OpenInterval> intervals; // the same intervals as instants
    int slotsPerLane = 0;          // whole slots of slotMinutes fitting into the intervals
    int slots = 0;                 // slotsPerLane * capacity per slot
};

// Whole slots of slotMinutes that fit into one open interval, counted in real time (so fewer on
// the spring-forward day, more in the repeated autumn hour). The week preview and the slot
// generator both count with this, so they never disagree.
qint64 slotsInInterval(const OpenInterval &interval, int slotMinutes);

// Local wall-clock time to an instant. A time inside the spring-forward gap maps to the end of
// the gap; an ambiguous autumn time maps to its first occurrence for a start and its second
// for an end, so an interval spanning the repeated hour keeps all of it.
enum class Ambiguity { Earliest, Latest };
QDateTime localToUtc(QDate date, int minuteOfDay, const QTimeZone &zone, Ambiguity which);

// The open intervals of one day after applying closures, special days and breaks.
DayPlan planDay(const OpeningHours &hours, QDate date, int slotMinutes, int capacityPerSlot,
                const QTimeZone &zone);
// Seven DayPlans starting at the Monday of the week containing `anyDay`.
QList<DayPlan> planWeek(const OpeningHours &hours, QDate anyDay, int slotMinutes,
                        int capacityPerSlot, const QTimeZone &zone);

// Whether a slot [startsAt, startsAt + minutes) (UTC epoch seconds) lies wholly inside one open
// interval of its local day under `hours`: a slot that does not is cut by a change of hours.
bool slotWithinHours(const OpeningHours &hours, qint64 startsAt, int minutes,
                     const QTimeZone &zone);

// Editing rules for the opening-hours tables.

// A stable, readable order (weekday, start, open before break; closures by first day, special
// days by date); the lists' order carries no meaning in the store.
OpeningHours sortedHours(OpeningHours hours);

// Tuesday to Friday replaced by copies of Monday's rows (breaks included), the other days kept,
// in sortedHours() order.
QList<WeeklyInterval> copyMondayToWeekdays(const QList<WeeklyInterval> &rows);

// The interval offered when staff add a row for `weekday`: what they usually enter next is the
// afternoon after the morning, so four hours from an hour after the day's last open interval;
// from 08:00 when the day has none or that would start after 23:00.
WeeklyInterval defaultWeeklyInterval(const QList<WeeklyInterval> &rows, int weekday);

} // namespace slotdesk

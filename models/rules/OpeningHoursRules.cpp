#include "models/rules/OpeningHoursRules.h"

#include <algorithm>
#include <tuple>

namespace slotdesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr qint64 kSecondsPerDay = 24 * 60 * 60;

int offsetAt(const QTimeZone &zone, qint64 utcSeconds) {
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

// The first instant at or after `from` whose offset differs from the offset at `from`; the
// caller guarantees there is one before `to`. Found by bisection so that only offsetFromUtc()
// is needed, which behaves the same in every Qt version.
qint64 transitionBetween(const QTimeZone &zone, qint64 from, qint64 to) {
    const int before = offsetAt(zone, from);
    while (to - from > 1) {
        const qint64 mid = from + (to - from) / 2;
        if (offsetAt(zone, mid) == before)
            from = mid;
        else
            to = mid;
    }
    return to;
}

QList<TimeRange> normalised(QList<TimeRange> ranges) {
    for (TimeRange &r : ranges) {
        r.startMinute = std::clamp(r.startMinute, 0, kMinutesPerDay);
        r.endMinute = std::clamp(r.endMinute, 0, kMinutesPerDay);
    }
    ranges.removeIf([](const TimeRange &r) { return r.endMinute <= r.startMinute; });
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange &a, const TimeRange &b) { return a.startMinute < b.startMinute; });
    QList<TimeRange> merged;
    for (const TimeRange &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.startMinute <= merged.last().endMinute)
            merged.last().endMinute = std::max(merged.last().endMinute, r.endMinute);
        else
            merged.append(r);
    }
    return merged;
}

QList<TimeRange> subtract(const QList<TimeRange> &open, const QList<TimeRange> &breaks) {
    QList<TimeRange> result = open;
    for (const TimeRange &b : breaks) {
        QList<TimeRange> next;
        for (const TimeRange &r : std::as_const(result)) {
            if (b.endMinute <= r.startMinute || r.endMinute <= b.startMinute) {
                next.append(r);
                continue;
            }
            if (r.startMinute < b.startMinute)
                next.append({r.startMinute, b.startMinute});
            if (b.endMinute < r.endMinute)
                next.append({b.endMinute, r.endMinute});
        }
        result = next;
    }
    return result;
}

const Closure *closureOn(const OpeningHours &hours, QDate date) {
    for (const Closure &c : hours.closures) {
        if (c.first <= date && date <= c.last)
            return &c;
    }
    return nullptr;
}

const SpecialDay *specialDayOn(const OpeningHours &hours, QDate date) {
    for (const SpecialDay &d : hours.specialDays) {
        if (d.date == date)
            return &d;
    }
    return nullptr;
}

QList<TimeRange> weeklyRanges(const OpeningHours &hours, int weekday) {
    QList<TimeRange> open;
    QList<TimeRange> breaks;
    for (const WeeklyInterval &w : hours.weekly) {
        if (w.weekday == weekday)
            (w.isBreak ? breaks : open).append(w.range);
    }
    return normalised(subtract(normalised(open), normalised(breaks)));
}

} // namespace

QDateTime localToUtc(QDate date, int minuteOfDay, const QTimeZone &zone, Ambiguity which) {
    if (!date.isValid() || !zone.isValid())
        return {};
    // The wall-clock time read as if it were UTC; the real instant is this minus the offset.
    const qint64 wall =
        QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + qint64(minuteOfDay) * 60;
    // Offsets a day either side cover any transition near this time (they are months apart).
    const int offsetEarlier = offsetAt(zone, wall - kSecondsPerDay);
    const int offsetLater = offsetAt(zone, wall + kSecondsPerDay);

    QList<qint64> candidates;
    for (int offset : {offsetEarlier, offsetLater}) {
        const qint64 instant = wall - offset;
        if (offsetAt(zone, instant) == offset && !candidates.contains(instant))
            candidates.append(instant);
    }
    qint64 result = 0;
    if (candidates.isEmpty()) {
        // Spring-forward gap: the wall time is skipped; it lies between the instants it would
        // have with either offset, and the transition in between is the end of the gap.
        const qint64 lo = wall - std::max(offsetEarlier, offsetLater);
        const qint64 hi = wall - std::min(offsetEarlier, offsetLater);
        result = transitionBetween(zone, lo, hi);
    } else {
        const auto [min, max] = std::minmax_element(candidates.cbegin(), candidates.cend());
        result = which == Ambiguity::Earliest ? *min : *max;
    }
    return QDateTime::fromSecsSinceEpoch(result, Qt::UTC);
}

qint64 slotsInInterval(const OpenInterval &interval, int slotMinutes) {
    const qint64 slotSeconds = qint64(slotMinutes) * 60;
    if (slotSeconds <= 0 || !interval.start.isValid() || !interval.end.isValid())
        return 0;
    return std::max<qint64>(interval.seconds(), 0) / slotSeconds;
}

DayPlan planDay(const OpeningHours &hours, QDate date, int slotMinutes, int capacityPerSlot,
                const QTimeZone &zone) {
    DayPlan plan;
    plan.date = date;
    if (const Closure *closure = closureOn(hours, date)) {
        plan.status = DayStatus::ClosedByClosure;
        plan.note = closure->reason;
        return plan;
    }
    if (const SpecialDay *special = specialDayOn(hours, date)) {
        plan.status = DayStatus::SpecialHours;
        plan.note = special->label;
        plan.wallClock = normalised(special->open);
    } else {
        plan.wallClock = weeklyRanges(hours, date.dayOfWeek());
        plan.status = plan.wallClock.isEmpty() ? DayStatus::Closed : DayStatus::Open;
    }

    qint64 slotsPerLane = 0;
    for (const TimeRange &r : std::as_const(plan.wallClock)) {
        OpenInterval interval{localToUtc(date, r.startMinute, zone, Ambiguity::Earliest),
                              localToUtc(date, r.endMinute, zone, Ambiguity::Latest)};
        // Around the repeated autumn hour a later wall-clock interval can start (first
        // occurrence) before an earlier one ends (second occurrence); instants never overlap.
        if (!plan.intervals.isEmpty() && interval.start < plan.intervals.last().end)
            interval.start = plan.intervals.last().end;
        if (interval.end < interval.start)
            interval.end = interval.start;
        slotsPerLane += slotsInInterval(interval, slotMinutes);
        plan.intervals.append(interval);
    }
    plan.slotsPerLane = int(slotsPerLane);
    plan.slots = plan.slotsPerLane * std::max(capacityPerSlot, 0);
    return plan;
}

QList<DayPlan> planWeek(const OpeningHours &hours, QDate anyDay, int slotMinutes,
                        int capacityPerSlot, const QTimeZone &zone) {
    QList<DayPlan> week;
    const QDate monday = anyDay.addDays(1 - anyDay.dayOfWeek());
    for (int i = 0; i < 7; ++i)
        week.append(planDay(hours, monday.addDays(i), slotMinutes, capacityPerSlot, zone));
    return week;
}

OpeningHours sortedHours(OpeningHours hours) {
    std::stable_sort(hours.weekly.begin(), hours.weekly.end(),
                     [](const WeeklyInterval &a, const WeeklyInterval &b) {
                         return std::tie(a.weekday, a.range.startMinute, a.isBreak) <
                                std::tie(b.weekday, b.range.startMinute, b.isBreak);
                     });
    std::stable_sort(hours.closures.begin(), hours.closures.end(),
                     [](const Closure &a, const Closure &b) { return a.first < b.first; });
    std::stable_sort(hours.specialDays.begin(), hours.specialDays.end(),
                     [](const SpecialDay &a, const SpecialDay &b) { return a.date < b.date; });
    return hours;
}

QList<WeeklyInterval> copyMondayToWeekdays(const QList<WeeklyInterval> &rows) {
    constexpr int kMonday = 1;
    constexpr int kFriday = 5;
    OpeningHours result;
    QList<WeeklyInterval> monday;
    for (const WeeklyInterval &w : rows) {
        if (w.weekday == kMonday)
            monday.append(w);
        if (w.weekday <= kMonday || w.weekday > kFriday)
            result.weekly.append(w);
    }
    for (int day = kMonday + 1; day <= kFriday; ++day) {
        for (WeeklyInterval w : std::as_const(monday)) {
            w.weekday = day;
            result.weekly.append(w);
        }
    }
    return sortedHours(result).weekly;
}

WeeklyInterval defaultWeeklyInterval(const QList<WeeklyInterval> &rows, int weekday) {
    constexpr int kFirstStart = 8 * 60;
    constexpr int kGap = 60;
    constexpr int kLength = 4 * 60;
    int start = kFirstStart;
    for (const WeeklyInterval &w : rows) {
        if (w.weekday == weekday && !w.isBreak)
            start = std::max(start, w.range.endMinute + kGap);
    }
    if (start >= kMinutesPerDay - kGap)
        start = kFirstStart;
    return {weekday, {start, std::min(kMinutesPerDay, start + kLength)}, false};
}

bool slotWithinHours(const OpeningHours &hours, qint64 startsAt, int minutes,
                     const QTimeZone &zone) {
    const QDateTime start = QDateTime::fromSecsSinceEpoch(startsAt, zone);
    const QDateTime end = start.addSecs(qint64(minutes) * 60);
    const DayPlan day = planDay(hours, start.date(), minutes, 1, zone);
    for (const OpenInterval &interval : day.intervals) {
        if (interval.start <= start && end <= interval.end)
            return true;
    }
    return false;
}

} // namespace slotdesk

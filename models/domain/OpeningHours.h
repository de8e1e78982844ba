#pragma once

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace slotdesk {

// Minutes since local midnight, [startMinute, endMinute), 0 <= start < end <= 1440.
struct TimeRange {
    int startMinute = 0;
    int endMinute = 0;
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// One row of the weekly plan: the centre is open in `range` on `weekday` (1 = Monday, as
// QDate::dayOfWeek), or, when isBreak, closed within an open interval of that day.
struct WeeklyInterval {
    int weekday = 1;
    TimeRange range;
    bool isBreak = false;
    friend bool operator==(const WeeklyInterval &, const WeeklyInterval &) = default;
};

// Closed on every day from first to last inclusive (holidays, renovation, no vaccine).
struct Closure {
    QDate first;
    QDate last;
    QString reason;
    friend bool operator==(const Closure &, const Closure &) = default;
};

// A day whose hours replace the weekly plan (e.g. Christmas Eve 08:00-12:00).
struct SpecialDay {
    QDate date;
    QString label;
    QList<TimeRange> open; // at least one interval; a closed day is a Closure
    friend bool operator==(const SpecialDay &, const SpecialDay &) = default;
};

struct OpeningHours {
    qint64 centreId = 0;
    QList<WeeklyInterval> weekly;
    QList<Closure> closures;
    QList<SpecialDay> specialDays;
    friend bool operator==(const OpeningHours &, const OpeningHours &) = default;
};

} // namespace slotdesk

Q_DECLARE_METATYPE(slotdesk::OpeningHours)

#pragma once

#include "models/core/Clock.h"
#include "models/domain/OpeningHours.h"

#include <QList>
#include <QString>
#include <QTime>

namespace slotdesk {

// Minutes since midnight <-> the editors' QTime. QTime has no 24:00, so an end time of 00:00
// stands for midnight at the end of the day; a start time of 00:00 is the beginning.
QTime minuteToTime(int minute);
int timeToStartMinute(QTime time);
int timeToEndMinute(QTime time);
QString formatMinute(int minute); // "08:00", "24:00"

// Special-day intervals as staff type them: "08:00-12:00, 13:00-15:00" (an en dash, a hyphen or
// "bis" between the times; commas or semicolons between intervals). Returns false on text that
// is not such a list; the ranges themselves are checked by validateOpeningHours.
bool parseRanges(const QString &text, QList<TimeRange> *ranges);
QString formatRanges(const QList<TimeRange> &ranges);

// The calendar day in Europe/Berlin at the clock's "now".
QDate berlinToday(const Clock &clock);

} // namespace slotdesk

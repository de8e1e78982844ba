#include "ui/hours/TimeText.h"

#include <QRegularExpression>

namespace slotdesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool parseClock(const QString &text, int *minute) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})(?:[:.](\\d{2}))?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    if (minutes > 59 || hours * 60 + minutes > kMinutesPerDay)
        return false;
    *minute = hours * 60 + minutes;
    return true;
}

} // namespace

QTime minuteToTime(int minute) {
    return QTime(0, 0).addSecs(60 * (minute % kMinutesPerDay));
}

int timeToStartMinute(QTime time) {
    return time.isValid() ? time.hour() * 60 + time.minute() : 0;
}

int timeToEndMinute(QTime time) {
    const int minute = timeToStartMinute(time);
    return minute == 0 ? kMinutesPerDay : minute;
}

QString formatMinute(int minute) {
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

bool parseRanges(const QString &text, QList<TimeRange> *ranges) {
    static const QRegularExpression listSeparator(QStringLiteral("[,;]"));
    static const QRegularExpression rangeSeparator(
        QStringLiteral("\\s*(?:-|\u2013|\u2014|bis|to)\\s*"));
    QList<TimeRange> result;
    const QStringList parts = text.split(listSeparator, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        const QStringList ends = part.trimmed().split(rangeSeparator);
        TimeRange range;
        if (ends.size() != 2 || !parseClock(ends.at(0), &range.startMinute) ||
            !parseClock(ends.at(1), &range.endMinute))
            return false;
        result.append(range);
    }
    *ranges = result;
    return !result.isEmpty();
}

QString formatRanges(const QList<TimeRange> &ranges) {
    QStringList parts;
    for (const TimeRange &range : ranges)
        parts.append(formatMinute(range.startMinute) % u'\u2013' % formatMinute(range.endMinute));
    return parts.join(QStringLiteral(", "));
}

QDate berlinToday(const Clock &clock) {
    return clock.now().toTimeZone(berlinTimeZone()).date();
}

} // namespace slotdesk

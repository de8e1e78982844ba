#include "models/rules/DosePairing.h"

#include <QDateTime>

namespace slotdesk {

namespace {

QDate dayOf(qint64 utcSeconds, const QTimeZone &zone) {
    return QDateTime::fromSecsSinceEpoch(utcSeconds, zone).date();
}

qint64 midnight(QDate day, const QTimeZone &zone) {
    // Midnight exists on every Berlin day (the clocks change at 02:00 and 03:00).
    return QDateTime(day, QTime(0, 0), zone).toSecsSinceEpoch();
}

} // namespace

DoseWindow DosePairing::window(QDate firstDay, DoseInterval interval) {
    return DoseWindow{firstDay.addDays(interval.minDays), firstDay.addDays(interval.maxDays)};
}

DoseWindow DosePairing::window(qint64 firstStartsAt, DoseInterval interval, const QTimeZone &zone) {
    return window(dayOf(firstStartsAt, zone), interval);
}

DosePairing::Verdict DosePairing::check(qint64 firstStartsAt, qint64 secondStartsAt,
                                        DoseInterval interval, const QTimeZone &zone) {
    const DoseWindow allowed = window(firstStartsAt, interval, zone);
    const QDate second = dayOf(secondStartsAt, zone);
    if (second < allowed.first)
        return Verdict::TooEarly;
    if (second > allowed.last)
        return Verdict::TooLate;
    return Verdict::Fits;
}

qint64 DosePairing::windowStartsAt(const DoseWindow &window, const QTimeZone &zone) {
    return midnight(window.first, zone);
}

qint64 DosePairing::windowEndsAt(const DoseWindow &window, const QTimeZone &zone) {
    return midnight(window.last.addDays(1), zone);
}

} // namespace slotdesk

#pragma once

#include <QDate>
#include <QTimeZone>

namespace slotdesk {

// The days between a first dose and its second, inclusive at both ends (e.g. Comirnaty
// 21 to 42). Counted in appointment days (civil dates in the centre's time zone), not in
// 24-hour periods, so a week in which the clocks change neither shortens nor stretches it.
struct DoseInterval {
    int minDays = 0;
    int maxDays = 0;

    // Both ends are whole days, not negative, and min ≤ max.
    bool isValid() const { return minDays >= 0 && minDays <= maxDays; }
};

// The first and the last appointment day allowed for a second dose.
struct DoseWindow {
    QDate first;
    QDate last;

    bool contains(QDate day) const { return day >= first && day <= last; }
};

// Pure rules of two-dose products: which days a second appointment may fall on given the
// first appointment's start. The service keeps each product's interval (services table),
// so these functions take it as a value.
class DosePairing {
public:
    enum class Verdict { Fits, TooEarly, TooLate };

    // A product with two doses needs a second appointment booked together with the first.
    static bool needsSecondDose(int doses) { return doses == 2; }
    // The days allowed for the second dose of a first dose starting at `firstStartsAt`.
    static DoseWindow window(qint64 firstStartsAt, DoseInterval interval, const QTimeZone &zone);
    static DoseWindow window(QDate firstDay, DoseInterval interval);
    // Whether a second appointment starting at `secondStartsAt` fits the interval.
    static Verdict check(qint64 firstStartsAt, qint64 secondStartsAt, DoseInterval interval,
                         const QTimeZone &zone);
    // The window's bounds as Unix seconds: [from, to) covers its first day's midnight up to
    // the midnight after its last day, for range queries over slot starts.
    static qint64 windowStartsAt(const DoseWindow &window, const QTimeZone &zone);
    static qint64 windowEndsAt(const DoseWindow &window, const QTimeZone &zone);
};

} // namespace slotdesk

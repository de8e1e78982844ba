#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace slotdesk {

// An ISO 8601 week ("2026-W10": Monday to Sunday, week 1 holds the year's first Thursday).
// Vaccine deliveries are forecast per product and ISO week; a slot belongs to the week of its
// start in Berlin civil time, so Sunday 23:45 and Monday 00:00 fall in different weeks.
struct IsoWeek {
    int year = 0;
    int week = 0;

    // "YYYY-Www" with a week the year has (W53 only in years with 53 ISO weeks).
    static std::optional<IsoWeek> parse(const QString &text);
    static IsoWeek ofTime(qint64 utcSeconds, const QTimeZone &zone);
    QString toString() const;
    // The week's Monday 00:00 and the next Monday 00:00 in `zone` (Unix seconds).
    qint64 startsAt(const QTimeZone &zone) const;
    qint64 endsAt(const QTimeZone &zone) const;
};

// The doses of one product in one ISO week, as the service knows them before a release.
struct ForecastWeek {
    std::optional<int> forecast; // delivery forecast; nullopt: none entered for that week
    int offered = 0;             // places of the product's slots already offered that week
    int reserved = 0;            // doses kept for second appointments that week
};

// A first-dose slot a release wants to offer: its start and its places (one dose each).
struct RequestedSlot {
    qint64 startsAt = 0; // Unix seconds
    int places = 0;
};

struct ForecastVerdict {
    enum class Result { Fits, Exceeded, NoForecast };
    Result result = Result::Fits;
    // The first week (in time order) that refuses; all figures are doses of that week.
    QString week;
    int forecast = 0;
    int offered = 0;
    int reserved = 0;
    int requested = 0;
    int available = 0;  // forecast - offered - reserved, never below 0
    int firstSlot = -1; // index into the requested slots of the first slot in that week

    bool fits() const { return result == Result::Fits; }
};

// A release never offers more first doses in a week than the forecast of that week minus the
// doses offered already (by other releases and published slots) minus the doses reserved for
// second appointments; a week with no forecast admits none, so nobody releases doses that were
// never delivered. Weeks are keyed by IsoWeek::toString(). Pure: the caller reads the figures.
ForecastVerdict forecastLimit(const QList<RequestedSlot> &slots,
                              const QMap<QString, ForecastWeek> &weeks, const QTimeZone &zone);

} // namespace slotdesk

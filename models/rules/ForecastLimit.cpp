#include "models/rules/ForecastLimit.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace slotdesk {

namespace {

// Monday of ISO week 1: the week holding 4 January.
QDate firstMonday(int year) {
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek());
}

// 28 December always lies in the last ISO week of its year.
int weeksIn(int year) {
    return QDate(year, 12, 28).weekNumber();
}

} // namespace

std::optional<IsoWeek> IsoWeek::parse(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.captured(1).toInt();
    const int week = match.captured(2).toInt();
    if (year < 1970 || week < 1 || week > weeksIn(year))
        return std::nullopt;
    return IsoWeek{year, week};
}

IsoWeek IsoWeek::ofTime(qint64 utcSeconds, const QTimeZone &zone) {
    const QDate day = QDateTime::fromSecsSinceEpoch(utcSeconds, zone).date();
    IsoWeek out;
    out.week = day.weekNumber(&out.year);
    return out;
}

QString IsoWeek::toString() const {
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QChar(u'0')).arg(week, 2, 10, QChar(u'0'));
}

qint64 IsoWeek::startsAt(const QTimeZone &zone) const {
    const QDate monday = firstMonday(year).addDays(7LL * (week - 1));
    return QDateTime(monday, QTime(0, 0), zone).toSecsSinceEpoch();
}

qint64 IsoWeek::endsAt(const QTimeZone &zone) const {
    const QDate monday = firstMonday(year).addDays(7LL * week);
    return QDateTime(monday, QTime(0, 0), zone).toSecsSinceEpoch();
}

ForecastVerdict forecastLimit(const QList<RequestedSlot> &slots,
                              const QMap<QString, ForecastWeek> &weeks, const QTimeZone &zone) {
    struct Demand {
        int doses = 0;
        int firstSlot = -1;
    };
    // Keyed by IsoWeek so the first refusal is the earliest week.
    QMap<std::pair<int, int>, Demand> demand;
    for (qsizetype i = 0; i < slots.size(); ++i) {
        const IsoWeek week = IsoWeek::ofTime(slots.at(i).startsAt, zone);
        Demand &d = demand[{week.year, week.week}];
        d.doses += slots.at(i).places;
        if (d.firstSlot < 0)
            d.firstSlot = int(i);
    }
    for (auto it = demand.cbegin(); it != demand.cend(); ++it) {
        ForecastVerdict v;
        v.week = IsoWeek{it.key().first, it.key().second}.toString();
        v.requested = it.value().doses;
        v.firstSlot = it.value().firstSlot;
        const ForecastWeek known = weeks.value(v.week);
        v.offered = known.offered;
        v.reserved = known.reserved;
        if (!known.forecast) {
            v.result = ForecastVerdict::Result::NoForecast;
            return v;
        }
        v.forecast = *known.forecast;
        v.available = std::max(0, v.forecast - v.offered - v.reserved);
        if (v.requested > v.available) {
            v.result = ForecastVerdict::Result::Exceeded;
            return v;
        }
    }
    return {};
}

} // namespace slotdesk

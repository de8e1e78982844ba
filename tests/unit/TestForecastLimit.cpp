#include "models/core/Clock.h"
#include "models/rules/ForecastLimit.h"

#include <QDateTime>
#include <QTest>

using namespace slotdesk;

Q_DECLARE_METATYPE(ForecastVerdict::Result)

namespace {

qint64 berlin(int year, int month, int day, int hour, int minute) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute), berlinTimeZone())
        .toSecsSinceEpoch();
}

// Week 10 of 2026 runs from Monday 2 March to Sunday 8 March.
const qint64 tuesdayW10 = berlin(2026, 3, 3, 9, 0);
const qint64 sundayLateW10 = berlin(2026, 3, 8, 23, 45);
const qint64 mondayW11 = berlin(2026, 3, 9, 0, 0);

ForecastWeek week(std::optional<int> forecast, int offered = 0, int reserved = 0) {
    ForecastWeek w;
    w.forecast = forecast;
    w.offered = offered;
    w.reserved = reserved;
    return w;
}

using Weeks = QMap<QString, ForecastWeek>;
using Slots = QList<RequestedSlot>;

} // namespace

Q_DECLARE_METATYPE(Slots)
Q_DECLARE_METATYPE(Weeks)

class TestForecastLimit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseWeek_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ordinary") << QStringLiteral("2026-W10") << true;
        QTest::newRow("first") << QStringLiteral("2026-W01") << true;
        QTest::newRow("W53 in a 53-week year") << QStringLiteral("2026-W53") << true;
        QTest::newRow("W53 in a 52-week year") << QStringLiteral("2027-W53") << false;
        QTest::newRow("W00") << QStringLiteral("2026-W00") << false;
        QTest::newRow("one digit") << QStringLiteral("2026-W9") << false;
        QTest::newRow("lower case w") << QStringLiteral("2026-w10") << false;
        QTest::newRow("date") << QStringLiteral("2026-03-02") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void parseWeek() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<IsoWeek> week = IsoWeek::parse(text);
        QCOMPARE(week.has_value(), valid);
        if (valid)
            QCOMPARE(week->toString(), text);
    }

    void weekOfTime_data() {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("week");
        QTest::newRow("Sunday 23:45 Berlin") << sundayLateW10 << QStringLiteral("2026-W10");
        QTest::newRow("Monday 00:00 Berlin") << mondayW11 << QStringLiteral("2026-W11");
        // 23:30 UTC on Sunday is already Monday in Berlin.
        QTest::newRow("Sunday 23:30 UTC")
            << QDateTime(QDate(2026, 3, 8), QTime(23, 30), Qt::UTC).toSecsSinceEpoch()
            << QStringLiteral("2026-W11");
        QTest::newRow("1 January 2027 belongs to 2026-W53")
            << berlin(2027, 1, 1, 10, 0) << QStringLiteral("2026-W53");
        QTest::newRow("Sunday after the clocks change (summer time)")
            << berlin(2026, 3, 29, 23, 45) << QStringLiteral("2026-W13");
    }
    void weekOfTime() {
        QFETCH(qint64, time);
        QFETCH(QString, week);
        QCOMPARE(IsoWeek::ofTime(time, berlinTimeZone()).toString(), week);
    }

    void weekBounds() {
        const IsoWeek w10 = *IsoWeek::parse(QStringLiteral("2026-W10"));
        QCOMPARE(w10.startsAt(berlinTimeZone()), berlin(2026, 3, 2, 0, 0));
        QCOMPARE(w10.endsAt(berlinTimeZone()), mondayW11);
        QVERIFY(sundayLateW10 < w10.endsAt(berlinTimeZone()));
        // The week of the change to summer time has 167 hours.
        const IsoWeek w13 = *IsoWeek::parse(QStringLiteral("2026-W13"));
        QCOMPARE(w13.endsAt(berlinTimeZone()) - w13.startsAt(berlinTimeZone()), 167 * 3600);
    }

    void limit_data() {
        QTest::addColumn<Slots>("slots");
        QTest::addColumn<Weeks>("weeks");
        QTest::addColumn<ForecastVerdict::Result>("result");
        QTest::addColumn<QString>("week");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("available");
        QTest::addColumn<int>("firstSlot");
        using R = ForecastVerdict::Result;
        const QString w10 = QStringLiteral("2026-W10");
        const QString w11 = QStringLiteral("2026-W11");

        QTest::newRow("exactly available")
            << Slots{{tuesdayW10, 6}, {tuesdayW10 + 900, 4}} << Weeks{{w10, week(100, 80, 10)}}
            << R::Fits << QString() << 0 << 0 << -1;
        QTest::newRow("one over") << Slots{{tuesdayW10, 6}, {tuesdayW10 + 900, 5}}
                                  << Weeks{{w10, week(100, 80, 10)}} << R::Exceeded << w10 << 11
                                  << 10 << 0;
        QTest::newRow("reserved second doses count")
            << Slots{{tuesdayW10, 1}} << Weeks{{w10, week(100, 0, 100)}} << R::Exceeded << w10 << 1
            << 0 << 0;
        QTest::newRow("forecast lowered below offered: nothing available")
            << Slots{{tuesdayW10, 1}} << Weeks{{w10, week(50, 80)}} << R::Exceeded << w10 << 1 << 0
            << 0;
        QTest::newRow("no forecast for the week")
            << Slots{{tuesdayW10, 1}} << Weeks{{w11, week(100)}} << R::NoForecast << w10 << 1 << 0
            << 0;
        QTest::newRow("forecast of zero refuses")
            << Slots{{tuesdayW10, 1}} << Weeks{{w10, week(0)}} << R::Exceeded << w10 << 1 << 0 << 0;
        QTest::newRow("several weeks, each within")
            << Slots{{tuesdayW10, 10}, {mondayW11, 20}, {tuesdayW10 + 900, 10}}
            << Weeks{{w10, week(20)}, {w11, week(20)}} << R::Fits << QString() << 0 << 0 << -1;
        QTest::newRow("several weeks, the second over")
            << Slots{{mondayW11, 21}, {tuesdayW10, 20}} << Weeks{{w10, week(20)}, {w11, week(20)}}
            << R::Exceeded << w11 << 21 << 20 << 0;
        QTest::newRow("several weeks, the earlier week refuses first")
            << Slots{{mondayW11, 21}, {tuesdayW10, 21}} << Weeks{{w10, week(20)}, {w11, week(20)}}
            << R::Exceeded << w10 << 21 << 20 << 1;
        QTest::newRow("Sunday 23:45 counts in the week that ends")
            << Slots{{sundayLateW10, 5}} << Weeks{{w10, week(5)}, {w11, week(0)}} << R::Fits
            << QString() << 0 << 0 << -1;
        QTest::newRow("Monday 00:00 counts in the new week")
            << Slots{{mondayW11, 5}} << Weeks{{w10, week(5)}, {w11, week(0)}} << R::Exceeded << w11
            << 5 << 0 << 0;
        QTest::newRow("no slots") << Slots{} << Weeks{} << R::Fits << QString() << 0 << 0 << -1;
    }
    void limit() {
        QFETCH(Slots, slots);
        QFETCH(Weeks, weeks);
        QFETCH(ForecastVerdict::Result, result);
        QFETCH(QString, week);
        QFETCH(int, requested);
        QFETCH(int, available);
        QFETCH(int, firstSlot);
        const ForecastVerdict v = forecastLimit(slots, weeks, berlinTimeZone());
        QCOMPARE(v.result, result);
        QCOMPARE(v.fits(), result == ForecastVerdict::Result::Fits);
        if (v.fits())
            return;
        QCOMPARE(v.week, week);
        QCOMPARE(v.requested, requested);
        QCOMPARE(v.available, available);
        QCOMPARE(v.firstSlot, firstSlot);
        const ForecastWeek known = weeks.value(week);
        QCOMPARE(v.offered, known.offered);
        QCOMPARE(v.reserved, known.reserved);
        QCOMPARE(v.forecast, known.forecast.value_or(0));
    }
};

QTEST_GUILESS_MAIN(TestForecastLimit)
#include "TestForecastLimit.moc"

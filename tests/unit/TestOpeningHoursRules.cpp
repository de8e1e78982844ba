#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"

#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(slotdesk::DayStatus)
Q_DECLARE_METATYPE(slotdesk::TimeRange)
Q_DECLARE_METATYPE(slotdesk::WeeklyInterval)
Q_DECLARE_METATYPE(slotdesk::OpenInterval)

namespace {

constexpr int kHour = 60;

QDateTime utc(int y, int mo, int d, int h, int mi = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

WeeklyInterval open(int weekday, int from, int to) {
    return {weekday, {from, to}, false};
}

WeeklyInterval pause(int weekday, int from, int to) {
    return {weekday, {from, to}, true};
}

QList<TimeRange> ranges(std::initializer_list<std::pair<int, int>> list) {
    QList<TimeRange> result;
    for (const auto &[from, to] : list)
        result.append({from, to});
    return result;
}

qint64 totalSeconds(const DayPlan &plan) {
    qint64 total = 0;
    for (const OpenInterval &i : plan.intervals)
        total += i.seconds();
    return total;
}

} // namespace

class TestOpeningHoursRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ordinaryDays_data();
    void ordinaryDays();
    void closureWinsOverSpecialDayAndWeekly();
    void specialDayReplacesWeeklyPlan();
    void dstDays_data();
    void dstDays();
    void localToUtcAroundTransitions_data();
    void localToUtcAroundTransitions();
    void repeatedHourNeverOverlaps();
    void planWeekAcrossDst_data();
    void planWeekAcrossDst();
    void copyMondayReplacesTuesdayToFriday_data();
    void copyMondayReplacesTuesdayToFriday();
    void defaultIntervalFollowsTheDay_data();
    void defaultIntervalFollowsTheDay();
    void slotWithinHours_data();
    void slotWithinHours();

private:
    QTimeZone m_zone;
};

void TestOpeningHoursRules::initTestCase() {
    m_zone = berlinTimeZone();
    QVERIFY(m_zone.isValid());
}

void TestOpeningHoursRules::ordinaryDays_data() {
    QTest::addColumn<QList<WeeklyInterval>>("weekly");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<DayStatus>("status");
    QTest::addColumn<QList<TimeRange>>("wallClock");
    QTest::addColumn<QList<OpenInterval>>("intervals");
    QTest::addColumn<int>("slotsPerLane"); // 15-minute slots

    const QDate monday(2026, 11, 23);
    const QDate summerMonday(2026, 6, 15);
    const QList<WeeklyInterval> week = {open(1, 8 * kHour, 12 * kHour),
                                        open(1, 13 * kHour, 18 * kHour)};

    QTest::newRow("two intervals, winter")
        << week << monday << DayStatus::Open << ranges({{480, 720}, {780, 1080}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 7), utc(2026, 11, 23, 11)},
                               {utc(2026, 11, 23, 12), utc(2026, 11, 23, 17)}}
        << 16 + 20;
    QTest::newRow("two intervals, summer")
        << week << summerMonday << DayStatus::Open << ranges({{480, 720}, {780, 1080}})
        << QList<OpenInterval>{{utc(2026, 6, 15, 6), utc(2026, 6, 15, 10)},
                               {utc(2026, 6, 15, 11), utc(2026, 6, 15, 16)}}
        << 36;
    QTest::newRow("no hours that weekday") << week << monday.addDays(1) << DayStatus::Closed
                                           << QList<TimeRange>{} << QList<OpenInterval>{} << 0;
    QTest::newRow("unsorted, overlapping and touching rows merge")
        << QList<WeeklyInterval>{open(1, 13 * kHour, 18 * kHour), open(1, 8 * kHour, 12 * kHour),
                                 open(1, 11 * kHour, 13 * kHour)}
        << monday << DayStatus::Open << ranges({{480, 1080}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 7), utc(2026, 11, 23, 17)}} << 40;
    QTest::newRow("break splits an interval")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 18 * kHour), pause(1, 720, 750)} << monday
        << DayStatus::Open << ranges({{480, 720}, {750, 1080}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 7), utc(2026, 11, 23, 11)},
                               {utc(2026, 11, 23, 11, 30), utc(2026, 11, 23, 17)}}
        << 16 + 22;
    QTest::newRow("break at the start and at the end")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 18 * kHour), pause(1, 480, 540),
                                 pause(1, 1050, 1080)}
        << monday << DayStatus::Open << ranges({{540, 1050}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 8), utc(2026, 11, 23, 16, 30)}} << 34;
    QTest::newRow("two breaks in one interval")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 12 * kHour), pause(1, 540, 555),
                                 pause(1, 600, 615)}
        << monday << DayStatus::Open << ranges({{480, 540}, {555, 600}, {615, 720}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 7), utc(2026, 11, 23, 8)},
                               {utc(2026, 11, 23, 8, 15), utc(2026, 11, 23, 9)},
                               {utc(2026, 11, 23, 9, 15), utc(2026, 11, 23, 11)}}
        << 4 + 3 + 7;
    QTest::newRow("break covering the whole day closes it")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 12 * kHour), pause(1, 480, 720)} << monday
        << DayStatus::Closed << QList<TimeRange>{} << QList<OpenInterval>{} << 0;
    QTest::newRow("partial slot at the end is not counted")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 8 * kHour + 50)} << monday << DayStatus::Open
        << ranges({{480, 530}})
        << QList<OpenInterval>{{utc(2026, 11, 23, 7), utc(2026, 11, 23, 7, 50)}} << 3;
}

void TestOpeningHoursRules::ordinaryDays() {
    QFETCH(QList<WeeklyInterval>, weekly);
    QFETCH(QDate, date);
    QFETCH(DayStatus, status);
    QFETCH(QList<TimeRange>, wallClock);
    QFETCH(QList<OpenInterval>, intervals);
    QFETCH(int, slotsPerLane);

    OpeningHours hours;
    hours.weekly = weekly;
    const DayPlan plan = planDay(hours, date, 15, 4, m_zone);
    QCOMPARE(plan.date, date);
    QCOMPARE(plan.status, status);
    QCOMPARE(plan.wallClock, wallClock);
    QCOMPARE(plan.intervals, intervals);
    QCOMPARE(plan.slotsPerLane, slotsPerLane);
    QCOMPARE(plan.slots, slotsPerLane * 4);
}

void TestOpeningHoursRules::closureWinsOverSpecialDayAndWeekly() {
    const QDate christmasEve(2026, 12, 24); // a Thursday
    OpeningHours hours;
    hours.weekly = {open(4, 8 * kHour, 18 * kHour)};
    hours.specialDays = {{christmasEve, u"Heiligabend"_s, ranges({{480, 720}})}};
    hours.closures = {{QDate(2026, 12, 23), QDate(2026, 12, 27), u"Betriebsferien"_s}};

    const DayPlan plan = planDay(hours, christmasEve, 15, 2, m_zone);
    QCOMPARE(plan.status, DayStatus::ClosedByClosure);
    QCOMPARE(plan.note, u"Betriebsferien"_s);
    QVERIFY(plan.wallClock.isEmpty());
    QVERIFY(plan.intervals.isEmpty());
    QCOMPARE(plan.slots, 0);

    // The first and last day are part of the closure, the days around it are not.
    QCOMPARE(planDay(hours, QDate(2026, 12, 23), 15, 2, m_zone).status, DayStatus::ClosedByClosure);
    QCOMPARE(planDay(hours, QDate(2026, 12, 27), 15, 2, m_zone).status, DayStatus::ClosedByClosure);
    QCOMPARE(planDay(hours, QDate(2026, 12, 17), 15, 2, m_zone).status, DayStatus::Open);
    QCOMPARE(planDay(hours, QDate(2026, 12, 31), 15, 2, m_zone).status, DayStatus::Open);
}

void TestOpeningHoursRules::specialDayReplacesWeeklyPlan() {
    const QDate christmasEve(2026, 12, 24);
    OpeningHours hours;
    hours.weekly = {open(4, 8 * kHour, 18 * kHour), pause(4, 600, 630)};
    hours.specialDays = {{christmasEve, u"Heiligabend"_s, ranges({{600, 720}, {480, 540}})}};

    const DayPlan plan = planDay(hours, christmasEve, 30, 3, m_zone);
    QCOMPARE(plan.status, DayStatus::SpecialHours);
    QCOMPARE(plan.note, u"Heiligabend"_s);
    // Weekly breaks do not apply; the special day's intervals come sorted.
    QCOMPARE(plan.wallClock, ranges({{480, 540}, {600, 720}}));
    QCOMPARE(plan.intervals, (QList<OpenInterval>{{utc(2026, 12, 24, 7), utc(2026, 12, 24, 8)},
                                                  {utc(2026, 12, 24, 9), utc(2026, 12, 24, 11)}}));
    QCOMPARE(plan.slotsPerLane, 2 + 4);
    QCOMPARE(plan.slots, 18);
}

void TestOpeningHoursRules::dstDays_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<int>("realMinutes");

    // Spring: at 01:00 UTC clocks jump from 02:00 CET to 03:00 CEST.
    for (const QDate &d : {QDate(2021, 3, 28), QDate(2026, 3, 29)}) {
        const int y = d.year(), m = d.month(), day = d.day();
        const QByteArray tag = d.toString(Qt::ISODate).toLatin1();
        QTest::addRow("%s 00:00-24:00", tag.constData())
            << d << 0 << 1440 << utc(y, m, day - 1, 23) << utc(y, m, day, 22) << 23 * 60;
        QTest::addRow("%s 01:00-04:00", tag.constData())
            << d << 60 << 240 << utc(y, m, day, 0) << utc(y, m, day, 2) << 2 * 60;
        QTest::addRow("%s 02:30-05:00 starts at the end of the gap", tag.constData())
            << d << 150 << 300 << utc(y, m, day, 1) << utc(y, m, day, 3) << 2 * 60;
        QTest::addRow("%s 08:00-18:00", tag.constData())
            << d << 480 << 1080 << utc(y, m, day, 6) << utc(y, m, day, 16) << 10 * 60;
    }
    // Autumn: at 01:00 UTC clocks go back from 03:00 CEST to 02:00 CET.
    for (const QDate &d : {QDate(2021, 10, 31), QDate(2026, 10, 25)}) {
        const int y = d.year(), m = d.month(), day = d.day();
        const QByteArray tag = d.toString(Qt::ISODate).toLatin1();
        QTest::addRow("%s 00:00-24:00", tag.constData())
            << d << 0 << 1440 << utc(y, m, day - 1, 22) << utc(y, m, day, 23) << 25 * 60;
        QTest::addRow("%s 01:00-04:00", tag.constData())
            << d << 60 << 240 << utc(y, m, day - 1, 23) << utc(y, m, day, 3) << 4 * 60;
        QTest::addRow("%s 02:30-05:00 keeps the repeated hour", tag.constData())
            << d << 150 << 300 << utc(y, m, day, 0, 30) << utc(y, m, day, 4) << 3 * 60 + 30;
        QTest::addRow("%s 08:00-18:00", tag.constData())
            << d << 480 << 1080 << utc(y, m, day, 7) << utc(y, m, day, 17) << 10 * 60;
    }
}

void TestOpeningHoursRules::dstDays() {
    QFETCH(QDate, date);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(int, realMinutes);
    QCOMPARE(date.dayOfWeek(), 7);

    OpeningHours hours;
    hours.weekly = {open(7, from, to)};
    const int slotMinutes = 30;
    const int capacityPerSlot = 3;
    const DayPlan plan = planDay(hours, date, slotMinutes, capacityPerSlot, m_zone);
    QCOMPARE(plan.status, DayStatus::Open);
    QCOMPARE(plan.wallClock, ranges({{from, to}}));
    QCOMPARE(plan.intervals.size(), 1);
    QCOMPARE(plan.intervals.first().start, start);
    QCOMPARE(plan.intervals.first().end, end);
    QCOMPARE(plan.intervals.first().start.timeSpec(), Qt::UTC);
    QCOMPARE(plan.intervals.first().seconds(), qint64(realMinutes) * 60);
    QCOMPARE(plan.slotsPerLane, realMinutes / slotMinutes);
    QCOMPARE(plan.slots, realMinutes / slotMinutes * capacityPerSlot);

    // The same hours as a special day give the same instants.
    OpeningHours special;
    special.specialDays = {{date, u"Sondertag"_s, ranges({{from, to}})}};
    const DayPlan specialPlan = planDay(special, date, slotMinutes, capacityPerSlot, m_zone);
    QCOMPARE(specialPlan.status, DayStatus::SpecialHours);
    QCOMPARE(specialPlan.intervals, plan.intervals);
}

void TestOpeningHoursRules::localToUtcAroundTransitions_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("minute");
    QTest::addColumn<QDateTime>("earliest");
    QTest::addColumn<QDateTime>("latest");

    const QDate spring(2026, 3, 29);
    const QDate autumn(2026, 10, 25);
    QTest::newRow("spring 01:59 CET")
        << spring << 119 << utc(2026, 3, 29, 0, 59) << utc(2026, 3, 29, 0, 59);
    QTest::newRow("spring 02:00 in the gap")
        << spring << 120 << utc(2026, 3, 29, 1) << utc(2026, 3, 29, 1);
    QTest::newRow("spring 02:30 in the gap")
        << spring << 150 << utc(2026, 3, 29, 1) << utc(2026, 3, 29, 1);
    QTest::newRow("spring 02:59 in the gap")
        << spring << 179 << utc(2026, 3, 29, 1) << utc(2026, 3, 29, 1);
    QTest::newRow("spring 03:00 CEST")
        << spring << 180 << utc(2026, 3, 29, 1) << utc(2026, 3, 29, 1);
    QTest::newRow("spring 24:00") << spring << 1440 << utc(2026, 3, 29, 22) << utc(2026, 3, 29, 22);
    QTest::newRow("autumn 01:59 CEST")
        << autumn << 119 << utc(2026, 10, 24, 23, 59) << utc(2026, 10, 24, 23, 59);
    QTest::newRow("autumn 02:00 twice")
        << autumn << 120 << utc(2026, 10, 25, 0) << utc(2026, 10, 25, 1);
    QTest::newRow("autumn 02:30 twice")
        << autumn << 150 << utc(2026, 10, 25, 0, 30) << utc(2026, 10, 25, 1, 30);
    QTest::newRow("autumn 02:59 twice")
        << autumn << 179 << utc(2026, 10, 25, 0, 59) << utc(2026, 10, 25, 1, 59);
    QTest::newRow("autumn 03:00 CET")
        << autumn << 180 << utc(2026, 10, 25, 2) << utc(2026, 10, 25, 2);
    QTest::newRow("autumn midnight")
        << autumn << 0 << utc(2026, 10, 24, 22) << utc(2026, 10, 24, 22);
    QTest::newRow("2021 autumn 02:15 twice")
        << QDate(2021, 10, 31) << 135 << utc(2021, 10, 31, 0, 15) << utc(2021, 10, 31, 1, 15);
    QTest::newRow("2021 spring 02:15 in the gap")
        << QDate(2021, 3, 28) << 135 << utc(2021, 3, 28, 1) << utc(2021, 3, 28, 1);
}

void TestOpeningHoursRules::localToUtcAroundTransitions() {
    QFETCH(QDate, date);
    QFETCH(int, minute);
    QFETCH(QDateTime, earliest);
    QFETCH(QDateTime, latest);
    QCOMPARE(localToUtc(date, minute, m_zone, Ambiguity::Earliest), earliest);
    QCOMPARE(localToUtc(date, minute, m_zone, Ambiguity::Latest), latest);
}

void TestOpeningHoursRules::repeatedHourNeverOverlaps() {
    // 01:00-02:00 ends at the second 02:00, 02:30-05:00 would start at the first 02:30:
    // the later interval starts where the earlier one ends instead.
    const QDate autumn(2026, 10, 25);
    OpeningHours hours;
    hours.weekly = {open(7, 60, 300), pause(7, 120, 150)};
    const DayPlan plan = planDay(hours, autumn, 30, 1, m_zone);
    QCOMPARE(plan.wallClock, ranges({{60, 120}, {150, 300}}));
    QCOMPARE(plan.intervals.size(), 2);
    QCOMPARE(plan.intervals.at(0).start, utc(2026, 10, 24, 23));
    QCOMPARE(plan.intervals.at(0).end, utc(2026, 10, 25, 1));
    QCOMPARE(plan.intervals.at(1).start, utc(2026, 10, 25, 1));
    QCOMPARE(plan.intervals.at(1).end, utc(2026, 10, 25, 4));
    QCOMPARE(plan.slotsPerLane, 4 + 6);
}

void TestOpeningHoursRules::planWeekAcrossDst_data() {
    QTest::addColumn<QDate>("anyDay");
    QTest::addColumn<QDate>("monday");
    QTest::addColumn<int>("sundayHours");

    QTest::newRow("spring 2021, from Wednesday") << QDate(2021, 3, 24) << QDate(2021, 3, 22) << 23;
    QTest::newRow("spring 2026, from Monday") << QDate(2026, 3, 23) << QDate(2026, 3, 23) << 23;
    QTest::newRow("autumn 2021, from Sunday") << QDate(2021, 10, 31) << QDate(2021, 10, 25) << 25;
    QTest::newRow("autumn 2026, from Friday") << QDate(2026, 10, 23) << QDate(2026, 10, 19) << 25;
}

void TestOpeningHoursRules::planWeekAcrossDst() {
    QFETCH(QDate, anyDay);
    QFETCH(QDate, monday);
    QFETCH(int, sundayHours);

    OpeningHours hours;
    for (int day = 1; day <= 7; ++day)
        hours.weekly.append(open(day, 0, 1440));
    hours.weekly.append(pause(3, 720, 780));
    hours.closures = {{monday.addDays(1), monday.addDays(1), u"Inventur"_s}};

    const QList<DayPlan> week = planWeek(hours, anyDay, 60, 2, m_zone);
    QCOMPARE(week.size(), 7);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(week.at(i).date, monday.addDays(i));
    QCOMPARE(week.at(0).status, DayStatus::Open);
    QCOMPARE(totalSeconds(week.at(0)), qint64(24) * 3600);
    QCOMPARE(week.at(1).status, DayStatus::ClosedByClosure);
    QCOMPARE(week.at(1).slots, 0);
    QCOMPARE(week.at(2).intervals.size(), 2);
    QCOMPARE(week.at(2).slotsPerLane, 23);
    QCOMPARE(totalSeconds(week.at(5)), qint64(24) * 3600);
    QCOMPARE(totalSeconds(week.at(6)), qint64(sundayHours) * 3600);
    QCOMPARE(week.at(6).slotsPerLane, sundayHours);
    QCOMPARE(week.at(6).slots, sundayHours * 2);
    // Consecutive days join without gap or overlap, also across the transition.
    for (int i = 3; i < 7; ++i)
        QCOMPARE(week.at(i - 1).intervals.last().end, week.at(i).intervals.first().start);
}

void TestOpeningHoursRules::copyMondayReplacesTuesdayToFriday_data() {
    using Rows = QList<WeeklyInterval>;
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<Rows>("expected");

    QTest::newRow("empty week") << Rows{} << Rows{};
    QTest::newRow("Monday only") << Rows{open(1, 8 * kHour, 12 * kHour)}
                                 << Rows{open(1, 8 * kHour, 12 * kHour),
                                         open(2, 8 * kHour, 12 * kHour),
                                         open(3, 8 * kHour, 12 * kHour),
                                         open(4, 8 * kHour, 12 * kHour),
                                         open(5, 8 * kHour, 12 * kHour)};
    QTest::newRow("break copied, Wednesday replaced, weekend kept")
        << Rows{open(6, 9 * kHour, 13 * kHour), open(3, 7 * kHour, 9 * kHour),
                pause(1, 12 * kHour, 13 * kHour), open(1, 8 * kHour, 16 * kHour),
                open(7, 10 * kHour, 11 * kHour)}
        << Rows{open(1, 8 * kHour, 16 * kHour), pause(1, 12 * kHour, 13 * kHour),
                open(2, 8 * kHour, 16 * kHour), pause(2, 12 * kHour, 13 * kHour),
                open(3, 8 * kHour, 16 * kHour), pause(3, 12 * kHour, 13 * kHour),
                open(4, 8 * kHour, 16 * kHour), pause(4, 12 * kHour, 13 * kHour),
                open(5, 8 * kHour, 16 * kHour), pause(5, 12 * kHour, 13 * kHour),
                open(6, 9 * kHour, 13 * kHour), open(7, 10 * kHour, 11 * kHour)};
    QTest::newRow("no Monday clears Tuesday to Friday")
        << Rows{open(2, 8 * kHour, 12 * kHour), open(5, 8 * kHour, 12 * kHour),
                open(6, 8 * kHour, 12 * kHour)}
        << Rows{open(6, 8 * kHour, 12 * kHour)};
    QTest::newRow("open sorts before a break at the same start")
        << Rows{pause(1, 8 * kHour, 9 * kHour), open(1, 8 * kHour, 12 * kHour)}
        << Rows{open(1, 8 * kHour, 12 * kHour), pause(1, 8 * kHour, 9 * kHour),
                open(2, 8 * kHour, 12 * kHour), pause(2, 8 * kHour, 9 * kHour),
                open(3, 8 * kHour, 12 * kHour), pause(3, 8 * kHour, 9 * kHour),
                open(4, 8 * kHour, 12 * kHour), pause(4, 8 * kHour, 9 * kHour),
                open(5, 8 * kHour, 12 * kHour), pause(5, 8 * kHour, 9 * kHour)};
}

void TestOpeningHoursRules::copyMondayReplacesTuesdayToFriday() {
    QFETCH(QList<WeeklyInterval>, rows);
    QFETCH(QList<WeeklyInterval>, expected);
    QCOMPARE(copyMondayToWeekdays(rows), expected);
}

void TestOpeningHoursRules::defaultIntervalFollowsTheDay_data() {
    using Rows = QList<WeeklyInterval>;
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<int>("weekday");
    QTest::addColumn<WeeklyInterval>("expected");

    QTest::newRow("empty day starts at 08:00") << Rows{} << 1 << open(1, 8 * kHour, 12 * kHour);
    QTest::newRow("afternoon after the morning")
        << Rows{open(1, 8 * kHour, 12 * kHour)} << 1 << open(1, 13 * kHour, 17 * kHour);
    QTest::newRow("after the latest interval, in any order")
        << Rows{open(2, 13 * kHour, 17 * kHour), open(2, 8 * kHour, 12 * kHour)} << 2
        << open(2, 18 * kHour, 22 * kHour);
    QTest::newRow("breaks and other days do not count")
        << Rows{pause(3, 8 * kHour, 20 * kHour), open(4, 8 * kHour, 20 * kHour)} << 3
        << open(3, 8 * kHour, 12 * kHour);
    QTest::newRow("early close still starts at 08:00")
        << Rows{open(5, 5 * kHour, 6 * kHour)} << 5 << open(5, 8 * kHour, 12 * kHour);
    QTest::newRow("ends at midnight when started late")
        << Rows{open(6, 8 * kHour, 21 * kHour + 30)} << 6 << open(6, 22 * kHour + 30, 24 * kHour);
    QTest::newRow("start after 23:00 wraps to 08:00")
        << Rows{open(7, 18 * kHour, 22 * kHour)} << 7 << open(7, 8 * kHour, 12 * kHour);
    QTest::newRow("open until midnight wraps to 08:00")
        << Rows{open(1, 0, 24 * kHour)} << 1 << open(1, 8 * kHour, 12 * kHour);
}

void TestOpeningHoursRules::defaultIntervalFollowsTheDay() {
    QFETCH(QList<WeeklyInterval>, rows);
    QFETCH(int, weekday);
    QFETCH(WeeklyInterval, expected);
    QCOMPARE(defaultWeeklyInterval(rows, weekday), expected);
}

void TestOpeningHoursRules::slotWithinHours_data() {
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("within");
    // Tuesdays 08:00-12:00 with a break 10:00-10:30; Sundays 01:00-04:00 (across DST changes);
    // closed from 31 March to Easter Monday 2026 (6 April).
    // Tuesday 3 March 2026 is CET (UTC+1).
    QTest::newRow("first slot") << utc(2026, 3, 3, 7, 0) << 15 << true;
    QTest::newRow("last slot ends at closing") << utc(2026, 3, 3, 10, 45) << 15 << true;
    QTest::newRow("runs past closing") << utc(2026, 3, 3, 10, 50) << 15 << false;
    QTest::newRow("before opening") << utc(2026, 3, 3, 6, 45) << 15 << false;
    QTest::newRow("ends at the break") << utc(2026, 3, 3, 8, 45) << 15 << true;
    QTest::newRow("inside the break") << utc(2026, 3, 3, 9, 0) << 15 << false;
    QTest::newRow("runs into the break") << utc(2026, 3, 3, 8, 50) << 15 << false;
    QTest::newRow("closed weekday") << utc(2026, 3, 4, 8, 0) << 15 << false;
    // Tuesday 7 April 2026 is CEST (UTC+2) and after the closure.
    QTest::newRow("summer time") << utc(2026, 4, 7, 6, 0) << 15 << true;
    QTest::newRow("summer time, an hour early") << utc(2026, 4, 7, 5, 0) << 15 << false;
    QTest::newRow("closure") << utc(2026, 3, 31, 6, 0) << 15 << false;
    // Sunday 29 March 2026: 02:00 does not exist; 01:00-04:00 CET/CEST is 00:00-02:00 UTC.
    QTest::newRow("spring forward, last slot") << utc(2026, 3, 29, 1, 45) << 15 << true;
    QTest::newRow("spring forward, past closing") << utc(2026, 3, 29, 2, 0) << 15 << false;
    // Sunday 25 October 2026: 01:00 CEST to 04:00 CET is 23:00 to 03:00 UTC.
    QTest::newRow("fall back, repeated hour") << utc(2026, 10, 25, 1, 30) << 15 << true;
    QTest::newRow("fall back, last slot") << utc(2026, 10, 25, 2, 45) << 15 << true;
}

void TestOpeningHoursRules::slotWithinHours() {
    QFETCH(QDateTime, start);
    QFETCH(int, minutes);
    QFETCH(bool, within);
    OpeningHours hours;
    hours.weekly = {open(2, 8 * kHour, 12 * kHour), pause(2, 10 * kHour, 10 * kHour + 30),
                    open(7, 1 * kHour, 4 * kHour)};
    hours.closures = {Closure{QDate(2026, 3, 31), QDate(2026, 4, 6), u"Ostern"_s}};
    QCOMPARE(slotdesk::slotWithinHours(hours, start.toSecsSinceEpoch(), minutes, m_zone), within);
}

QTEST_GUILESS_MAIN(TestOpeningHoursRules)
#include "TestOpeningHoursRules.moc"

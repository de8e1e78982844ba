#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"
#include "models/rules/SlotGenerator.h"

#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(slotdesk::WeeklyInterval)
Q_DECLARE_METATYPE(slotdesk::Closure)
Q_DECLARE_METATYPE(slotdesk::SpecialDay)

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

QList<WeeklyInterval> everyDay(int from, int to) {
    QList<WeeklyInterval> weekly;
    for (int day = 1; day <= 7; ++day)
        weekly.append(open(day, from, to));
    return weekly;
}

Centre centre(qint64 id, int lanes, int perLane, int slotMinutes,
              QStringList services = {u"pcr"_s}) {
    Centre c;
    c.id = id;
    c.name = u"Testzentrum %1"_s.arg(id);
    c.lanes = lanes;
    c.capacityPerLane = perLane;
    c.slotMinutes = slotMinutes;
    c.serviceCodes = services;
    return c;
}

SlotPlanRequest request(const Centre &c, const OpeningHours &hours, QDate first, QDate last) {
    SlotPlanRequest r;
    r.centres.append({c, hours});
    r.first = first;
    r.last = last;
    return r;
}

int berlinHour(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, berlinTimeZone()).time().hour();
}

} // namespace

class TestSlotGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
    void slotsFitTheirIntervals_data();
    void slotsFitTheirIntervals();
    void agreesWithWeekPreview_data();
    void agreesWithWeekPreview();
    void rangeProblems_data();
    void rangeProblems();
    void servicesAndOrder();
    void cancelLeavesNothing();
    void runReportsProgress();
};

void TestSlotGenerator::generate_data() {
    QTest::addColumn<QList<WeeklyInterval>>("weekly");
    QTest::addColumn<QList<Closure>>("closures");
    QTest::addColumn<QList<SpecialDay>>("specialDays");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("perLane");
    QTest::addColumn<int>("slotMinutes");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<int>("slots");
    QTest::addColumn<QDateTime>("firstStart"); // invalid: no slots
    QTest::addColumn<QDateTime>("lastEnd");

    const QDate monday(2026, 11, 23); // CET, UTC+1
    const QList<Closure> none;
    const QList<SpecialDay> noSpecial;
    const QList<WeeklyInterval> morning{open(1, 8 * kHour, 12 * kHour)};

    QTest::newRow("Monday 08-12, 15 min")
        << morning << none << noSpecial << 1 << 1 << 15 << monday << monday << 16
        << utc(2026, 11, 23, 7) << utc(2026, 11, 23, 11);
    QTest::newRow("lanes do not multiply slots")
        << morning << none << noSpecial << 4 << 3 << 15 << monday << monday << 16
        << utc(2026, 11, 23, 7) << utc(2026, 11, 23, 11);
    QTest::newRow("break 12-13 in 08-16")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 16 * kHour), pause(1, 12 * kHour, 13 * kHour)}
        << none << noSpecial << 1 << 1 << 15 << monday << monday << 28 << utc(2026, 11, 23, 7)
        << utc(2026, 11, 23, 15);
    QTest::newRow("break not on a slot boundary")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 12 * kHour),
                                 pause(1, 10 * kHour + 10, 10 * kHour + 40)}
        << none << noSpecial << 1 << 1 << 15 << monday << monday << 8 + 5 << utc(2026, 11, 23, 7)
        << utc(2026, 11, 23, 10, 55);
    QTest::newRow("25 min into 08-09: the third would not fit")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 9 * kHour)} << none << noSpecial << 1 << 1 << 25
        << monday << monday << 2 << utc(2026, 11, 23, 7) << utc(2026, 11, 23, 7, 50);
    QTest::newRow("7 min into 08-12")
        << morning << none << noSpecial << 1 << 1 << 7 << monday << monday << 34
        << utc(2026, 11, 23, 7) << utc(2026, 11, 23, 10, 58);
    QTest::newRow("closure") << morning << QList<Closure>{{monday, monday, u"Umbau"_s}} << noSpecial
                             << 1 << 1 << 15 << monday << monday << 0 << QDateTime() << QDateTime();
    QTest::newRow("closure over part of the range")
        << everyDay(8 * kHour, 9 * kHour)
        << QList<Closure>{{monday.addDays(1), monday.addDays(5), u"Kein Impfstoff"_s}} << noSpecial
        << 1 << 1 << 30 << monday << monday.addDays(6) << 4 << utc(2026, 11, 23, 7)
        << utc(2026, 11, 29, 8);
    QTest::newRow("special day replaces the week")
        << QList<WeeklyInterval>{open(4, 8 * kHour, 20 * kHour)} << none
        << QList<SpecialDay>{{QDate(2026, 12, 24),
                              u"Heiligabend"_s,
                              {{8 * kHour, 10 * kHour}, {11 * kHour, 12 * kHour}}}}
        << 1 << 1 << 30 << QDate(2026, 12, 24) << QDate(2026, 12, 24) << 6 << utc(2026, 12, 24, 7)
        << utc(2026, 12, 24, 11);
    QTest::newRow("week, weekdays only")
        << QList<WeeklyInterval>{open(1, 8 * kHour, 12 * kHour), open(2, 8 * kHour, 12 * kHour),
                                 open(3, 8 * kHour, 12 * kHour), open(4, 8 * kHour, 12 * kHour),
                                 open(5, 8 * kHour, 12 * kHour)}
        << none << noSpecial << 2 << 2 << 15 << monday << monday.addDays(6) << 5 * 16
        << utc(2026, 11, 23, 7) << utc(2026, 11, 27, 11);
    QTest::newRow("range of closed days")
        << morning << none << noSpecial << 1 << 1 << 15 << monday.addDays(1) << monday.addDays(6)
        << 0 << QDateTime() << QDateTime();
    QTest::newRow("inverted range")
        << morning << none << noSpecial << 1 << 1 << 15 << monday.addDays(7) << monday << 0
        << QDateTime() << QDateTime();
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST. 01:00-04:00 lasts two hours.
    QTest::newRow("spring forward 01-04")
        << QList<WeeklyInterval>{open(7, 1 * kHour, 4 * kHour)} << none << noSpecial << 1 << 1 << 15
        << QDate(2026, 3, 29) << QDate(2026, 3, 29) << 8 << utc(2026, 3, 29, 0)
        << utc(2026, 3, 29, 2);
    QTest::newRow("spring forward, opening in the gap")
        << QList<WeeklyInterval>{open(7, 2 * kHour + 30, 4 * kHour)} << none << noSpecial << 1 << 1
        << 15 << QDate(2026, 3, 29) << QDate(2026, 3, 29) << 4 << utc(2026, 3, 29, 1)
        << utc(2026, 3, 29, 2);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET. 01:00-04:00 lasts four hours.
    QTest::newRow("fall back 01-04")
        << QList<WeeklyInterval>{open(7, 1 * kHour, 4 * kHour)} << none << noSpecial << 1 << 1 << 15
        << QDate(2026, 10, 25) << QDate(2026, 10, 25) << 16 << utc(2026, 10, 24, 23)
        << utc(2026, 10, 25, 3);
    QTest::newRow("fall back, ordinary hours")
        << QList<WeeklyInterval>{open(7, 8 * kHour, 12 * kHour)} << none << noSpecial << 1 << 1
        << 60 << QDate(2026, 10, 24) << QDate(2026, 10, 25) << 4 << utc(2026, 10, 25, 7)
        << utc(2026, 10, 25, 11);
}

void TestSlotGenerator::generate() {
    QFETCH(QList<WeeklyInterval>, weekly);
    QFETCH(QList<Closure>, closures);
    QFETCH(QList<SpecialDay>, specialDays);
    QFETCH(int, lanes);
    QFETCH(int, perLane);
    QFETCH(int, slotMinutes);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(int, slots);
    QFETCH(QDateTime, firstStart);
    QFETCH(QDateTime, lastEnd);

    const OpeningHours hours{7, weekly, closures, specialDays};
    const Centre c = centre(7, lanes, perLane, slotMinutes);
    SlotPlan plan;
    QVERIFY(SlotGenerator::generate(request(c, hours, first, last), &plan));

    QCOMPARE(qsizetype(plan.slots.size()), qsizetype(slots));
    QCOMPARE(plan.grandTotal().slots, qint64(slots));
    QCOMPARE(plan.grandTotal().places, qint64(slots) * lanes * perLane);
    for (const PlannedSlot &s : plan.slots) {
        QCOMPARE(s.centreId, qint64(7));
        QCOMPARE(s.capacity, lanes * perLane);
        QCOMPARE(s.minutes, slotMinutes);
        QCOMPARE(plan.services.value(s.service), u"pcr"_s);
    }
    if (slots == 0) {
        QVERIFY(!firstStart.isValid());
        return;
    }
    QCOMPARE(QDateTime::fromSecsSinceEpoch(plan.slots.front().startsAt, Qt::UTC), firstStart);
    const PlannedSlot &back = plan.slots.back();
    QCOMPARE(QDateTime::fromSecsSinceEpoch(back.startsAt + back.minutes * 60, Qt::UTC), lastEnd);
}

void TestSlotGenerator::slotsFitTheirIntervals_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("slotMinutes");
    QTest::newRow("ordinary Sunday") << QDate(2026, 11, 29) << 25;
    QTest::newRow("spring forward") << QDate(2026, 3, 29) << 5;
    QTest::newRow("spring forward, 40 min") << QDate(2026, 3, 29) << 40;
    QTest::newRow("fall back") << QDate(2026, 10, 25) << 5;
    QTest::newRow("fall back, 35 min") << QDate(2026, 10, 25) << 35;
}

// Every slot lies inside one open interval of its day: never in a break, never in the skipped
// spring hour, never running past the interval's end; starts ascend without overlap.
void TestSlotGenerator::slotsFitTheirIntervals() {
    QFETCH(QDate, date);
    QFETCH(int, slotMinutes);
    const OpeningHours hours{3,
                             {open(7, 0, 3 * kHour + 20), pause(7, 2 * kHour + 50, 3 * kHour),
                              open(7, 9 * kHour, 17 * kHour),
                              pause(7, 12 * kHour, 12 * kHour + 45)},
                             {},
                             {}};
    SlotPlan plan;
    QVERIFY(
        SlotGenerator::generate(request(centre(3, 2, 1, slotMinutes), hours, date, date), &plan));
    const DayPlan day = planDay(hours, date, slotMinutes, 2, berlinTimeZone());
    QVERIFY(!plan.slots.empty());
    qint64 previousEnd = 0;
    for (const PlannedSlot &s : plan.slots) {
        const qint64 end = s.startsAt + qint64(s.minutes) * 60;
        QVERIFY(s.startsAt >= previousEnd);
        previousEnd = end;
        const bool inside =
            std::any_of(day.intervals.cbegin(), day.intervals.cend(), [&](const OpenInterval &i) {
                return i.start.toSecsSinceEpoch() <= s.startsAt && end <= i.end.toSecsSinceEpoch();
            });
        QVERIFY2(inside, qPrintable(berlinIso(s.startsAt)));
        const QTime local = QDateTime::fromSecsSinceEpoch(s.startsAt, berlinTimeZone()).time();
        QVERIFY2(!(local >= QTime(12, 0) && local < QTime(12, 45)),
                 qPrintable(berlinIso(s.startsAt)));
    }
    if (date == QDate(2026, 3, 29)) {
        for (const PlannedSlot &s : plan.slots)
            QVERIFY(berlinHour(s.startsAt) != 2); // 02:00-03:00 does not exist that night
    }
    if (date == QDate(2026, 10, 25) && slotMinutes == 5) {
        // Both occurrences of 02:00-02:50 are planned, as two distinct instants.
        const auto twoOClock =
            std::count_if(plan.slots.cbegin(), plan.slots.cend(),
                          [](const PlannedSlot &s) { return berlinHour(s.startsAt) == 2; });
        QCOMPARE(twoOClock, 2 * 12 - 2); // the break 02:50-03:00 takes the last two of the second
    }
}

void TestSlotGenerator::agreesWithWeekPreview_data() {
    QTest::addColumn<QList<WeeklyInterval>>("weekly");
    QTest::addColumn<int>("slotMinutes");
    QTest::newRow("night shifts, 5 min") << everyDay(0, 4 * kHour) << 5;
    QTest::newRow("day with break, 25 min")
        << QList<WeeklyInterval>{open(7, 1 * kHour, 13 * kHour),
                                 pause(7, 2 * kHour, 2 * kHour + 30),
                                 open(3, 8 * kHour, 18 * kHour)}
        << 25;
    QTest::newRow("all day, 7 min") << everyDay(0, 24 * kHour) << 7;
}

// The week preview (planWeek) and the generator count slots with one rule: for every day of a
// year with both DST changes their numbers are the same.
void TestSlotGenerator::agreesWithWeekPreview() {
    QFETCH(QList<WeeklyInterval>, weekly);
    QFETCH(int, slotMinutes);
    const OpeningHours hours{5,
                             weekly,
                             {{QDate(2026, 6, 1), QDate(2026, 6, 14), u"Urlaub"_s}},
                             {{QDate(2026, 12, 24), u"Heiligabend"_s, {{8 * kHour, 11 * kHour}}}}};
    const QDate first(2026, 1, 1);
    const QDate last(2026, 12, 31);
    SlotPlan plan;
    QVERIFY(
        SlotGenerator::generate(request(centre(5, 3, 2, slotMinutes), hours, first, last), &plan));
    QCOMPARE(plan.dayCount(), 365);
    QHash<QDate, qint64> perDay;
    for (const PlannedSlot &s : plan.slots)
        ++perDay[QDateTime::fromSecsSinceEpoch(s.startsAt, berlinTimeZone()).date()];
    for (QDate week = first.addDays(1 - first.dayOfWeek()); week <= last; week = week.addDays(7)) {
        const QList<DayPlan> preview = planWeek(hours, week, slotMinutes, 6, berlinTimeZone());
        for (const DayPlan &day : preview) {
            if (day.date < first || day.date > last)
                continue;
            const int index = int(first.daysTo(day.date));
            QCOMPARE(plan.total(index, 0).slots, qint64(day.slotsPerLane));
            QCOMPARE(plan.total(index, 0).places, qint64(day.slots));
            // Slots of intervals reaching past midnight do not exist: each slot's local date is
            // the day it was planned for.
            QCOMPARE(perDay.value(day.date), qint64(day.slotsPerLane));
        }
    }
}

void TestSlotGenerator::rangeProblems_data() {
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<bool>("problem");
    QTest::newRow("one day") << QDate(2026, 5, 4) << QDate(2026, 5, 4) << false;
    QTest::newRow("two years") << QDate(2026, 1, 1) << QDate(2027, 12, 31) << false;
    QTest::newRow("inverted") << QDate(2026, 5, 4) << QDate(2026, 5, 3) << true;
    QTest::newRow("no first day") << QDate() << QDate(2026, 5, 3) << true;
    QTest::newRow("no last day") << QDate(2026, 5, 3) << QDate() << true;
    QTest::newRow("too long") << QDate(2026, 1, 1) << QDate(2028, 1, 2) << true;
}

void TestSlotGenerator::rangeProblems() {
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(bool, problem);
    QCOMPARE(!SlotGenerator::rangeProblem(first, last).isEmpty(), problem);
    SlotPlan plan;
    const OpeningHours hours{1, everyDay(8 * kHour, 9 * kHour), {}, {}};
    QVERIFY(SlotGenerator::generate(request(centre(1, 1, 1, 30), hours, first, last), &plan));
    QCOMPARE(plan.slots.empty(), problem);
    QCOMPARE(plan.dayCount() == 0, problem);
}

// Each centre gets only the requested services it offers; slots come day by day, then centre
// (request order), service and time.
void TestSlotGenerator::servicesAndOrder() {
    const OpeningHours hours{0, everyDay(8 * kHour, 9 * kHour), {}, {}};
    SlotPlanRequest r;
    r.centres.append({centre(1, 1, 1, 30, {u"pcr"_s, u"rapid_antigen"_s}), hours});
    r.centres.append({centre(2, 2, 1, 60, {u"vaccine_comirnaty"_s}), hours});
    r.centres.append({centre(3, 1, 1, 30, {u"pcr"_s}), hours});
    r.services = {u"rapid_antigen"_s, u"pcr"_s, u"vaccine_comirnaty"_s};
    r.first = QDate(2026, 11, 23);
    r.last = QDate(2026, 11, 24);
    SlotPlan plan;
    QVERIFY(SlotGenerator::generate(r, &plan));
    QCOMPARE(plan.services, (QStringList{u"rapid_antigen"_s, u"pcr"_s, u"vaccine_comirnaty"_s}));
    QCOMPARE(plan.centreIds, (QList<qint64>{1, 2, 3}));
    QStringList order;
    for (const PlannedSlot &s : plan.slots)
        order.append(u"%1/%2/%3"_s.arg(s.centreId)
                         .arg(plan.services.at(s.service))
                         .arg(QDateTime::fromSecsSinceEpoch(s.startsAt, berlinTimeZone())
                                  .toString(u"dd HH:mm"_s)));
    const QStringList oneDay{u"1/rapid_antigen/%1 08:00"_s,
                             u"1/rapid_antigen/%1 08:30"_s,
                             u"1/pcr/%1 08:00"_s,
                             u"1/pcr/%1 08:30"_s,
                             u"2/vaccine_comirnaty/%1 08:00"_s,
                             u"3/pcr/%1 08:00"_s,
                             u"3/pcr/%1 08:30"_s};
    QStringList expected;
    for (const QString &day : {u"23"_s, u"24"_s}) {
        for (const QString &line : oneDay)
            expected.append(line.arg(day));
    }
    QCOMPARE(order, expected);
    QCOMPARE(plan.total(0, 2).places, qint64(2));
    QCOMPARE(plan.total(1, 1).slots, qint64(4));
    QCOMPARE(plan.dayTotal(1).slots, qint64(7));

    r.services = {u"pcr"_s};
    QVERIFY(SlotGenerator::generate(r, &plan));
    QCOMPARE(plan.services, QStringList{u"pcr"_s});
    QCOMPARE(qsizetype(plan.slots.size()), qsizetype(2 * 4));
}

void TestSlotGenerator::cancelLeavesNothing() {
    const OpeningHours hours{1, everyDay(8 * kHour, 20 * kHour), {}, {}};
    SlotPlan plan;
    int calls = 0;
    const bool finished = SlotGenerator::generate(
        request(centre(1, 1, 1, 5), hours, QDate(2026, 1, 1), QDate(2026, 12, 31)), &plan,
        [&calls](int done, int total) {
            ++calls;
            return !(done == 40 && total == 365);
        });
    QVERIFY(!finished);
    QCOMPARE(calls, 40);
    QVERIFY(plan.slots.empty());
    QVERIFY(plan.dayTotals.empty());
}

void TestSlotGenerator::runReportsProgress() {
    const OpeningHours hours{1, everyDay(8 * kHour, 20 * kHour), {}, {}};
    QFuture<std::shared_ptr<const SlotPlan>> future = SlotGenerator::run(
        request(centre(1, 2, 2, 5), hours, QDate(2026, 1, 1), QDate(2026, 1, 31)));
    future.waitForFinished();
    QCOMPARE(future.progressMaximum(), 31);
    QCOMPARE(future.progressValue(), 31);
    QVERIFY(future.isResultReadyAt(0));
    const std::shared_ptr<const SlotPlan> plan = future.result();
    QCOMPARE(qsizetype(plan->slots.size()), qsizetype(31 * 144));
    QCOMPARE(plan->places(), qint64(31 * 144 * 4));
}

QTEST_GUILESS_MAIN(TestSlotGenerator)
#include "TestSlotGenerator.moc"

#include "models/itemmodels/SlotPlanModel.h"
#include "tests/support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const SlotPlan> planOf(QDate first, QDate last) {
    OpeningHours hours;
    for (int day = 1; day <= 5; ++day)
        hours.weekly.append({day, {8 * 60, 20 * 60}, false});
    hours.weekly.append({6, {8 * 60, 12 * 60}, false});
    Centre centre;
    centre.id = 1;
    centre.serviceCodes = {u"pcr"_s, u"rapid_antigen"_s};
    centre.lanes = 2;
    centre.capacityPerLane = 1;
    centre.slotMinutes = 5;
    SlotPlanRequest request;
    request.centres.append({centre, hours});
    request.services = {u"rapid_antigen"_s, u"pcr"_s};
    request.first = first;
    request.last = last;
    auto plan = std::make_shared<SlotPlan>();
    SlotGenerator::generate(request, plan.get());
    return plan;
}

} // namespace

class TestSlotPlanModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinLocale(); }
    void calendarShape_data();
    void calendarShape();
    void cellsAndTotals();
    void serviceFilter();
};

void TestSlotPlanModel::calendarShape_data() {
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<int>("months");
    QTest::newRow("one day") << QDate(2027, 4, 12) << QDate(2027, 4, 12) << 1;
    QTest::newRow("April to June") << QDate(2027, 4, 12) << QDate(2027, 6, 3) << 3;
    QTest::newRow("over New Year") << QDate(2026, 12, 30) << QDate(2027, 1, 2) << 2;
    QTest::newRow("inverted") << QDate(2027, 4, 12) << QDate(2027, 4, 11) << 0;
}

void TestSlotPlanModel::calendarShape() {
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(int, months);
    SlotPlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(planOf(first, last));
    QCOMPARE(model.rowCount(), months);
    QCOMPARE(model.columnCount(), 31);
    if (months == 0)
        return;
    QCOMPARE(model.indexOf(first), model.index(0, first.day() - 1));
    QCOMPARE(model.indexOf(last), model.index(months - 1, last.day() - 1));
    QVERIFY(!model.indexOf(first.addDays(-1)).isValid());
    QVERIFY(!model.indexOf(last.addDays(1)).isValid());
    QCOMPARE(model.flags(model.indexOf(first)), Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (first.day() > 1) {
        QCOMPARE(model.flags(model.index(0, 0)), Qt::NoItemFlags);
        QVERIFY(!model.data(model.index(0, 0)).isValid());
    }
}

void TestSlotPlanModel::cellsAndTotals() {
    SlotPlanModel model;
    model.setPlan(planOf(QDate(2027, 4, 1), QDate(2027, 4, 30)));
    // 12 April 2027 is a Monday: 144 slots of each of two services, two places each.
    const QModelIndex monday = model.indexOf(QDate(2027, 4, 12));
    QCOMPARE(model.data(monday, SlotPlanModel::SlotsRole).toLongLong(), 288);
    QCOMPARE(model.data(monday, SlotPlanModel::PlacesRole).toLongLong(), 576);
    QCOMPARE(model.data(monday, Qt::AccessibleTextRole).toString(),
             u"Mo 12.04.: 288 slots, 576 places"_s);
    QCOMPARE(model.data(monday, SlotPlanModel::IntensityRole).toDouble(), 1.0);
    const QModelIndex saturday = model.indexOf(QDate(2027, 4, 17));
    QCOMPARE(model.data(saturday, SlotPlanModel::SlotsRole).toLongLong(), 96);
    QCOMPARE(model.data(saturday, SlotPlanModel::IntensityRole).toDouble(), 96.0 / 288.0);
    const QModelIndex sunday = model.indexOf(QDate(2027, 4, 18));
    QCOMPARE(model.data(sunday, SlotPlanModel::SlotsRole).toLongLong(), 0);
    QCOMPARE(model.data(model.index(0, 30), SlotPlanModel::DateRole).toDate(), QDate()); // 31 April
    // April 2027: 22 weekdays, 4 Saturdays.
    QCOMPARE(model.total().slots, qint64(22 * 288 + 4 * 96));
    QCOMPARE(model.total().places, qint64(2 * (22 * 288 + 4 * 96)));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"April 2027"_s);
    QCOMPARE(model.headerData(11, Qt::Horizontal).toInt(), 12);
}

void TestSlotPlanModel::serviceFilter() {
    SlotPlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(planOf(QDate(2027, 4, 12), QDate(2027, 4, 18)));
    const qint64 all = model.total().slots;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setService(1); // pcr
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.total().slots, all / 2);
    QCOMPARE(model.data(model.indexOf(QDate(2027, 4, 12)), SlotPlanModel::SlotsRole).toLongLong(),
             144);
    model.setService(7); // unknown: back to all services
    QCOMPARE(model.service(), int(SlotPlanModel::allServices));
    QCOMPARE(model.total().slots, all);
}

QTEST_GUILESS_MAIN(TestSlotPlanModel)
#include "TestSlotPlanModel.moc"

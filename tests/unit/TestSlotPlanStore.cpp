#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"
#include "models/rules/SlotGenerator.h"
#include "models/store/ConsoleStore.h"
#include "models/store/Database.h"
#include "models/store/SlotPlanTable.h"
#include "models/store/SqlSupport.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kHour = 60;

OpeningHours everyDay(qint64 centreId, int from, int to) {
    OpeningHours hours;
    hours.centreId = centreId;
    for (int day = 1; day <= 7; ++day)
        hours.weekly.append({day, {from, to}, false});
    return hours;
}

qint64 dayStart(QDate date) {
    return localToUtc(date, 0, berlinTimeZone(), Ambiguity::Earliest).toSecsSinceEpoch();
}

qint64 scalar(QSqlDatabase &db, const QString &statement) {
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace

class TestSlotPlanStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void savesEveryColumn();
    void savingAgainReplacesThePlan();
    void publishedSlotIsAConflict_data();
    void publishedSlotIsAConflict();
    void cancelledSaveStoresNothing();
    void cancelledMidWriteRollsBack();

private:
    std::shared_ptr<const SlotPlan> generate(QDate first, QDate last, int slotMinutes = 15,
                                             int from = 8 * kHour, int to = 12 * kHour);

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<ConsoleStore> m_store;
    Centre m_centre;
};

void TestSlotPlanStore::init() {
    m_dir = std::make_unique<test::TempDir>();
    m_clock = std::make_unique<FixedClock>(test::storeTestNow());
    m_store = std::make_unique<ConsoleStore>(m_dir->file(u"slotdesk.db"_s), *m_clock);
    QVERIFY(test::awaitResult(m_store->open()).ok());
    Centre centre = test::sampleCentre(u"Impfzentrum Messe"_s);
    centre.serviceCodes = {u"pcr"_s, u"rapid_antigen"_s};
    centre.lanes = 3;
    centre.capacityPerLane = 2;
    const Stored<Centre> saved = test::awaitResult(m_store->saveCentre(centre));
    QVERIFY2(saved.error.ok(), qPrintable(saved.error.message));
    m_centre = saved.value;
}

void TestSlotPlanStore::cleanup() {
    m_store.reset();
    m_clock.reset();
    m_dir.reset();
}

std::shared_ptr<const SlotPlan> TestSlotPlanStore::generate(QDate first, QDate last,
                                                            int slotMinutes, int from, int to) {
    Centre centre = m_centre;
    centre.slotMinutes = slotMinutes;
    SlotPlanRequest request;
    request.centres.append({centre, everyDay(centre.id, from, to)});
    request.first = first;
    request.last = last;
    auto plan = std::make_shared<SlotPlan>();
    if (!SlotGenerator::generate(request, plan.get()))
        qWarning("generation cancelled");
    return plan;
}

void TestSlotPlanStore::savesEveryColumn() {
    const auto plan = generate(QDate(2027, 3, 1), QDate(2027, 3, 7));
    QCOMPARE(qsizetype(plan->slots.size()), qsizetype(7 * 16 * 2));
    QSignalSpy saved(m_store.get(), &ConsoleStore::slotPlanSaved);
    QFuture<ConsoleStore::SlotPlanReport> future = m_store->saveSlotPlan(plan);
    const ConsoleStore::SlotPlanReport report = test::awaitResult(future);
    QVERIFY2(report.error.ok(), qPrintable(report.error.message));
    QCOMPARE(report.inserted, qint64(plan->slots.size()));
    QCOMPARE(report.removed, qint64(0));
    QCOMPARE(future.progressValue(), 100);
    QTRY_COMPARE(saved.count(), 1);

    test::RawConnection raw(m_store->path());
    QStringList rows = test::tableRows(raw.db(), u"slots"_s,
                                       {u"centre_id"_s, u"service_code"_s, u"starts_at"_s,
                                        u"minutes"_s, u"capacity"_s, u"booked"_s, u"release_id"_s});
    QCOMPARE(rows.size(), qsizetype(plan->slots.size()));
    const QDateTime firstStart(QDate(2027, 3, 1), QTime(8, 0), berlinTimeZone());
    QCOMPARE(rows.constFirst(),
             u"centre_id=%1|service_code=pcr|starts_at=%2|minutes=15|capacity=6|booked=0|"
             "release_id=NULL"_s.arg(m_centre.id)
                 .arg(firstStart.toSecsSinceEpoch()));
    QCOMPARE(test::awaitResult(m_store->plannedSlotCount(m_centre.id, dayStart(QDate(2027, 3, 7)),
                                                         dayStart(QDate(2027, 3, 8))))
                 .value,
             qint64(16 * 2));
}

void TestSlotPlanStore::savingAgainReplacesThePlan() {
    QVERIFY(test::awaitResult(m_store->saveSlotPlan(generate(QDate(2027, 3, 1), QDate(2027, 3, 7))))
                .error.ok());
    // A second plan for part of the week with other hours replaces those days only.
    const auto shorter = generate(QDate(2027, 3, 3), QDate(2027, 3, 4), 30, 9 * kHour, 10 * kHour);
    const ConsoleStore::SlotPlanReport report = test::awaitResult(m_store->saveSlotPlan(shorter));
    QVERIFY2(report.error.ok(), qPrintable(report.error.message));
    QCOMPARE(report.removed, qint64(2 * 16 * 2));
    QCOMPARE(report.inserted, qint64(2 * 2 * 2));
    test::RawConnection raw(m_store->path());
    QCOMPARE(test::countRows(raw.db(), u"slots"_s), qint64(5 * 16 * 2 + 2 * 2 * 2));
    QCOMPARE(scalar(raw.db(), u"SELECT count(*) FROM slots WHERE minutes = 30"_s), qint64(8));
}

// The plan's 224 slots are written many rows per statement and the last ones one by one: the
// conflict is named wherever it falls.
void TestSlotPlanStore::publishedSlotIsAConflict_data() {
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("shown");
    QTest::newRow("among many rows") << QDate(2027, 3, 5) << u"05.03.2027 09:00"_s;
    QTest::newRow("among the last rows") << QDate(2027, 3, 7) << u"07.03.2027 09:00"_s;
}

void TestSlotPlanStore::publishedSlotIsAConflict() {
    QFETCH(QDate, day);
    QFETCH(QString, shown);
    const QDateTime published(day, QTime(9, 0), berlinTimeZone());
    {
        test::RawConnection raw(m_store->path());
        QVERIFY(raw.exec(u"INSERT INTO releases (id, uuid, opens_at, created_at) "
                         "VALUES (1, 'r-1', 0, 0)"_s));
        QVERIFY(raw.exec(u"INSERT INTO slots (centre_id, service_code, starts_at, minutes, "
                         "capacity, release_id) VALUES (%1, 'pcr', %2, 15, 6, 1)"_s.arg(m_centre.id)
                             .arg(published.toSecsSinceEpoch())));
    }
    const ConsoleStore::SlotPlanReport report =
        test::awaitResult(m_store->saveSlotPlan(generate(QDate(2027, 3, 1), QDate(2027, 3, 7))));
    QCOMPARE(report.error.kind, StoreError::Kind::Conflict);
    QVERIFY2(report.error.message.contains(shown), qPrintable(report.error.message));
    QCOMPARE(report.inserted, qint64(0));
    test::RawConnection raw(m_store->path());
    QCOMPARE(test::countRows(raw.db(), u"slots"_s), qint64(1)); // the published one only
}

// A save queued behind another and cancelled before it runs stores nothing; the one ahead of it
// is complete.
void TestSlotPlanStore::cancelledSaveStoresNothing() {
    const auto year = generate(QDate(2027, 1, 1), QDate(2027, 12, 31), 5);
    const auto later = generate(QDate(2028, 1, 1), QDate(2028, 1, 31));
    QFuture<ConsoleStore::SlotPlanReport> first = m_store->saveSlotPlan(year);
    QFuture<ConsoleStore::SlotPlanReport> second = m_store->saveSlotPlan(later);
    second.cancel();
    QVERIFY(test::awaitResult(first, 60000).error.ok());
    QTRY_VERIFY(second.isFinished());
    QVERIFY(!second.isResultReadyAt(0));
    test::RawConnection raw(m_store->path());
    QCOMPARE(test::countRows(raw.db(), u"slots"_s), qint64(year->slots.size()));
    QCOMPARE(scalar(raw.db(), u"SELECT count(*) FROM slots WHERE starts_at >= %1"_s.arg(
                                  dayStart(QDate(2028, 1, 1)))),
             qint64(0));
}

// Cancelled while writing: everything written so far is rolled back.
void TestSlotPlanStore::cancelledMidWriteRollsBack() {
    const auto plan = generate(QDate(2027, 1, 1), QDate(2027, 3, 31), 5, 0, 24 * kHour);
    QVERIFY(plan->slots.size() > 20000);

    // Another program holds the write lock, so the save waits before its first row until the
    // user has pressed Cancel: the cancel always lands mid-save.
    test::RawConnection other(m_store->path());
    QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s));
    QFuture<ConsoleStore::SlotPlanReport> future = m_store->saveSlotPlan(plan);
    QTRY_VERIFY(future.progressValue() >= 1);
    future.cancel();
    QVERIFY(other.exec(u"COMMIT"_s));
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!future.isResultReadyAt(0));
    QCOMPARE(test::countRows(other.db(), u"slots"_s), qint64(0));

    // The same rows written directly, stopped after the first progress report: rolled back too.
    Database db(u"slot-plan-direct"_s);
    QVERIFY(db.open(m_store->path()).ok());
    {
        sql::Transaction transaction(db.handle());
        QVERIFY(transaction.beginError().ok());
        SlotPlanTable::Result result;
        qint64 reportedAt = 0;
        const StoreError error =
            SlotPlanTable(db.handle()).replace(*plan, &result, [&](qint64 done, qint64) {
                reportedAt = done;
                return false;
            });
        QVERIFY(error.ok());
        QVERIFY(result.cancelled);
        QVERIFY(reportedAt > 0 && reportedAt < qint64(plan->slots.size()));
    }
    QCOMPARE(test::countRows(other.db(), u"slots"_s), qint64(0));
}

QTEST_GUILESS_MAIN(TestSlotPlanStore)
#include "TestSlotPlanStore.moc"

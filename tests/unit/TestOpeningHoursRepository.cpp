// OpeningHoursRepository: weekly hours, closures and special days, all or nothing.
#include "tests/unit/StoreSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;
using namespace Qt::StringLiterals;

class TestOpeningHoursRepository : public StoreSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { open(); }
    void cleanup() { close(); }

    void openingHoursRoundTrip();
    void openingHoursSaveReplacesAllRows();
    void openingHoursBatchIsOneTransaction();
    void closureInThePastIsRefused();
    void storedPastClosureStaysValid();
};

void TestOpeningHoursRepository::openingHoursRoundTrip() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    // A centre without any hours yet loads as empty, not as an error.
    const Stored<OpeningHours> empty = m_hours->load(c.id);
    QVERIFY(empty.error.ok());
    OpeningHours none;
    none.centreId = c.id;
    QCOMPARE(empty.value, none);

    OpeningHours hours = test::sampleHours(c.id);
    hours.weekly.append({7, {0, 1440}, false}); // the whole of Sunday
    hours.closures.append({QDate(2027, 1, 1), QDate(2027, 1, 1), u"Neujahr"_s});
    hours.specialDays.append({QDate(2027, 3, 28), u"Sommerzeit"_s, {{1 * 60, 5 * 60}}});
    QVERIFY(m_hours->save(hours).ok());
    const Stored<OpeningHours> loaded = m_hours->load(c.id);
    QVERIFY(loaded.error.ok());
    QCOMPARE(loaded.value, hours);
    QCOMPARE(test::countRows(m_db->handle(), u"special_days"_s), 3);

    QCOMPARE(kindName(m_hours->load(c.id + 100).error.kind), u"NotFound"_s);
    OpeningHours orphan = test::sampleHours(c.id + 100);
    QCOMPARE(kindName(m_hours->save(orphan).kind), u"NotFound"_s);
}

void TestOpeningHoursRepository::openingHoursSaveReplacesAllRows() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    const Centre other = stored(u"Testzentrum Neustadt"_s);
    QVERIFY(m_hours->save(test::sampleHours(c.id)).ok());
    QVERIFY(m_hours->save(test::sampleHours(other.id)).ok());

    OpeningHours smaller;
    smaller.centreId = c.id;
    smaller.weekly = {{3, {9 * 60, 11 * 60}, false}};
    QVERIFY(m_hours->save(smaller).ok());
    QCOMPARE(m_hours->load(c.id).value, smaller);
    QCOMPARE(m_hours->load(other.id).value, test::sampleHours(other.id)); // untouched

    // A refused edit leaves the previous hours whole.
    const QStringList before = storedData(m_db->handle());
    OpeningHours bad = test::sampleHours(c.id);
    bad.weekly.append({1, {11 * 60, 14 * 60}, false}); // overlaps Monday 08-12 and 13-18
    const StoreError error = m_hours->save(bad);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QCOMPARE(fieldNames(error), QStringList{u"weekly[5]"_s});
    QCOMPARE(storedData(m_db->handle()), before);
}

void TestOpeningHoursRepository::openingHoursBatchIsOneTransaction() {
    const Centre a = stored(u"Testzentrum Altstadt"_s);
    const Centre b = stored(u"Testzentrum Neustadt"_s);
    const QStringList before = storedData(m_db->handle());
    OpeningHours bad = test::sampleHours(b.id);
    bad.weekly[0].range = {12 * 60, 8 * 60}; // end before start
    BatchResult result;
    const StoreError error = m_hours->saveAll({test::sampleHours(a.id), bad}, {}, &result);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QCOMPARE(result.failedItems, QList<int>{1});
    QCOMPARE(storedData(m_db->handle()), before);

    BatchOptions options;
    options.progress = [](int done, int) { return done < 2; };
    QVERIFY(m_hours->saveAll({test::sampleHours(a.id), test::sampleHours(b.id)}, options, &result)
                .ok());
    QVERIFY(result.cancelled);
    QCOMPARE(storedData(m_db->handle()), before);

    QVERIFY(m_hours->saveAll({test::sampleHours(a.id), test::sampleHours(b.id)}, {}, &result).ok());
    QCOMPARE(result.inserted, 2);
    QCOMPARE(result.updated, 0);
    QVERIFY(m_hours->saveAll({test::sampleHours(a.id)}, {}, &result).ok());
    QCOMPARE(result.updated, 1);
}

void TestOpeningHoursRepository::closureInThePastIsRefused() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    OpeningHours hours = test::sampleHours(c.id);
    // Today (Berlin) is 2026-11-25: a closure ending yesterday is in the past, one for today
    // is not.
    hours.closures.append({QDate(2026, 11, 20), QDate(2026, 11, 24), u"Umbau"_s});
    hours.closures.append({QDate(2026, 11, 25), QDate(2026, 11, 25), u"Umbau"_s});
    const StoreError error = m_hours->save(hours);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QCOMPARE(fieldNames(error), QStringList{u"closures[1]"_s});
    QVERIFY(!error.fields.constFirst().message.isEmpty());
    QCOMPARE(test::countRows(m_db->handle(), u"closures"_s), 0);
    QCOMPARE(test::countRows(m_db->handle(), u"opening_rules"_s), 0);
}

void TestOpeningHoursRepository::storedPastClosureStaysValid() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    QVERIFY(m_hours->save(test::sampleHours(c.id)).ok());
    // Weeks later the Christmas closure lies in the past; editing the weekly plan must not trip
    // over it, and it stays stored as history.
    m_clock->set(QDateTime(QDate(2027, 2, 1), QTime(9, 0), Qt::UTC));
    OpeningHours hours = m_hours->load(c.id).value;
    hours.weekly.append({4, {8 * 60, 12 * 60}, false});
    const StoreError error = m_hours->save(hours);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QCOMPARE(m_hours->load(c.id).value, hours);
    QCOMPARE(m_hours->load(c.id).value.closures, test::sampleHours(c.id).closures);

    // A new closure in the past is still refused next to the stored one.
    hours.closures.append({QDate(2027, 1, 10), QDate(2027, 1, 12), u"Umbau"_s});
    QCOMPARE(fieldNames(m_hours->save(hours)), QStringList{u"closures[1]"_s});
}

QTEST_GUILESS_MAIN(TestOpeningHoursRepository)
#include "TestOpeningHoursRepository.moc"

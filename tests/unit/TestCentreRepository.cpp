// CentreRepository: storing, changing, deactivating and bulk-saving centres.
#include "tests/unit/StoreSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;
using namespace Qt::StringLiterals;

class TestCentreRepository : public StoreSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { open(); }
    void cleanup() { close(); }

    void insertAssignsIdUuidAndFirstRevision();
    void emptyOptionalTextIsStored();
    void updateBumpsRevision();
    void staleRevisionIsConflict();
    void duplicateNameIsRefused_data();
    void duplicateNameIsRefused();
    void invalidCentreWritesNothing_data();
    void invalidCentreWritesNothing();
    void deactivateKeepsRowAndHistory();
    void removeWithoutHistoryDeletes();
    void removeRefusedWithHistory_data();
    void removeRefusedWithHistory();
    void saveAllOneBadItemWritesNothing();
    void saveAllDuplicateWithinBatch();
    void saveAllAppliesEverything();
    void saveAllDryRunWritesNothing();
    void saveAllCancelWritesNothing();
};

void TestCentreRepository::insertAssignsIdUuidAndFirstRevision() {
    Centre c = test::sampleCentre(u"  Testzentrum Altstadt "_s);
    c.serviceCodes = {u"rapid_antigen"_s, u"pcr"_s};
    QVERIFY(m_centres->save(c).ok());
    QVERIFY(c.id > 0);
    QVERIFY(!QUuid::fromString(c.uuid).isNull());
    QCOMPARE(c.revision, 1);
    QCOMPARE(c.name, u"Testzentrum Altstadt"_s); // stored trimmed
    QCOMPARE(c.serviceCodes, (QStringList{u"pcr"_s, u"rapid_antigen"_s}));

    const std::optional<Centre> found = m_centres->find(c.id);
    QVERIFY(found);
    QCOMPARE(*found, c);
    QCOMPARE(m_centres->findByName(u"TESTZENTRUM   altstadt"_s).value_or(Centre{}).id, c.id);
    QCOMPARE(test::countRows(m_db->handle(), u"lanes"_s), 2);

    Centre second = test::sampleCentre(u"Testzentrum Neustadt"_s);
    QVERIFY(m_centres->save(second).ok());
    QVERIFY(second.id != c.id);
    QVERIFY(second.uuid != c.uuid);
    QCOMPARE(m_centres->list().size(), 2);
}

void TestCentreRepository::emptyOptionalTextIsStored() {
    // An empty CSV cell or form field arrives as a null QString; the NOT NULL columns get ''.
    Centre c = test::sampleCentre(u"Testzentrum Altstadt"_s);
    c.phone = QString();
    const StoreError error = m_centres->save(c);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QVERIFY(m_centres->find(c.id)->phone.isEmpty());

    OpeningHours hours = test::sampleHours(c.id);
    hours.closures[0].reason = QString();
    hours.specialDays[0].label = QString();
    const StoreError hoursError = m_hours->save(hours);
    QVERIFY2(hoursError.ok(), qPrintable(hoursError.message));
    QCOMPARE(m_hours->load(c.id).value, hours);
}

void TestCentreRepository::updateBumpsRevision() {
    Centre c = stored(u"Testzentrum Altstadt"_s);
    const QString uuid = c.uuid;
    c.street = u"Neumarkt 2"_s;
    c.lanes = 1; // lane 2 is switched off, never deleted: past slots may name it
    c.serviceCodes = {u"pcr"_s};
    QVERIFY(m_centres->save(c).ok());
    QCOMPARE(c.revision, 2);
    QCOMPARE(c.uuid, uuid);
    QCOMPARE(*m_centres->find(c.id), c);
    QCOMPARE(test::countRows(m_db->handle(), u"lanes"_s), 2);
    QCOMPARE(m_centres->find(c.id)->lanes, 1);
}

void TestCentreRepository::staleRevisionIsConflict() {
    const Centre original = stored(u"Testzentrum Altstadt"_s);
    Centre mine = original;
    Centre theirs = original;
    theirs.phone = u"0351 999999"_s;
    QVERIFY(m_centres->save(theirs).ok());

    mine.street = u"Neumarkt 2"_s;
    const StoreError error = m_centres->save(mine);
    QCOMPARE(kindName(error.kind), u"Conflict"_s);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(mine.revision, 1); // the caller's copy is untouched on failure
    QCOMPARE(*m_centres->find(original.id), theirs);
}

void TestCentreRepository::duplicateNameIsRefused_data() {
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("renameExisting");
    QTest::newRow("same name") << u"Testzentrum Altstadt"_s << false;
    QTest::newRow("case folded") << u"TESTZENTRUM ALTSTADT"_s << false;
    QTest::newRow("spaces folded") << u"  testzentrum    Altstadt  "_s << false;
    QTest::newRow("rename onto existing") << u"testzentrum altstadt"_s << true;
}

void TestCentreRepository::duplicateNameIsRefused() {
    QFETCH(QString, second);
    QFETCH(bool, renameExisting);
    stored(u"Testzentrum Altstadt"_s);
    Centre other = renameExisting ? stored(u"Testzentrum Neustadt"_s) : Centre{};
    const QStringList before = storedData(m_db->handle());

    Centre c = renameExisting ? other : test::sampleCentre(second);
    c.name = second;
    const StoreError error = m_centres->save(c);
    QVERIFY2(error.kind == StoreError::Kind::Validation || error.kind == StoreError::Kind::Conflict,
             qPrintable(kindName(error.kind)));
    QCOMPARE(fieldNames(error), QStringList{u"name"_s});
    QVERIFY(!error.fields.constFirst().message.isEmpty());
    QCOMPARE(storedData(m_db->handle()), before);
}

void TestCentreRepository::invalidCentreWritesNothing_data() {
    QTest::addColumn<CentreChange>("change");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty name") << CentreChange([](Centre &c) { c.name = u"   "_s; }) << u"name"_s;
    QTest::newRow("short postcode")
        << CentreChange([](Centre &c) { c.postcode = u"1067"_s; }) << u"postcode"_s;
    QTest::newRow("no service") << CentreChange([](Centre &c) { c.serviceCodes.clear(); })
                                << u"services"_s;
    QTest::newRow("unknown service")
        << CentreChange([](Centre &c) { c.serviceCodes = {u"flu"_s}; }) << u"services"_s;
    QTest::newRow("vaccine at a test centre")
        << CentreChange([](Centre &c) { c.serviceCodes = {u"vaccine_comirnaty"_s}; })
        << u"services"_s;
    QTest::newRow("no lanes") << CentreChange([](Centre &c) { c.lanes = 0; }) << u"lanes"_s;
    QTest::newRow("capacity 0") << CentreChange([](Centre &c) { c.capacityPerLane = 0; })
                                << u"capacityPerLane"_s;
    QTest::newRow("slot length 0")
        << CentreChange([](Centre &c) { c.slotMinutes = 0; }) << u"slotMinutes"_s;
    QTest::newRow("phone with letters")
        << CentreChange([](Centre &c) { c.phone = u"call me"_s; }) << u"phone"_s;
}

void TestCentreRepository::invalidCentreWritesNothing() {
    QFETCH(CentreChange, change);
    QFETCH(QString, field);

    // As a new centre: refused, nothing written, the caller's copy keeps id 0.
    Centre fresh = test::sampleCentre(u"Testzentrum Neu"_s);
    change(fresh);
    StoreError error = m_centres->save(fresh);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(fieldNames(error).contains(field), qPrintable(fieldNames(error).join(u',')));
    QCOMPARE(fresh.id, 0);
    QCOMPARE(test::countRows(m_db->handle(), u"centres"_s), 0);
    QCOMPARE(test::countRows(m_db->handle(), u"lanes"_s), 0);

    // As an edit of a stored centre: refused, the stored row stays as it was.
    const Centre original = stored(u"Testzentrum Altstadt"_s);
    const QStringList before = storedData(m_db->handle());
    Centre edited = original;
    change(edited);
    error = m_centres->save(edited);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QVERIFY(fieldNames(error).contains(field));
    QCOMPARE(storedData(m_db->handle()), before);
    QCOMPARE(*m_centres->find(original.id), original);
}

void TestCentreRepository::deactivateKeepsRowAndHistory() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    QVERIFY(m_hours->save(test::sampleHours(c.id)).ok());
    insertSlot(c.id);

    QVERIFY(m_centres->setActive(c.id, false).ok());
    const std::optional<Centre> found = m_centres->find(c.id);
    QVERIFY(found);
    QVERIFY(!found->active);
    QCOMPARE(found->revision, 2);
    QCOMPARE(found->name, c.name);
    QCOMPARE(m_centres->list().size(), 1); // inactive centres stay listed
    QCOMPARE(test::countRows(m_db->handle(), u"slots"_s), 1);
    QCOMPARE(m_hours->load(c.id).value, test::sampleHours(c.id));

    QVERIFY(m_centres->setActive(c.id, true).ok());
    QVERIFY(m_centres->find(c.id)->active);
    QCOMPARE(kindName(m_centres->setActive(c.id + 100, false).kind), u"NotFound"_s);
}

void TestCentreRepository::removeWithoutHistoryDeletes() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    QVERIFY(m_hours->save(test::sampleHours(c.id)).ok());
    const StoreError removed = m_centres->remove(c.id);
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QVERIFY(!m_centres->find(c.id));
    for (const QString &table : {u"centres"_s, u"centre_services"_s, u"lanes"_s, u"opening_rules"_s,
                                 u"closures"_s, u"special_days"_s})
        QCOMPARE(test::countRows(m_db->handle(), table), 0);
    QCOMPARE(kindName(m_centres->remove(c.id).kind), u"NotFound"_s);
}

void TestCentreRepository::removeRefusedWithHistory_data() {
    QTest::addColumn<QString>("history");
    QTest::newRow("slot") << u"slot"_s;
    QTest::newRow("booking") << u"booking"_s;
    QTest::newRow("walk-in check-in") << u"check-in"_s;
}

void TestCentreRepository::removeRefusedWithHistory() {
    QFETCH(QString, history);
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    QSqlQuery q(m_db->handle());
    if (history == u"check-in") {
        QVERIFY(q.exec(
            u"INSERT INTO check_ins (centre_id, kind, at) VALUES (%1, 'walk_in', 1)"_s.arg(c.id)));
    } else {
        insertSlot(c.id);
        if (history == u"booking")
            QVERIFY(q.exec(
                u"INSERT INTO bookings (code, slot_id, service_code, person_key, family_name, "
                "given_name, birth_date, created_at, updated_at) SELECT 'ABCD-1234', id, 'pcr', "
                "'k', 'Muster', 'Erika', '1964-08-12', 1, 1 FROM slots"_s));
    }
    const QStringList before = storedData(m_db->handle());

    const StoreError error = m_centres->remove(c.id);
    QCOMPARE(kindName(error.kind), u"Conflict"_s);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(m_centres->find(c.id));
    QCOMPARE(storedData(m_db->handle()), before);
}

void TestCentreRepository::saveAllOneBadItemWritesNothing() {
    const Centre existing = stored(u"Testzentrum Altstadt"_s);
    const QStringList before = storedData(m_db->handle());

    QList<Centre> batch = {test::sampleCentre(u"Testzentrum Neustadt"_s),
                           test::sampleCentre(u"testzentrum altstadt"_s),
                           test::sampleCentre(u"Impfzentrum Messe"_s), // bad: no vaccine
                           test::sampleCentre(u"Teststelle Süd"_s)};
    batch[1].lanes = 5;
    batch[2].kind = CentreKind::VaccinationCentre;
    const QList<Centre> given = batch;
    int progressCalls = 0;
    BatchOptions options;
    options.progress = [&](int, int) {
        ++progressCalls;
        return true;
    };
    BatchResult result;
    const StoreError error = m_centres->saveAll(batch, options, &result);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(fieldNames(error), QStringList{u"services"_s});
    QCOMPARE(result.failedItems, QList<int>{2});
    QCOMPARE(result.inserted + result.updated, 0);
    QCOMPARE(progressCalls, 0); // validated before anything is written
    QCOMPARE(batch, given);
    QCOMPARE(storedData(m_db->handle()), before);
    QCOMPARE(m_centres->find(existing.id)->lanes, existing.lanes);
}

void TestCentreRepository::saveAllDuplicateWithinBatch() {
    QList<Centre> batch = {
        test::sampleCentre(u"Testzentrum Altstadt"_s),
        test::sampleCentre(u"Impfzentrum Messe"_s, CentreKind::VaccinationCentre),
        test::sampleCentre(u"TESTZENTRUM  altstadt"_s)};
    BatchResult result;
    const StoreError error = m_centres->saveAll(batch, {}, &result);
    QCOMPARE(kindName(error.kind), u"Validation"_s);
    QCOMPARE(fieldNames(error), (QStringList{u"name"_s, u"name"_s}));
    QCOMPARE(result.failedItems, (QList<int>{0, 2}));
    QCOMPARE(test::countRows(m_db->handle(), u"centres"_s), 0);
}

void TestCentreRepository::saveAllAppliesEverything() {
    const Centre existing = stored(u"Testzentrum Altstadt"_s);
    QList<Centre> batch = {
        test::sampleCentre(u"Testzentrum Neustadt"_s),
        test::sampleCentre(u"testzentrum altstadt"_s),
        test::sampleCentre(u"Impfzentrum Messe"_s, CentreKind::VaccinationCentre)};
    batch[1].lanes = 5;
    QList<std::pair<int, int>> progress;
    BatchOptions options;
    options.progress = [&](int done, int total) {
        progress.append({done, total});
        return true;
    };
    BatchResult result;
    const StoreError error = m_centres->saveAll(batch, options, &result);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QCOMPARE(result.inserted, 2);
    QCOMPARE(result.updated, 1);
    QVERIFY(!result.cancelled);
    QCOMPARE(progress, (QList<std::pair<int, int>>{{1, 3}, {2, 3}, {3, 3}}));
    // Matched by name: the stored centre keeps its id and uuid and gets the next revision.
    QCOMPARE(batch.at(1).id, existing.id);
    QCOMPARE(batch.at(1).uuid, existing.uuid);
    QCOMPARE(batch.at(1).revision, 2);
    QCOMPARE(m_centres->find(existing.id)->lanes, 5);
    QCOMPARE(m_centres->find(existing.id)->name, u"testzentrum altstadt"_s);
    QCOMPARE(m_centres->list().size(), 3);
    for (const Centre &c : std::as_const(batch))
        QCOMPARE(*m_centres->find(c.id), c);
}

void TestCentreRepository::saveAllDryRunWritesNothing() {
    stored(u"Testzentrum Altstadt"_s);
    const QStringList before = storedData(m_db->handle());
    QList<Centre> batch = {test::sampleCentre(u"Testzentrum Neustadt"_s),
                           test::sampleCentre(u"Testzentrum Altstadt"_s)};
    const QList<Centre> given = batch;
    BatchOptions options;
    options.dryRun = true;
    BatchResult result;
    QVERIFY(m_centres->saveAll(batch, options, &result).ok());
    // The counts say what a real run would do.
    QCOMPARE(result.inserted, 1);
    QCOMPARE(result.updated, 1);
    QCOMPARE(batch, given);
    QCOMPARE(storedData(m_db->handle()), before);
}

void TestCentreRepository::saveAllCancelWritesNothing() {
    stored(u"Testzentrum Altstadt"_s);
    const QStringList before = storedData(m_db->handle());
    QList<Centre> batch;
    for (int i = 0; i < 5; ++i)
        batch.append(test::sampleCentre(u"Teststelle %1"_s.arg(i)));
    BatchOptions options;
    int calls = 0;
    options.progress = [&](int done, int) {
        ++calls;
        return done < 3; // the user presses Cancel while row 3 is written
    };
    BatchResult result;
    const StoreError error = m_centres->saveAll(batch, options, &result);
    QVERIFY(error.ok());
    QVERIFY(result.cancelled);
    QCOMPARE(calls, 3);
    QCOMPARE(result.inserted + result.updated, 0);
    QCOMPARE(storedData(m_db->handle()), before);
    QCOMPARE(batch.constFirst().id, 0);
}

QTEST_GUILESS_MAIN(TestCentreRepository)
#include "TestCentreRepository.moc"

#include "models/core/Clock.h"
#include "models/domain/ServiceCatalogue.h"
#include "models/store/CentreRepository.h"
#include "models/store/Database.h"
#include "models/store/OpeningHoursRepository.h"
#include "models/store/SqliteStatement.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>
#include <unistd.h>

using namespace slotdesk;
using namespace Qt::StringLiterals;

using CentreChange = std::function<void(Centre &)>;
Q_DECLARE_METATYPE(CentreChange)

namespace {

QStringList fieldNames(const StoreError &error) {
    QStringList names;
    for (const FieldError &f : error.fields)
        names.append(f.field);
    return names;
}

QString kindName(StoreError::Kind kind) {
    switch (kind) {
    case StoreError::Kind::None:
        return u"None"_s;
    case StoreError::Kind::Validation:
        return u"Validation"_s;
    case StoreError::Kind::Conflict:
        return u"Conflict"_s;
    case StoreError::Kind::NotFound:
        return u"NotFound"_s;
    case StoreError::Kind::Io:
        return u"Io"_s;
    case StoreError::Kind::Corrupt:
        return u"Corrupt"_s;
    }
    return {};
}

QString serviceKindColumn(ServiceKind kind) {
    switch (kind) {
    case ServiceKind::RapidAntigenTest:
        return u"rapid_antigen"_s;
    case ServiceKind::PcrTest:
        return u"pcr"_s;
    case ServiceKind::Vaccination:
        return u"vaccine"_s;
    }
    return {};
}

QString pragmaValue(const QSqlDatabase &db, const QString &pragma) {
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA "_s % pragma) || !q.next())
        return {};
    return q.value(0).toString();
}

// The rows the store owns, to show that a refused change left everything as it was.
QStringList storedData(const QSqlDatabase &db) {
    QStringList rows;
    for (const QString &table : {u"centres"_s, u"centre_services"_s, u"lanes"_s, u"opening_rules"_s,
                                 u"closures"_s, u"special_days"_s})
        rows += test::tableRows(db, table);
    return rows;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void openCreatesMigratedWalDatabase();
    void sqliteStatementSharesTheConnection();
    void bookingChecksStillRefuseUnknownValues();
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

    void openingHoursRoundTrip();
    void openingHoursSaveReplacesAllRows();
    void openingHoursBatchIsOneTransaction();
    void closureInThePastIsRefused();
    void storedPastClosureStaysValid();

    void fullDiskKeepsStoredData();
    void readOnlyDatabaseKeepsStoredData_data();
    void readOnlyDatabaseKeepsStoredData();
    void unusableFileIsCorruptAndUntouched_data();
    void unusableFileIsCorruptAndUntouched();
    void newerSchemaIsCorruptAndUntouched();
    void serviceCatalogueMatchesSeededRows();

private:
    Centre stored(const QString &name, CentreKind kind = CentreKind::TestCentre);
    void insertSlot(qint64 centreId);

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CentreRepository> m_centres;
    std::unique_ptr<OpeningHoursRepository> m_hours;
    int m_connection = 0;
};

void TestStore::init() {
    m_dir = std::make_unique<test::TempDir>();
    m_clock = std::make_unique<FixedClock>(test::storeTestNow());
    m_db = std::make_unique<Database>(u"store-test-%1"_s.arg(++m_connection));
    const StoreError error = m_db->open(m_dir->file(u"slotdesk.db"_s));
    QVERIFY2(error.ok(), qPrintable(error.message));
    m_centres = std::make_unique<CentreRepository>(*m_db, *m_clock);
    m_hours = std::make_unique<OpeningHoursRepository>(*m_db, *m_clock);
}

void TestStore::cleanup() {
    m_hours.reset();
    m_centres.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

Centre TestStore::stored(const QString &name, CentreKind kind) {
    Centre c = test::sampleCentre(name, kind);
    const StoreError error = m_centres->save(c);
    if (error)
        qWarning("cannot store %s: %s", qPrintable(name), qPrintable(error.message));
    return c;
}

void TestStore::insertSlot(qint64 centreId) {
    QSqlQuery q(m_db->handle());
    q.prepare(u"INSERT INTO slots (centre_id, service_code, starts_at, minutes, capacity) "
              "VALUES (?, 'pcr', ?, 15, 6)"_s);
    q.addBindValue(centreId);
    q.addBindValue(test::storeTestNow().addDays(7).toSecsSinceEpoch());
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

void TestStore::sqliteStatementSharesTheConnection() {
    // No handle for a connection that is not open.
    QVERIFY(!SqliteStatement::handleOf(QSqlDatabase()));
    sqlite3 *handle = SqliteStatement::handleOf(m_db->handle());
    QVERIFY(handle);

    // Text goes in as UTF-8 (a null string as '' for the NOT NULL columns) and is seen by
    // Qt Sql on the same connection, inside the same transaction.
    QVERIFY(m_db->handle().transaction());
    SqliteStatement insert;
    QVERIFY(insert.prepare(handle, "INSERT INTO staff_users (login, display_name, role, "
                                   "password_hash, created_at, updated_at) "
                                   "VALUES (?, ?, 'desk', 'x', ?, ?)"));
    insert.bind(1, u"jürgen"_s);
    insert.bind(2, QString());
    insert.bind(3, qint64(1));
    insert.bind(4, qint64(2));
    QVERIFY(insert.step());
    QCOMPARE(insert.changes(), 1);
    const qint64 id = insert.lastInsertId();
    QSqlQuery read(m_db->handle());
    QVERIFY(read.exec(u"SELECT login, display_name FROM staff_users WHERE id = %1"_s.arg(id)));
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), u"jürgen"_s);
    QCOMPARE(read.value(1).toString(), QString(u""_s));
    QVERIFY(!read.value(1).isNull());
    read.finish();

    // The same statement again: a unique conflict fails with SQLite's own message.
    QVERIFY(insert.prepare(handle, "unused: already prepared"));
    insert.bind(1, u"jürgen"_s);
    insert.bind(2, u"Zweiter"_s);
    insert.bind(3, qint64(1));
    insert.bind(4, qint64(2));
    QVERIFY(!insert.step());
    QVERIFY2(insert.errorText().contains(u"staff_users.login"), qPrintable(insert.errorText()));
    QVERIFY(m_db->handle().rollback());
    QCOMPARE(test::countRows(m_db->handle(), u"staff_users"_s), 0);

    SqliteStatement broken;
    QVERIFY(!broken.prepare(handle, "SELECT * FROM no_such_table"));
    QVERIFY(!broken.step());
}

void TestStore::bookingChecksStillRefuseUnknownValues() {
    // Migration 5 rewrote the bookings CHECKs without IN lists; the rules are the same.
    const Centre centre = stored(u"Prüfzentrum"_s);
    insertSlot(centre.id);
    const auto insertBooking = [this](const QString &state, const QString &channel) {
        QSqlQuery q(m_db->handle());
        q.prepare(
            u"INSERT INTO bookings (code, slot_id, service_code, person_key, family_name, "
            "given_name, birth_date, state, channel, created_at, updated_at) VALUES "
            "(?, (SELECT max(id) FROM slots), 'pcr', ?, 'A', 'B', '1980-01-01', ?, ?, 1, 1)"_s);
        q.addBindValue(u"C-%1-%2"_s.arg(state, channel));
        q.addBindValue(u"p-%1-%2"_s.arg(state, channel));
        q.addBindValue(state);
        q.addBindValue(channel);
        return q.exec();
    };
    for (const QString &state : {u"confirmed"_s, u"cancelled"_s, u"checked_in"_s, u"no_show"_s})
        QVERIFY2(insertBooking(state, u"online"_s), qPrintable(state));
    for (const QString &channel : {u"hotline"_s, u"walk_in"_s})
        QVERIFY2(insertBooking(u"cancelled"_s, channel), qPrintable(channel));
    QVERIFY(!insertBooking(u"pending"_s, u"online"_s));
    QVERIFY(!insertBooking(u"confirmed"_s, u"fax"_s));
    QVERIFY(!insertBooking(u"Confirmed"_s, u"online"_s));
    QCOMPARE(test::countRows(m_db->handle(), u"bookings"_s), 6);
}

void TestStore::openCreatesMigratedWalDatabase() {
    // A path in a folder that does not exist yet: the first start creates both.
    const QString path = m_dir->file(u"new/folder/slotdesk.db"_s);
    Database db(u"store-test-fresh"_s);
    const StoreError error = db.open(path);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QVERIFY(QFile::exists(path));
    QVERIFY(db.isOpen());
    QCOMPARE(pragmaValue(db.handle(), u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragmaValue(db.handle(), u"foreign_keys"_s), u"1"_s);
    QCOMPARE(pragmaValue(db.handle(), u"synchronous"_s), u"2"_s); // FULL for the console
    QVERIFY(Database::latestSchemaVersion() >= 4);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    // One row per applied migration, in order.
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(u"SELECT version FROM schema_version ORDER BY version"_s));
    int expected = 0;
    while (q.next())
        QCOMPARE(q.value(0).toInt(), ++expected);
    QCOMPARE(expected, Database::latestSchemaVersion());
    q.finish();

    // Opening again migrates nothing and keeps the version.
    db.close();
    QVERIFY(!db.isOpen());
    QVERIFY(db.open(path, Database::Synchronous::Normal).ok());
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(test::countRows(db.handle(), u"schema_version"_s), Database::latestSchemaVersion());
    QCOMPARE(pragmaValue(db.handle(), u"synchronous"_s), u"1"_s);
}

void TestStore::insertAssignsIdUuidAndFirstRevision() {
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

void TestStore::emptyOptionalTextIsStored() {
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

void TestStore::updateBumpsRevision() {
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

void TestStore::staleRevisionIsConflict() {
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

void TestStore::duplicateNameIsRefused_data() {
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("renameExisting");
    QTest::newRow("same name") << u"Testzentrum Altstadt"_s << false;
    QTest::newRow("case folded") << u"TESTZENTRUM ALTSTADT"_s << false;
    QTest::newRow("spaces folded") << u"  testzentrum    Altstadt  "_s << false;
    QTest::newRow("rename onto existing") << u"testzentrum altstadt"_s << true;
}

void TestStore::duplicateNameIsRefused() {
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

void TestStore::invalidCentreWritesNothing_data() {
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

void TestStore::invalidCentreWritesNothing() {
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

void TestStore::deactivateKeepsRowAndHistory() {
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

void TestStore::removeWithoutHistoryDeletes() {
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

void TestStore::removeRefusedWithHistory_data() {
    QTest::addColumn<QString>("history");
    QTest::newRow("slot") << u"slot"_s;
    QTest::newRow("booking") << u"booking"_s;
    QTest::newRow("walk-in check-in") << u"check-in"_s;
}

void TestStore::removeRefusedWithHistory() {
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

void TestStore::saveAllOneBadItemWritesNothing() {
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

void TestStore::saveAllDuplicateWithinBatch() {
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

void TestStore::saveAllAppliesEverything() {
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

void TestStore::saveAllDryRunWritesNothing() {
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

void TestStore::saveAllCancelWritesNothing() {
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

void TestStore::openingHoursRoundTrip() {
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

void TestStore::openingHoursSaveReplacesAllRows() {
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

void TestStore::openingHoursBatchIsOneTransaction() {
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

void TestStore::closureInThePastIsRefused() {
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

void TestStore::storedPastClosureStaysValid() {
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

void TestStore::fullDiskKeepsStoredData() {
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    QVERIFY(m_hours->save(test::sampleHours(c.id)).ok());
    const QStringList before = storedData(m_db->handle());

    // SQLite refuses to grow the file beyond max_page_count with SQLITE_FULL, exactly as when
    // the disk has no space left.
    const QString pages = pragmaValue(m_db->handle(), u"page_count"_s);
    QVERIFY(pages.toInt() > 0);
    QCOMPARE(pragmaValue(m_db->handle(), u"max_page_count = "_s % pages), pages);

    QList<Centre> batch;
    for (int i = 0; i < 300; ++i) {
        batch.append(test::sampleCentre(u"Teststelle %1"_s.arg(i)));
        batch.last().street = u"Lange Straße mit sehr vielen Hausnummern %1"_s.arg(i);
    }
    BatchResult result;
    StoreError error = m_centres->saveAll(batch, {}, &result);
    QCOMPARE(kindName(error.kind), u"Io"_s);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(result.inserted + result.updated, 0);
    QCOMPARE(batch.constFirst().id, 0);
    QCOMPARE(storedData(m_db->handle()), before);

    OpeningHours many = test::sampleHours(c.id);
    for (int day = 0; day < 300; ++day)
        many.specialDays.append({QDate(2027, 1, 4).addDays(day),
                                 u"Sondertag %1"_s.arg(day),
                                 {{8 * 60, 9 * 60}, {10 * 60, 11 * 60}, {12 * 60, 13 * 60}}});
    error = m_hours->save(many);
    QCOMPARE(kindName(error.kind), u"Io"_s);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(storedData(m_db->handle()), before);

    // Once space is free again the same connection saves normally.
    pragmaValue(m_db->handle(), u"max_page_count = 1000000"_s);
    QVERIFY(m_centres->saveAll(batch, {}, &result).ok());
    QCOMPARE(result.inserted, 300);
}

void TestStore::readOnlyDatabaseKeepsStoredData_data() {
    QTest::addColumn<bool>("fileMode");
    QTest::newRow("read-only connection") << false;
    QTest::newRow("file mode 0444") << true;
}

void TestStore::readOnlyDatabaseKeepsStoredData() {
    QFETCH(bool, fileMode);
    const Centre c = stored(u"Testzentrum Altstadt"_s);
    const QStringList before = storedData(m_db->handle());
    Centre edited = c;
    edited.phone = u"0351 999999"_s;

    if (fileMode) {
        if (::geteuid() == 0)
            QSKIP("root ignores file permissions; the read-only connection row covers it");
        m_db->close();
        const QString path = m_dir->file(u"slotdesk.db"_s);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        const StoreError openError = m_db->open(path);
        // Either the open already says so or the first write does; both are Io with a message.
        if (openError) {
            QCOMPARE(kindName(openError.kind), u"Io"_s);
            QVERIFY(!openError.message.isEmpty());
        } else {
            const StoreError error = m_centres->save(edited);
            QCOMPARE(kindName(error.kind), u"Io"_s);
            QVERIFY(!error.message.isEmpty());
            m_db->close();
        }
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(m_db->open(path).ok());
    } else {
        QCOMPARE(pragmaValue(m_db->handle(), u"query_only = 1"_s), QString());
        const StoreError error = m_centres->save(edited);
        QCOMPARE(kindName(error.kind), u"Io"_s);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(kindName(m_hours->save(test::sampleHours(c.id)).kind), u"Io"_s);
        pragmaValue(m_db->handle(), u"query_only = 0"_s);
    }
    QCOMPARE(storedData(m_db->handle()), before);
    QVERIFY(m_centres->save(edited).ok());
}

void TestStore::unusableFileIsCorruptAndUntouched_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("setup");
    QTest::newRow("text file") << QByteArray("name;street\nTestzentrum;Weg 1\n") << QString();
    QByteArray damaged = QByteArrayLiteral("SQLite format 3\0");
    damaged += QByteArray(4096 - damaged.size(), '\xab');
    QTest::newRow("damaged SQLite file") << damaged << QString();
    QTest::newRow("database of another program")
        << QByteArray() << u"CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)"_s;
}

void TestStore::unusableFileIsCorruptAndUntouched() {
    QFETCH(QByteArray, content);
    QFETCH(QString, setup);
    const QString path = m_dir->file(u"other.db"_s);
    if (!setup.isEmpty()) {
        test::RawConnection raw(path);
        QVERIFY(raw.exec(setup));
        QVERIFY(raw.exec(u"INSERT INTO contacts (name) VALUES ('Erika')"_s));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray bytes = test::fileBytes(path);
    QVERIFY(!bytes.isEmpty());

    Database db(u"store-test-unusable"_s);
    const StoreError error = db.open(path);
    QCOMPARE(kindName(error.kind), u"Corrupt"_s);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!db.isOpen());
    QCOMPARE(test::fileBytes(path), bytes);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestStore::newerSchemaIsCorruptAndUntouched() {
    // A database written by a later Slotdesk: the data must survive a downgrade attempt.
    const QString path = m_dir->file(u"future.db"_s);
    const int future = Database::latestSchemaVersion() + 1;
    {
        test::RawConnection raw(path);
        QVERIFY(raw.exec(u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT "
                         "NULL, applied_at INTEGER NOT NULL)"_s));
        QVERIFY(raw.exec(u"INSERT INTO schema_version VALUES (%1, 'future', 1)"_s.arg(future)));
        QVERIFY(raw.exec(u"CREATE TABLE centres (id INTEGER PRIMARY KEY, name TEXT)"_s));
        QVERIFY(raw.exec(u"INSERT INTO centres (name) VALUES ('Testzentrum Altstadt')"_s));
    }
    const QByteArray bytes = test::fileBytes(path);

    Database db(u"store-test-future"_s);
    const StoreError error = db.open(path);
    QCOMPARE(kindName(error.kind), u"Corrupt"_s);
    QVERIFY2(error.message.contains(QString::number(future)), qPrintable(error.message));
    QVERIFY(!db.isOpen());
    QCOMPARE(test::fileBytes(path), bytes);

    test::RawConnection raw(path);
    QCOMPARE(Database::schemaVersion(raw.db()), future);
}

void TestStore::serviceCatalogueMatchesSeededRows() {
    QStringList seeded = test::tableRows(m_db->handle(), u"services"_s,
                                         {u"code"_s, u"kind"_s, u"product"_s, u"doses"_s,
                                          u"interval_min_days"_s, u"interval_max_days"_s});
    QStringList catalogue;
    for (const ServiceType &s : serviceCatalogue()) {
        catalogue.append(u"code=%1|kind=%2|product=%3|doses=%4|interval_min_days=%5|"
                         "interval_max_days=%6"_s.arg(s.code, serviceKindColumn(s.kind), s.product)
                             .arg(s.doses)
                             .arg(s.intervalMinDays)
                             .arg(s.intervalMaxDays));
        QCOMPARE(findService(s.code), &s);
    }
    seeded.sort();
    catalogue.sort();
    QCOMPARE(catalogue, seeded);
    QVERIFY(!findService(u"flu"_s));
}

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"

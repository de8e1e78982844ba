// Database: opening, migrating and failing safely (full disk, read-only, corrupt, newer schema).
#include "tests/unit/StoreSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;
using namespace Qt::StringLiterals;

class TestDatabase : public StoreSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { open(); }
    void cleanup() { close(); }

    void openCreatesMigratedWalDatabase();
    void sqliteStatementSharesTheConnection();
    void bookingChecksStillRefuseUnknownValues();
    void fullDiskKeepsStoredData();
    void readOnlyDatabaseKeepsStoredData_data();
    void readOnlyDatabaseKeepsStoredData();
    void unusableFileIsCorruptAndUntouched_data();
    void unusableFileIsCorruptAndUntouched();
    void newerSchemaIsCorruptAndUntouched();
    void serviceCatalogueMatchesSeededRows();
};

void TestDatabase::openCreatesMigratedWalDatabase() {
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

void TestDatabase::sqliteStatementSharesTheConnection() {
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

void TestDatabase::bookingChecksStillRefuseUnknownValues() {
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

void TestDatabase::fullDiskKeepsStoredData() {
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

void TestDatabase::readOnlyDatabaseKeepsStoredData_data() {
    QTest::addColumn<bool>("fileMode");
    QTest::newRow("read-only connection") << false;
    QTest::newRow("file mode 0444") << true;
}

void TestDatabase::readOnlyDatabaseKeepsStoredData() {
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

void TestDatabase::unusableFileIsCorruptAndUntouched_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("setup");
    QTest::newRow("text file") << QByteArray("name;street\nTestzentrum;Weg 1\n") << QString();
    QByteArray damaged = QByteArrayLiteral("SQLite format 3\0");
    damaged += QByteArray(4096 - damaged.size(), '\xab');
    QTest::newRow("damaged SQLite file") << damaged << QString();
    QTest::newRow("database of another program")
        << QByteArray() << u"CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)"_s;
}

void TestDatabase::unusableFileIsCorruptAndUntouched() {
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

void TestDatabase::newerSchemaIsCorruptAndUntouched() {
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

void TestDatabase::serviceCatalogueMatchesSeededRows() {
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

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"

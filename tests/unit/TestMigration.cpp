#include "models/store/Database.h"
#include "models/store/SqlSupport.h"
#include "resources/ResourcePaths.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

QString fixturePath(int version) {
    return test::dataPath(u"migrations/slotdesk-v%1.sqlite"_s.arg(version));
}

// Every row of every table, keyed by table, with the columns the table has in that file.
struct Snapshot {
    int version = -1;
    QStringList schema;
    QHash<QString, QStringList> columns;
    QHash<QString, QStringList> rows;
};

Snapshot snapshot(const QString &path) {
    test::RawConnection raw(path);
    Snapshot s;
    s.version = Database::schemaVersion(raw.db());
    s.schema = test::schemaDump(raw.db());
    for (const QString &table : test::tableNames(raw.db())) {
        s.columns.insert(table, test::columnNames(raw.db(), table));
        s.rows.insert(table, test::tableRows(raw.db(), table));
    }
    return s;
}

QStringList pragmaRows(QSqlDatabase db, const QString &pragma) {
    QSqlQuery q(db);
    q.exec(u"PRAGMA "_s % pragma);
    QStringList rows;
    while (q.next())
        rows.append(q.value(0).toString());
    return rows;
}

} // namespace

class TestMigration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyEarlierVersionHasAFixture();
    void fixtureMigratesToLatest_data();
    void fixtureMigratesToLatest();
    void failedMigrationLeavesFileUnchanged_data();
    void failedMigrationLeavesFileUnchanged();
    void migrateStopsAtTarget();
    void fillScriptsApplyToTheirVersion();

private:
    QString copyFixture(int version, const test::TempDir &dir);

    QStringList m_freshSchema;
    QStringList m_tablesOfLatestMigration;
};

QString TestMigration::copyFixture(int version, const test::TempDir &dir) {
    const QString copy = dir.file(u"slotdesk.db"_s);
    if (!QFile::copy(fixturePath(version), copy))
        qWarning("cannot copy %s", qPrintable(fixturePath(version)));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return copy;
}

void TestMigration::initTestCase() {
    test::TempDir dir;
    {
        Database fresh(u"migration-test-fresh"_s);
        const StoreError error = fresh.open(dir.file(u"fresh.db"_s));
        QVERIFY2(error.ok(), qPrintable(error.message));
        m_freshSchema = test::schemaDump(fresh.handle());
        QVERIFY(!m_freshSchema.isEmpty());
    }
    // The tables the newest migration's script creates (a rebuild creates one under a new
    // name and renames it): the conflicting object below names one, so every earlier pending
    // migration has run (and must be undone) before the failure.
    const int previous = Database::latestSchemaVersion() - 1;
    QVERIFY(QFile::exists(fixturePath(previous)));
    const QStringList scripts =
        QDir(migrationsResourceDir())
            .entryList({u"%1_*.sql"_s.arg(Database::latestSchemaVersion(), 4, 10, QChar(u'0'))});
    QCOMPARE(scripts.size(), 1);
    QFile script(QDir(migrationsResourceDir()).filePath(scripts.constFirst()));
    QVERIFY(script.open(QIODevice::ReadOnly));
    static const QRegularExpression createTable(u"CREATE TABLE (\\w+)"_s);
    for (const QRegularExpressionMatch &match :
         createTable.globalMatch(QString::fromUtf8(script.readAll())))
        m_tablesOfLatestMigration.append(match.captured(1));
    QVERIFY(!m_tablesOfLatestMigration.isEmpty());
}

void TestMigration::everyEarlierVersionHasAFixture() {
    // A new migration needs a fixture of the version before it (see the README there).
    for (int version = 1; version < Database::latestSchemaVersion(); ++version)
        QVERIFY2(QFile::exists(fixturePath(version)), qPrintable(fixturePath(version)));
}

void TestMigration::fixtureMigratesToLatest_data() {
    QTest::addColumn<int>("version");
    for (int version = 1; version < Database::latestSchemaVersion(); ++version)
        QTest::addRow("v%d", version) << version;
}

void TestMigration::fixtureMigratesToLatest() {
    QFETCH(int, version);
    test::TempDir dir;
    const QString path = copyFixture(version, dir);
    const Snapshot before = snapshot(path);
    QCOMPARE(before.version, version);
    // A fixture proves little with empty tables: each one holds rows.
    for (auto it = before.rows.cbegin(); it != before.rows.cend(); ++it)
        QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));

    Database db(u"migration-test"_s);
    const StoreError error = db.open(path);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(pragmaRows(db.handle(), u"integrity_check"_s), QStringList{u"ok"_s});
    QCOMPARE(pragmaRows(db.handle(), u"foreign_key_check"_s), QStringList());

    // Every original row with its original values; columns added later are not compared.
    for (auto it = before.rows.cbegin(); it != before.rows.cend(); ++it) {
        QStringList after = test::tableRows(db.handle(), it.key(), before.columns.value(it.key()));
        if (it.key() == u"schema_version")
            after = after.mid(0, version); // the rows of the new versions come on top
        QCOMPARE(after, it.value());
    }
    QCOMPARE(test::countRows(db.handle(), u"schema_version"_s), Database::latestSchemaVersion());
    QCOMPARE(test::schemaDump(db.handle()), m_freshSchema);
}

void TestMigration::failedMigrationLeavesFileUnchanged_data() {
    fixtureMigratesToLatest_data();
}

void TestMigration::failedMigrationLeavesFileUnchanged() {
    QFETCH(int, version);
    test::TempDir dir;
    const QString path = copyFixture(version, dir);
    {
        // Something (another tool, a half-restored backup) already created a table that the
        // newest migration wants to create.
        test::RawConnection raw(path);
        QVERIFY(raw.exec(
            u"CREATE TABLE \"%1\" (note TEXT)"_s.arg(m_tablesOfLatestMigration.constFirst())));
        QVERIFY(raw.exec(u"INSERT INTO \"%1\" VALUES ('keep me')"_s.arg(
            m_tablesOfLatestMigration.constFirst())));
    }
    const Snapshot before = snapshot(path);

    Database db(u"migration-test-failing"_s);
    const StoreError error = db.open(path);
    QVERIFY(!error.ok());
    QVERIFY(!db.isOpen());
    QVERIFY2(error.message.contains(QString::number(version)), qPrintable(error.message));

    const Snapshot after = snapshot(path);
    QCOMPARE(after.version, version);
    QCOMPARE(after.schema, before.schema);
    QCOMPARE(after.rows, before.rows);
}

void TestMigration::migrateStopsAtTarget() {
    // The generator builds fixtures with migrate(db, v); it must stop exactly there.
    test::TempDir dir;
    test::RawConnection raw(dir.file(u"partial.db"_s));
    QCOMPARE(Database::schemaVersion(raw.db()), 0);
    QVERIFY(Database::migrate(raw.db(), 1).ok());
    QCOMPARE(Database::schemaVersion(raw.db()), 1);
    QVERIFY(!test::tableNames(raw.db()).contains(u"bookings"_s));
    QVERIFY(Database::migrate(raw.db(), Database::latestSchemaVersion()).ok());
    QCOMPARE(Database::schemaVersion(raw.db()), Database::latestSchemaVersion());
    QCOMPARE(test::schemaDump(raw.db()), m_freshSchema);
}

void TestMigration::fillScriptsApplyToTheirVersion() {
    // The rows of the latest version are ready for the fixture the next migration will need
    // (tests/data/migrations/README.md): every fill-vN.sql applies on top of version N.
    test::TempDir dir;
    test::RawConnection raw(dir.file(u"filled.db"_s));
    QVERIFY(raw.exec(u"PRAGMA foreign_keys = ON"_s));
    for (int version = 1; version <= Database::latestSchemaVersion(); ++version) {
        QVERIFY(Database::migrate(raw.db(), version).ok());
        const QString name = u"migrations/fill-v%1.sql"_s.arg(version);
        const QByteArray script = test::readData(name);
        QVERIFY2(!script.isEmpty(), qPrintable(name));
        for (const QString &statement : sql::splitStatements(QString::fromUtf8(script)))
            QVERIFY2(raw.exec(statement), qPrintable(name));
    }
    QSqlQuery check(raw.db());
    QVERIFY(check.exec(u"PRAGMA foreign_key_check"_s));
    QVERIFY(!check.next());
    for (const QString &table : test::tableNames(raw.db()))
        QVERIFY2(test::countRows(raw.db(), table) > 0, qPrintable(table));
}

QTEST_GUILESS_MAIN(TestMigration)
#include "TestMigration.moc"

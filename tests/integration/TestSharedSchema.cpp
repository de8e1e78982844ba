// The console and the booking service migrate one schema with one version history, so a
// database written by either is opened by the other (a desk can take over a service file for
// offline work, and backups restore into either).
#include "models/store/Database.h"
#include "service/ServiceDatabase.h"
#include "tests/support/TestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;

class TestSharedSchema : public QObject {
    Q_OBJECT

private:
    static int versionRows(const QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM schema_version")) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void serviceFileOpensInTheConsoleStore() {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("service.db"));
        {
            QSqlDatabase db;
            const StoreError e = openServiceDatabase(path, false, QStringLiteral("svc"), &db);
            QVERIFY2(e.ok(), qPrintable(e.message));
            QCOMPARE(Database::schemaVersion(db), Database::latestSchemaVersion());
            QCOMPARE(versionRows(db), Database::latestSchemaVersion());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("svc"));

        Database console(QStringLiteral("console"));
        const StoreError e = console.open(path);
        QVERIFY2(e.ok(), qPrintable(e.message));
        QCOMPARE(console.schemaVersion(), Database::latestSchemaVersion());
    }

    void consoleFileOpensInTheService() {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("console.sqlite"));
        {
            Database console(QStringLiteral("console"));
            QVERIFY(console.open(path).ok());
        }
        QSqlDatabase db;
        const StoreError e = openServiceDatabase(path, true, QStringLiteral("svc"), &db);
        QVERIFY2(e.ok(), qPrintable(e.message));
        // Opening again migrates nothing: the history is not written twice.
        QCOMPARE(versionRows(db), Database::latestSchemaVersion());
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("svc"));
    }
};

QTEST_GUILESS_MAIN(TestSharedSchema)
#include "TestSharedSchema.moc"

// The WAL write buffer (models/store/WalWriteBuffer.h) on real SQLite files: a commit is in the
// WAL file and visible to other connections when it returns, large and FULL-synced
// transactions work, and a write that fails (the file size limit standing in for a full disk)
// fails the commit and leaves the database as it was.
#include "models/store/WalWriteBuffer.h"
#include "tests/support/TestSupport.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

QSqlDatabase open(const QString &path, const QString &name, const QString &synchronous) {
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    if (!db.open())
        return db;
    QSqlQuery q(db);
    q.exec(u"PRAGMA journal_mode = WAL"_s);
    q.exec(u"PRAGMA synchronous = "_s + synchronous);
    q.exec(u"PRAGMA wal_autocheckpoint = 0"_s);
    q.exec(u"CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"_s);
    return db;
}

qint64 count(const QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(u"SELECT count(*) FROM t"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

bool insertRows(QSqlDatabase &db, int rows, int bytes) {
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO t (v) VALUES (?)"_s);
    for (int i = 0; i < rows; ++i) {
        q.addBindValue(QString(bytes, QChar(u'a' + i % 26)));
        if (!q.exec())
            return false;
    }
    return db.commit();
}

} // namespace

class TestWalWriteBuffer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(installWalWriteBuffer()); }

    void commitIsInTheFileAndVisible_data() {
        QTest::addColumn<QString>("synchronous");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("bytes");
        QTest::newRow("NORMAL, one small row") << u"NORMAL"_s << 1 << 10;
        QTest::newRow("NORMAL, 4 MB spread over pages (several flushes)")
            << u"NORMAL"_s << 2000 << 2000;
        QTest::newRow("FULL, 100 rows") << u"FULL"_s << 100 << 300;
    }
    void commitIsInTheFileAndVisible() {
        QFETCH(QString, synchronous);
        QFETCH(int, rows);
        QFETCH(int, bytes);
        test::TempDir dir;
        const QString path = dir.file(u"w.db"_s);
        {
            QSqlDatabase writer = open(path, u"writer"_s, synchronous);
            QSqlDatabase reader = open(path, u"reader"_s, synchronous);
            QVERIFY(writer.isOpen() && reader.isOpen());
            for (int round = 1; round <= 3; ++round) {
                QVERIFY2(insertRows(writer, rows, bytes), qPrintable(writer.lastError().text()));
                // Committed means: another connection sees it at once, and the WAL file on
                // disk holds at least the pages of the rows (nothing left in a buffer).
                QCOMPARE(count(reader), qint64(rows) * round);
                QVERIFY(QFileInfo(path + u"-wal"_s).size() >= qint64(rows) * round * bytes / 2);
            }
            QSqlQuery check(reader);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(u"writer"_s);
        QSqlDatabase::removeDatabase(u"reader"_s);
        // And after the connections closed, a new one (recovering from the WAL) sees it all.
        {
            QSqlDatabase again = open(path, u"again"_s, synchronous);
            QCOMPARE(count(again), qint64(rows) * 3);
        }
        QSqlDatabase::removeDatabase(u"again"_s);
    }

    void failedWriteFailsTheCommit() {
        test::TempDir dir;
        const QString path = dir.file(u"full.db"_s);
        {
            QSqlDatabase db = open(path, u"full"_s, u"NORMAL"_s);
            QVERIFY(insertRows(db, 10, 100));
            const qint64 walSize = QFileInfo(path + u"-wal"_s).size();
            QVERIFY(walSize > 0);

            // Files may not grow past what the WAL has now: the next commit's write fails
            // as on a full disk (EFBIG instead of ENOSPC; the signal is ignored).
            const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit previous{};
            QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
            rlimit limited = previous;
            limited.rlim_cur = rlim_t(walSize + 4096);
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
            const bool committed = insertRows(db, 200, 1000);
            const QString error = db.lastError().text();
            db.rollback();
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &previous), 0);
            std::signal(SIGXFSZ, previousHandler);

            QVERIFY2(!committed, "a commit whose frames could not be written must fail");
            QVERIFY2(!error.isEmpty(), "the failure has SQLite's message");
            QCOMPARE(count(db), qint64(10));
            // The connection goes on working once writes succeed again.
            QVERIFY(insertRows(db, 5, 100));
            QCOMPARE(count(db), qint64(15));
        }
        QSqlDatabase::removeDatabase(u"full"_s);
        {
            QSqlDatabase again = open(path, u"full-again"_s, u"NORMAL"_s);
            QCOMPARE(count(again), qint64(15));
            QSqlQuery check(again);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(u"full-again"_s);
    }
};

QTEST_GUILESS_MAIN(TestWalWriteBuffer)
#include "TestWalWriteBuffer.moc"

#include "models/booking/EventLog.h"
#include "tests/support/TestSupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;

// The events table exactly as migration 0002 creates it; the event log needs nothing else.
// Each EventLog is destroyed before removeDatabase() closes its connection: its statements
// belong to the connection (see EventLog.h).
class TestEventLog : public QObject {
    Q_OBJECT

private:
    QSqlDatabase openDb(const QString &path) {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
        db.setDatabaseName(path);
        if (!db.open())
            return db;
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY "
                                          "KEY, at INTEGER NOT NULL, type TEXT NOT NULL, payload "
                                          "TEXT NOT NULL)"));
        return db;
    }

private Q_SLOTS:
    void appendAssignsConsecutiveSeqs() {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("e.sqlite"));
        {
            QSqlDatabase db = openDb(path);
            EventLog log(db);
            QCOMPARE(log.lastSeq(), 0);
            QVERIFY(db.transaction());
            const Event a =
                log.append(QStringLiteral("booking.confirmed"),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("X")}}, 100);
            const Event b = log.append(QStringLiteral("checkin.arrival"), QJsonObject(), 101);
            QVERIFY(db.commit());
            QCOMPARE(a.seq, 1);
            QCOMPARE(b.seq, 2);

            const QList<Event> all = log.readAfter(0, 10);
            QCOMPARE(all.size(), 2);
            QCOMPARE(all[0].type, QStringLiteral("booking.confirmed"));
            // The payload comes back as the stored JSON text, byte for byte.
            QCOMPARE(all[0].payload, QByteArrayLiteral("{\"code\":\"X\"}"));
            QCOMPARE(all[1].payload, QByteArrayLiteral("{}"));
            QCOMPARE(all[1].at, 101);
            QCOMPARE(log.readAfter(1, 10).size(), 1);
            QCOMPARE(log.readAfter(0, 1).size(), 1);
            QCOMPARE(log.readAfter(2, 10).size(), 0);
        }
        QSqlDatabase::removeDatabase(path);
        // A new log on the same file continues after the stored maximum.
        {
            QSqlDatabase db = openDb(path);
            EventLog log(db);
            QCOMPARE(log.lastSeq(), 2);
            QCOMPARE(log.append(QStringLiteral("x"), QJsonObject(), 1).seq, 3);
        }
        QSqlDatabase::removeDatabase(path);
    }

    void rollbackLeavesNoGap() {
        test::TempDir dir;
        const QString path = dir.file(QStringLiteral("r.sqlite"));
        {
            QSqlDatabase db = openDb(path);
            EventLog log(db);
            QVERIFY(db.transaction());
            QCOMPARE(log.append(QStringLiteral("a"), QJsonObject(), 1).seq, 1);
            QVERIFY(db.rollback());
            log.rollbackTo(0);
            QVERIFY(db.transaction());
            QCOMPARE(log.append(QStringLiteral("b"), QJsonObject(), 2).seq, 1);
            QVERIFY(db.commit());
            const QList<Event> all = log.readAfter(0, 10);
            QCOMPARE(all.size(), 1);
            QCOMPARE(all[0].type, QStringLiteral("b"));
            // A failing insert (duplicate seq forced by a wrong rollbackTo) reports seq 0.
            log.rollbackTo(0);
            QCOMPARE(log.append(QStringLiteral("c"), QJsonObject(), 3).seq, 0);
        }
        QSqlDatabase::removeDatabase(path);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "TestEventLog.moc"

#include "models/core/Clock.h"
#include "service/SlotdeskService.h"
#include "service/booking/BookingEngine.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

// Kills the real slotdesk-service binary with SIGKILL in the middle of a booking load and checks
// that every booking the clients saw confirmed (2xx) is there after a restart, and that slot
// counters agree with the booking rows.
class TestCrash : public QObject {
    Q_OBJECT

    struct Worker {
        std::unique_ptr<TestHttpClient> client;
        int sequence = 0;
    };

    TempDir m_dir;
    QString m_db;
    QString m_key;
    QList<qint64> m_slots;
    QStringList m_confirmed;
    int m_inFlight = 0;
    bool m_stopping = false;

    static quint16 startService(QProcess &process, const QString &db, const QString &key) {
        process.setProgram(QStringLiteral(SLOTDESK_SERVICE_BINARY));
        process.setArguments({QStringLiteral("--port"), QStringLiteral("0"),
                              QStringLiteral("--database"), db, QStringLiteral("--key-file"), key,
                              QStringLiteral("--lookup-burst"), QStringLiteral("100000"),
                              QStringLiteral("--holds-per-client"), QStringLiteral("0")});
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        return startServiceProcess(process);
    }

    void step(Worker &worker, int index) {
        if (m_stopping)
            return;
        const qint64 slot = m_slots.at((index + worker.sequence) % m_slots.size());
        ++m_inFlight;
        QNetworkReply *hold = worker.client->start(
            "POST", QStringLiteral("/api/v1/holds"),
            QJsonDocument(QJsonObject{{QStringLiteral("slot_id"), slot}}).toJson());
        connect(hold, &QNetworkReply::finished, this, [this, hold, &worker, index] {
            --m_inFlight;
            const HttpReply reply = TestHttpClient::finish(hold);
            if (reply.status != 201 || m_stopping)
                return step(worker, index);
            ++worker.sequence;
            const QJsonObject person{
                {QStringLiteral("hold_id"), reply.json.value(QStringLiteral("hold_id"))},
                {QStringLiteral("family_name"), QStringLiteral("Crash %1").arg(index)},
                {QStringLiteral("given_name"), QStringLiteral("Nr %1").arg(worker.sequence)},
                {QStringLiteral("birth_date"), QStringLiteral("1970-01-01")},
                {QStringLiteral("email"), QStringLiteral("c%1@example.org").arg(index)}};
            ++m_inFlight;
            QNetworkReply *confirm = worker.client->start(
                "POST", QStringLiteral("/api/v1/bookings"), QJsonDocument(person).toJson());
            connect(confirm, &QNetworkReply::finished, this, [this, confirm, &worker, index] {
                --m_inFlight;
                const HttpReply done = TestHttpClient::finish(confirm);
                if (done.status == 201)
                    m_confirmed.append(done.json.value(QStringLiteral("code")).toString());
                step(worker, index);
            });
        });
    }

private Q_SLOTS:
    void confirmedBookingsSurviveKill() {
        m_db = m_dir.file(QStringLiteral("crash.db"));
        m_key = m_dir.file(QStringLiteral("crash.key"));
        {
            // Seed in-process, then close: the binary runs with the real clock, so slots lie
            // two days ahead.
            SystemClock clock;
            ServiceConfig config;
            config.port = 0;
            config.databasePath = m_db;
            config.keyFile = m_key;
            SlotdeskService seeder(config, clock);
            QString error;
            QVERIFY2(seeder.start(&error), qPrintable(error));
            CentreRecord centre;
            centre.name = QStringLiteral("Crash Centre");
            centre.postcode = QStringLiteral("44135");
            centre.services = {QStringLiteral("pcr")};
            QVERIFY(!seeder.engine().addCentre(&centre));
            QList<SlotRecord> slots;
            const qint64 start = QDateTime::currentSecsSinceEpoch() + 2 * 86400;
            for (int i = 0; i < 50; ++i)
                slots.append(
                    SlotRecord{0, centre.id, QStringLiteral("pcr"), start + i * 900, 15, 1000, 0});
            QVERIFY(!seeder.engine().addSlots(&slots));
            for (const SlotRecord &s : std::as_const(slots))
                m_slots.append(s.id);
        }

        QProcess service;
        const quint16 port = startService(service, m_db, m_key);
        QVERIFY(port != 0);
        std::vector<Worker> workers(16);
        for (size_t i = 0; i < workers.size(); ++i) {
            workers[i].client = std::make_unique<TestHttpClient>(port);
            step(workers[i], int(i));
        }
        // Kill while 16 clients have requests in flight.
        QTRY_VERIFY_WITH_TIMEOUT(m_confirmed.size() >= 300, 60000);
        QVERIFY(m_inFlight > 0);
        service.kill();
        QVERIFY(service.waitForFinished(10000));
        m_stopping = true;
        QTRY_COMPARE_WITH_TIMEOUT(m_inFlight, 0, 30000);
        const QStringList seen = m_confirmed;
        qInfo("confirmed before kill: %lld", qlonglong(seen.size()));

        QProcess restarted;
        const quint16 port2 = startService(restarted, m_db, m_key);
        QVERIFY(port2 != 0);
        TestHttpClient client(port2);
        for (const QString &code : seen) {
            const HttpReply reply =
                client.get(u"/api/v1/bookings/" % code, HttpHeaders{{"Birth-Date", "1970-01-01"}});
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json.value(QStringLiteral("state")).toString(),
                     QStringLiteral("confirmed"));
        }
        restarted.terminate();
        QVERIFY(restarted.waitForFinished(10000));
        QCOMPARE(restarted.exitStatus(), QProcess::NormalExit);

        // Counters agree with rows (the booking, its counter and its event commit together).
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT (SELECT SUM(booked) FROM slots), (SELECT COUNT(*) FROM bookings WHERE "
                "state = 'confirmed'), (SELECT COUNT(*) FROM events WHERE type = "
                "'booking.confirmed')")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), q.value(1).toLongLong());
            QCOMPARE(q.value(2).toLongLong(), q.value(1).toLongLong());
            QVERIFY(q.value(1).toLongLong() >= seen.size());
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_MAIN(TestCrash)
#include "TestCrash.moc"

#include "models/booking/Event.h"
#include "models/booking/EventLog.h"
#include "net/QrPayload.h"
#include "service/EventHub.h"
#include "service/booking/SigningKey.h"
#include "tests/integration/RawClient.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/RawHttp.h"
#include "tests/support/TestHttpClient.h"

#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

QByteArray confirmBody(const QString &holdId, int person) {
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("hold_id"), holdId},
                   {QStringLiteral("family_name"), QStringLiteral("Batch")},
                   {QStringLiteral("given_name"), QStringLiteral("P%1").arg(person)},
                   {QStringLiteral("birth_date"), QStringLiteral("1980-05-17")},
                   {QStringLiteral("email"), QStringLiteral("p%1@example.org").arg(person)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

// Group commit of confirms and cancellations: one transaction per event-loop turn's writes,
// answers only after the commit, in request order per connection, and nothing changed when
// the batch fails. The engine's auto-flush is switched off so that a test decides exactly
// which requests share a batch (no timing involved).
class TestGroupCommit : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    QList<qint64> m_slots;

    bool startService() {
        m_fx = std::make_unique<ServiceFixture>();
        if (!m_fx->start())
            return false;
        m_slots = m_fx->seed(2, 10);
        m_fx->service->engine().setAutoFlush(false);
        return m_slots.size() == 2;
    }
    BookingEngine &engine() { return m_fx->service->engine(); }

    // Appends the seqs of every eventsCommitted signal to *published while `scope` lives.
    void recordPublishedSeqs(QObject *scope, QList<QList<qint64>> *published) {
        connect(&m_fx->service->eventHub(), &EventHub::eventsCommitted, scope,
                [published](const QList<Event> &events) {
                    QList<qint64> seqs;
                    for (const Event &e : events)
                        seqs.append(e.seq);
                    published->append(seqs);
                });
    }

    QString hold(TestHttpClient &client, qint64 slot) {
        QNetworkReply *reply =
            client.start("POST", QStringLiteral("/api/v1/holds"),
                         QJsonDocument(QJsonObject{{QStringLiteral("slot_id"), slot}})
                             .toJson(QJsonDocument::Compact));
        const HttpReply answer = TestHttpClient::finish(reply); // holds are not deferred
        return answer.json.value(QStringLiteral("hold_id")).toString();
    }

private Q_SLOTS:
    void cleanup() { m_fx.reset(); }

    void oneTransactionAnswersEveryoneAfterTheCommit() {
        QVERIFY(startService());
        TestHttpClient client(m_fx->service->port());
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 5; ++i) {
            const QString holdId = hold(client, m_slots.at(0));
            QVERIFY(!holdId.isEmpty());
            replies.append(
                client.start("POST", QStringLiteral("/api/v1/bookings"), confirmBody(holdId, i)));
        }
        QList<QList<qint64>> published;
        QObject scope;
        recordPublishedSeqs(&scope, &published);
        QTRY_COMPARE(engine().queuedWrites(), 5);
        // Queued, not committed, not answered.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 0);
        for (QNetworkReply *reply : std::as_const(replies))
            QVERIFY(!reply->isFinished());
        QCOMPARE(m_fx->service->http().pendingReplies(), 5);
        const qint64 seqBefore = m_fx->service->eventLog().lastSeq();
        const qint64 batchesBefore = engine().batchesCommitted();

        engine().flush();
        QCOMPARE(engine().batchesCommitted(), batchesBefore + 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 5);
        // Published once, after the commit, gap-free and in order.
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.at(0), QList<qint64>({seqBefore + 1, seqBefore + 2, seqBefore + 3,
                                                 seqBefore + 4, seqBefore + 5}));
        // One Merkle tree and one signature for the batch; every QR verifies on its own.
        const QByteArray publicKey = m_fx->service->signingKey().publicKey();
        QList<int> indices;
        QByteArray signature;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const HttpReply answer = TestHttpClient::finish(reply);
            QCOMPARE(answer.status, 201);
            const QString qr = answer.json.value(QStringLiteral("qr"))
                                   .toObject()
                                   .value(QStringLiteral("text"))
                                   .toString();
            QVERIFY2(QrPayload::verify(qr, publicKey), qPrintable(qr));
            QrPayload::Proof proof;
            QVERIFY(QrPayload::parse(qr, &proof));
            QCOMPARE(proof.version, 2);
            QCOMPARE(proof.treeSize, 5);
            QVERIFY(signature.isEmpty() || signature == proof.signature);
            signature = proof.signature;
            indices.append(proof.index);
        }
        std::sort(indices.begin(), indices.end());
        QCOMPARE(indices, QList<int>({0, 1, 2, 3, 4}));
        QCOMPARE(engine().freePlaces(m_slots.at(0)), 5);
        QCOMPARE(m_fx->service->http().pendingReplies(), 0);
        // Operators see the batch: one of five writes, its commit time counted.
        const QByteArray metrics = client.get(QStringLiteral("/metrics")).body;
        QVERIFY2(metrics.contains("\nslotdesk_write_batch_writes_bucket{le=\"4\"} 0\n"),
                 metrics.constData());
        QVERIFY(metrics.contains("\nslotdesk_write_batch_writes_bucket{le=\"8\"} 1\n"));
        QVERIFY(metrics.contains("\nslotdesk_write_batch_seconds_count 1\n"));
    }

    void clientGoneBeforeTheCommitIsNotWrittenTo() {
        QVERIFY(startService());
        TestHttpClient http(m_fx->service->port());
        const QString holdId = hold(http, m_slots.at(0));
        {
            RawClient raw(m_fx->service->port());
            QTRY_VERIFY(raw.connected());
            raw.send(rawHttpRequest("POST", "/api/v1/bookings", confirmBody(holdId, 1)));
            QTRY_COMPARE(engine().queuedWrites(), 1);
            raw.socket.abort();
        }
        // The server notices the disconnect and deletes its socket.
        QTRY_COMPARE(m_fx->service->http().pendingReplies(), 0);
        engine().flush(); // answers nobody, must not touch the deleted socket (ASan)
        // Committed all the same: the client may look the booking up or retry with its key.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
        QCOMPARE(engine().freePlaces(m_slots.at(0)), 9);
        // The service goes on serving.
        QCOMPARE(http.get(QStringLiteral("/api/v1/health")).status, 200);
    }

    void pipelinedAnswersKeepRequestOrder() {
        QVERIFY(startService());
        TestHttpClient http(m_fx->service->port());
        const QString holdId = hold(http, m_slots.at(0));
        RawClient raw(m_fx->service->port());
        QTRY_VERIFY(raw.connected());
        // Confirm (deferred), then two quick reads on the same connection, in one write.
        raw.send(rawHttpRequest("POST", "/api/v1/bookings", confirmBody(holdId, 1)) +
                 rawHttpRequest("GET", "/api/v1/health") +
                 rawHttpRequest("GET", "/api/v1/bookings/0000000000"));
        QTRY_COMPARE(m_fx->service->http().queuedAnswers(), 3);
        // The reads are answered already but wait behind the deferred confirm.
        QCOMPARE(m_fx->service->http().pendingReplies(), 1);
        QVERIFY(raw.answers.isEmpty());
        engine().flush();
        QTRY_COMPARE(raw.answers.size(), 3);
        QCOMPARE(raw.answers.at(0).status, 201);
        QVERIFY(raw.answers.at(0).json.contains(QStringLiteral("code")));
        QCOMPARE(raw.answers.at(1).status, 200);
        QCOMPARE(raw.answers.at(1).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(raw.answers.at(2).status, 400); // not a valid code: the third answer
        QCOMPARE(m_fx->service->http().queuedAnswers(), 0);
    }

    void connectionCloseWaitsForTheDeferredAnswer() {
        QVERIFY(startService());
        TestHttpClient http(m_fx->service->port());
        const QString holdId = hold(http, m_slots.at(0));
        RawClient raw(m_fx->service->port());
        QTRY_VERIFY(raw.connected());
        // The confirm ends the connection: the request behind it is never read.
        QByteArray confirm = rawHttpRequest("POST", "/api/v1/bookings", confirmBody(holdId, 1));
        confirm.insert(confirm.indexOf("\r\n") + 2, "Connection: close\r\n");
        raw.send(confirm + rawHttpRequest("GET", "/api/v1/health"));
        QTRY_COMPARE(engine().queuedWrites(), 1);
        QCOMPARE(m_fx->service->http().queuedAnswers(), 1);
        QVERIFY(!raw.closed);
        engine().flush();
        QTRY_VERIFY(raw.closed);
        QCOMPARE(raw.answers.size(), 1);
        QCOMPARE(raw.answers.at(0).status, 201);
        QVERIFY(raw.answers.at(0).closes());
        QCOMPARE(m_fx->service->http().queuedAnswers(), 0);
    }

    void storageFailureAnswersTheWholeBatch503AndChangesNothing() {
        QVERIFY(startService());
        TestHttpClient client(m_fx->service->port());
        const QString first = hold(client, m_slots.at(0));
        const QString second = hold(client, m_slots.at(1));
        const int free0 = engine().freePlaces(m_slots.at(0));
        const int free1 = engine().freePlaces(m_slots.at(1));
        const qint64 seqBefore = m_fx->service->eventLog().lastSeq();
        // A real SQLite failure in the middle of the batch: the second event insert aborts.
        QSqlQuery sql(m_fx->service->database());
        QVERIFY(
            sql.exec(QStringLiteral(
                         "CREATE TRIGGER fail_second BEFORE INSERT ON events WHEN NEW.seq > %1 + 1 "
                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                         .arg(seqBefore)));
        QNetworkReply *a =
            client.start("POST", QStringLiteral("/api/v1/bookings"), confirmBody(first, 1));
        QNetworkReply *b =
            client.start("POST", QStringLiteral("/api/v1/bookings"), confirmBody(second, 2));
        QTRY_COMPARE(engine().queuedWrites(), 2);
        engine().flush();
        for (QNetworkReply *reply : {a, b}) {
            const HttpReply answer = TestHttpClient::finish(reply);
            QCOMPARE(answer.status, 503);
            QCOMPARE(answer.error(), QStringLiteral("storage_unavailable"));
        }
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT SUM(booked) FROM slots")), 0);
        QCOMPARE(m_fx->service->eventLog().lastSeq(), seqBefore);
        QCOMPARE(engine().freePlaces(m_slots.at(0)), free0); // still held, not booked
        QCOMPARE(engine().freePlaces(m_slots.at(1)), free1);
        QCOMPARE(engine().activeHolds(), 2);

        // The holds are usable again once the database works.
        QVERIFY(sql.exec(QStringLiteral("DROP TRIGGER fail_second")));
        engine().setAutoFlush(true);
        QCOMPARE(
            client.call("POST", QStringLiteral("/api/v1/bookings"), confirmBody(first, 1)).status,
            201);
        QCOMPARE(
            client.call("POST", QStringLiteral("/api/v1/bookings"), confirmBody(second, 2)).status,
            201);
        QCOMPARE(m_fx->service->eventLog().lastSeq(), seqBefore + 2);
    }

    void otherWritersWaitForTheBatchInFlight() {
        QVERIFY(startService());
        TestHttpClient client(m_fx->service->port());
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 3; ++i)
            replies.append(client.start("POST", QStringLiteral("/api/v1/bookings"),
                                        confirmBody(hold(client, m_slots.at(0)), i)));
        QTRY_COMPARE(engine().queuedWrites(), 3);
        QList<QList<qint64>> published;
        QObject scope;
        recordPublishedSeqs(&scope, &published);
        const qint64 seq = m_fx->service->eventLog().lastSeq();
        engine().startFlush(); // the batch commits on the writer thread...
        QVERIFY(engine().batchInFlight());
        // ...while a release on the service's own connection writes an event: it waits for the
        // batch, which is published first; seq stays gap-free and in order.
        QList<SlotRecord> more{SlotRecord{0, m_fx->centreId, QStringLiteral("pcr"),
                                          ServiceFixture::slotStart(40), 15, 5, 0}};
        QVERIFY(!engine().addSlots(&more));
        QCOMPARE(published, QList<QList<qint64>>({{seq + 1, seq + 2, seq + 3}, {seq + 4}}));
        QCOMPARE(m_fx->service->eventLog().lastSeq(), seq + 4);
        for (QNetworkReply *reply : std::as_const(replies))
            QCOMPARE(TestHttpClient::finish(reply).status, 201);
    }

    void retryDuringTheCommitGetsTheFirstAnswer() {
        QVERIFY(startService());
        TestHttpClient client(m_fx->service->port());
        const QString holdId = hold(client, m_slots.at(0));
        const HttpHeaders key = {{"Idempotency-Key", "retry-1"}};
        QNetworkReply *first =
            client.start("POST", QStringLiteral("/api/v1/bookings"), confirmBody(holdId, 1), key);
        QTRY_COMPARE(engine().queuedWrites(), 1);
        // The same request again (a client timeout and retry) while the first is committing.
        TestHttpClient other(m_fx->service->port());
        QNetworkReply *retry =
            other.start("POST", QStringLiteral("/api/v1/bookings"), confirmBody(holdId, 1), key);
        QTRY_COMPARE(m_fx->service->http().pendingReplies(), 2);
        QCOMPARE(engine().queuedWrites(), 1); // waits for the first, is not a second write
        engine().flush();
        const HttpReply a = TestHttpClient::finish(first);
        const HttpReply b = TestHttpClient::finish(retry);
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        QCOMPARE(b.body, a.body);
        QCOMPARE(b.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
    }
};

QTEST_MAIN(TestGroupCommit)
#include "TestGroupCommit.moc"

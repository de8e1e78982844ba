#include "models/booking/EventLog.h"
#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "service/staff/stream/EventStream.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");

// A console's side of the stream: collects seqs, checks the message shape as it goes.
class StreamClient : public QObject {
public:
    StreamClient(const QString &url) {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
            if (json.contains(QStringLiteral("control"))) {
                live = true;
                liveAt = json.value(QStringLiteral("last_seq")).toInteger();
                return;
            }
            if (!json.value(QStringLiteral("seq")).isDouble() ||
                !json.value(QStringLiteral("type")).isString() ||
                !json.value(QStringLiteral("at")).isString() ||
                !json.value(QStringLiteral("payload")).isObject())
                malformed = true;
            seqs.append(json.value(QStringLiteral("seq")).toInteger());
            types.append(json.value(QStringLiteral("type")).toString());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = int(socket.closeCode());
            closeReason = socket.closeReason();
        });
        socket.open(QUrl(url));
    }
    // QWebSocket 6.4 leaks its close reason when destroyed while still open (ASan/LSan):
    // a console that leaves drops its connection first.
    ~StreamClient() override { socket.abort(); }
    qint64 last() const { return seqs.isEmpty() ? 0 : seqs.constLast(); }
    // Exactly from+1 .. to, each once, in order.
    bool exactly(qint64 from, qint64 to) const {
        if (seqs.size() != to - from)
            return false;
        for (qsizetype i = 0; i < seqs.size(); ++i) {
            if (seqs.at(i) != from + 1 + i)
                return false;
        }
        return true;
    }

    QWebSocket socket;
    QList<qint64> seqs;
    QStringList types;
    bool live = false;
    qint64 liveAt = -1;
    bool malformed = false;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;
};

} // namespace

class TestEventStream : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    QString m_token;
    QList<qint64> m_slots;
    int m_booked = 0;

    bool startService(StaffSettings settings = {}) {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        settings.passwordLimits = PasswordHashLimits::minimal();
        config.staff = settings;
        if (!m_fx->start(config))
            return false;
        QString error;
        if (!m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error))
            return false;
        TestHttpClient http(m_fx->service->port());
        m_token = http.login(QStringLiteral("admin"), adminPassword);
        m_slots = m_fx->seed(20, 50);
        m_booked = 0;
        return !m_token.isEmpty() && m_slots.size() == 20;
    }

    QString url(qint64 after, const QString &token) const {
        return QStringLiteral("ws://127.0.0.1:%1/api/v1/stream?after=%2&token=%3")
            .arg(m_fx->service->port())
            .arg(after)
            .arg(token);
    }

    qint64 head() { return m_fx->service->eventLog().lastSeq(); }

    // One booking.confirmed event through the engine, like a citizen's confirm.
    bool bookOne() { return bookOn(m_slots.at(m_booked % m_slots.size())); }
    bool bookOn(qint64 slotId) {
        const int n = m_booked++;
        HoldInfo hold;
        if (m_fx->service->engine().hold(slotId, QStringLiteral("pcr"), &hold))
            return false;
        ConfirmRequest request;
        request.holdId = hold.id;
        request.familyName = QStringLiteral("Person%1").arg(n);
        request.givenName = QStringLiteral("Stream");
        request.birthDate = QDate(1970, 1, 1).addDays(n);
        request.email = QStringLiteral("p%1@example.org").arg(n);
        const WriteOutcome outcome = m_fx->service->engine().confirm(request);
        return !outcome.error && !outcome.existing;
    }

private Q_SLOTS:
    void cleanup() { m_fx.reset(); }

    void everyClientGetsEveryEventInOrder() {
        QVERIFY(startService());
        const qint64 start = head(); // the seeding's release event(s)
        QVERIFY(start >= 1);
        std::vector<std::unique_ptr<StreamClient>> clients;
        for (int i = 0; i < 4; ++i)
            clients.push_back(std::make_unique<StreamClient>(url(0, m_token)));
        for (const auto &c : clients)
            QTRY_VERIFY(c->live);
        for (int i = 0; i < 30; ++i) {
            QVERIFY(bookOne());
            if (i == 10) // a late joiner replays what it missed, then follows live
                clients.push_back(std::make_unique<StreamClient>(url(0, m_token)));
        }
        const qint64 end = head();
        QCOMPARE(end, start + 30);
        for (const auto &c : clients) {
            QTRY_COMPARE(c->last(), end);
            QVERIFY(c->exactly(0, end));
            QVERIFY(!c->malformed);
            QVERIFY(!c->closed);
            QCOMPARE(c->types.constLast(), QStringLiteral("booking.confirmed"));
        }
        QCOMPARE(m_fx->service->staff().stream().sessionCount(), 5);
    }

    void resumeGetsExactlyTheMissedEventsThenTheTail() {
        StaffSettings settings;
        settings.streamReplayPage = 1; // the replay takes one event-loop turn per event
        QVERIFY(startService(settings));
        for (int i = 0; i < 5; ++i)
            QVERIFY(bookOne());
        auto first = std::make_unique<StreamClient>(url(0, m_token));
        QTRY_VERIFY(first->live);
        const qint64 lastSeen = head();
        QCOMPARE(first->last(), lastSeen);
        first->socket.close();
        QTRY_COMPARE(m_fx->service->staff().stream().sessionCount(), 0);

        // Missed while away.
        for (int i = 0; i < 25; ++i)
            QVERIFY(bookOne());
        // Reconnect with the last seq. New bookings commit exactly while the replay runs: each
        // replayed page (one event) triggers the next booking before the session reads the log
        // again, so replay and live commits interleave by construction, not by timing. 25
        // missed events are 25 pages, so all 15 bookings land before the session can be live.
        int duringReplay = 0;
        bool bookingFailed = false;
        bool liveTooEarly = false;
        StreamClient *resumedPtr = nullptr;
        QObject scope; // ends the connection with this test's locals
        connect(&m_fx->service->staff().stream(), &EventStream::replayPageSent, &scope,
                [&](qint64) {
                    if (duringReplay == 15)
                        return;
                    ++duringReplay;
                    liveTooEarly = liveTooEarly || (resumedPtr && resumedPtr->live);
                    bookingFailed = bookingFailed || !bookOne();
                });
        StreamClient resumed(url(lastSeen, m_token));
        resumedPtr = &resumed;
        QTRY_VERIFY(resumed.live);
        QVERIFY(!bookingFailed);
        QVERIFY(!liveTooEarly);
        QCOMPARE(duringReplay, 15); // the race this test is about did happen, every time
        const qint64 end = head();
        QCOMPARE(end, lastSeen + 25 + 15);
        QTRY_COMPARE(resumed.last(), end);
        QVERIFY(resumed.live);
        QVERIFY2(resumed.exactly(lastSeen, end),
                 qPrintable(QStringLiteral("got %1 events for %2..%3")
                                .arg(resumed.seqs.size())
                                .arg(lastSeen + 1)
                                .arg(end)));
        // And the tail goes on.
        QVERIFY(bookOne());
        QTRY_COMPARE(resumed.last(), end + 1);
        QVERIFY(resumed.exactly(lastSeen, end + 1));
    }

    void staffEventsAreOnTheStream() {
        QVERIFY(startService());
        StreamClient client(url(head(), m_token));
        QTRY_VERIFY(client.live);
        QVERIFY(bookOne());
        TestHttpClient http(m_fx->service->port());
        const HttpReply list = http.get(QStringLiteral("/api/v1/bookings"), m_token);
        const QString code = list.json.value(QStringLiteral("items"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
        QCOMPARE(
            http.post(QStringLiteral("/api/v1/bookings/%1/check-in").arg(code), {}, m_token).status,
            200);
        QTRY_COMPARE(client.types.size(), 2);
        QCOMPARE(client.types, QStringList({QStringLiteral("booking.confirmed"),
                                            QStringLiteral("checkin.arrival")}));
    }

    void refusedConnections_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("no token") << QStringLiteral("after=0");
        QTest::newRow("bad token") << QStringLiteral("after=0&token=nope");
        QTest::newRow("bad after") << QStringLiteral("after=-3&token=%1");
        QTest::newRow("after text") << QStringLiteral("after=abc&token=%1");
    }

    void refusedConnections() {
        QFETCH(QString, query);
        QVERIFY(startService());
        StreamClient client(
            QStringLiteral("ws://127.0.0.1:%1/api/v1/stream?").arg(m_fx->service->port()) +
            (query.contains(u"%1") ? query.arg(m_token) : query));
        QSignalSpy errors(&client.socket,
                          qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QTRY_VERIFY(errors.size() > 0 || client.closed);
        QVERIFY(client.seqs.isEmpty());
        QCOMPARE(m_fx->service->staff().stream().sessionCount(), 0);
    }

    void afterAheadOfTheLogIsRefused() {
        QVERIFY(startService());
        StreamClient client(url(head() + 100, m_token));
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.closeCode, int(EventStream::CloseBadRequest));
        QVERIFY(client.closeReason.contains(u"ahead"));
    }

    void slowConsumerIsClosedWithItsLastSeq() {
        StaffSettings settings;
        settings.streamMaxPendingBytes = 1; // any unsent byte is too much
        QVERIFY(startService(settings));
        StreamClient client(url(head(), m_token));
        QTRY_VERIFY(client.live);
        QVERIFY(bookOne());
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.closeCode, int(EventStream::CloseSlowConsumer));
        QVERIFY(client.closeReason.contains(u"after="));
        QTRY_COMPARE(m_fx->service->staff().stream().sessionCount(), 0);
    }

    void revokedTokenEndsTheStream() {
        StaffSettings settings;
        settings.streamPingSeconds = 1;
        QVERIFY(startService(settings));
        StreamClient client(url(0, m_token));
        QTRY_VERIFY(client.live);
        TestHttpClient http(m_fx->service->port());
        QCOMPARE(http.call("POST", QStringLiteral("/api/v1/auth/logout"), {}, m_token).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        QCOMPARE(client.closeCode, int(EventStream::CloseUnauthorized));
    }

    void limitedAccountGetsOnlyItsCentresEvents() {
        QVERIFY(startService());
        // A second centre with a slot of its own (its release is the second event).
        CentreRecord other;
        other.name = QStringLiteral("Testzentrum Süd");
        other.postcode = QStringLiteral("10117");
        other.city = QStringLiteral("Berlin");
        other.services = {QStringLiteral("pcr")};
        QVERIFY(!m_fx->service->engine().addCentre(&other));
        QList<SlotRecord> otherSlots{
            {0, other.id, QStringLiteral("pcr"), ServiceFixture::slotStart(0), 15, 50, 0}};
        QVERIFY(!m_fx->service->engine().addSlots(&otherSlots));
        QSqlQuery uuid(m_fx->service->database());
        QVERIFY(uuid.exec(
            QStringLiteral("SELECT uuid FROM centres WHERE id = %1").arg(m_fx->centreId)));
        QVERIFY(uuid.next());
        const QString mine = uuid.value(0).toString();

        TestHttpClient http(m_fx->service->port());
        const HttpReply created =
            http.post(QStringLiteral("/api/v1/staff"),
                      {{QStringLiteral("login"), QStringLiteral("desk1")},
                       {QStringLiteral("role"), QStringLiteral("desk")},
                       {QStringLiteral("password"), QStringLiteral("desk password 1")},
                       {QStringLiteral("centres"), QJsonArray{mine}}},
                      m_token);
        QCOMPARE(created.status, 201);
        const QString desk = http.login(QStringLiteral("desk1"), QStringLiteral("desk password 1"));
        QVERIFY(!desk.isEmpty());

        // Replay: the limited console skips the other centre's release and still goes live at
        // the head of the log.
        const qint64 start = head();
        StreamClient limited(url(0, desk));
        StreamClient all(url(0, m_token));
        QTRY_VERIFY(limited.live && all.live);
        QVERIFY(all.exactly(0, start));
        QCOMPARE(limited.liveAt, start);
        QCOMPARE(limited.seqs.size(), all.seqs.size() - 1);
        QVERIFY(!limited.malformed);

        // Live: a booking in each centre; only the own centre's reaches the limited console.
        QVERIFY(bookOn(otherSlots.constFirst().id));
        QVERIFY(bookOn(m_slots.constFirst()));
        QTRY_VERIFY(all.exactly(0, start + 2));
        QTRY_COMPARE(limited.seqs.constLast(), start + 2);
        QCOMPARE(limited.seqs.size(), all.seqs.size() - 2);
        QVERIFY(!limited.seqs.contains(start + 1));
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "TestEventStream.moc"

#include "service/http/HttpServer.h"
#include "service/staff/StaffSide.h"
#include "tests/integration/RawClient.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/RawHttp.h"
#include "tests/support/TestHttpClient.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QByteArray health = rawHttpRequest("GET", "/api/v1/health");

ServiceConfig quickTimeouts() {
    ServiceConfig config;
    config.headTimeoutMs = 300;
    config.bodyTimeoutMs = 300;
    config.idleTimeoutMs = 300;
    return config;
}

} // namespace

// The HTTP front door under hostile clients, against the real service on loopback: timeouts
// for heads, bodies and idle connections, the connection cap, a client that never reads its
// answers, X-Forwarded-For only from trusted proxies, and GET /metrics.
class TestFrontDoor : public QObject {
    Q_OBJECT

    quint16 port() const { return m_fx->service->port(); }
    HttpServer &http() { return m_fx->service->http(); }

    bool start(ServiceConfig config) {
        m_fx = std::make_unique<ServiceFixture>();
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        return m_fx->start(config);
    }

    static bool waitConnected(RawClient &client) {
        return client.connected() || client.socket.waitForConnected(5000);
    }

    std::unique_ptr<ServiceFixture> m_fx;

private Q_SLOTS:
    void cleanup() { m_fx.reset(); }

    void headInProgressTimesOutWith408() {
        QVERIFY(start(quickTimeouts()));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QElapsedTimer elapsed;
        elapsed.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QVERIFY(elapsed.elapsed() >= 150);
        QCOMPARE(client.answers.size(), 1);
        QCOMPARE(client.answers[0].status, 408);
        QCOMPARE(client.answers[0].error(), QStringLiteral("request_timeout"));
        QVERIFY(client.answers[0].closes());
    }

    void silentConnectionIsClosed() {
        QVERIFY(start(quickTimeouts()));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QVERIFY(client.answers.isEmpty());
        QTRY_COMPARE(http().openConnections(), 0);
    }

    void bodyInProgressTimesOutWith408() {
        QVERIFY(start(quickTimeouts()));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        client.send("POST /api/v1/holds HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    "application/json\r\nContent-Length: 100\r\n\r\n{\"slot_id\":");
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.answers.size(), 1);
        QCOMPARE(client.answers[0].status, 408);
        QCOMPARE(client.answers[0].error(), QStringLiteral("request_timeout"));
    }

    void idleKeepAliveConnectionIsClosed() {
        // Wide enough that a loaded test machine never stretches 100 ms past it.
        ServiceConfig config = quickTimeouts();
        config.idleTimeoutMs = 1500;
        QVERIFY(start(config));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        // Requests closer together than the idle timeout keep the connection.
        for (int i = 0; i < 4; ++i) {
            client.send(health);
            QTRY_COMPARE_WITH_TIMEOUT(client.answers.size(), i + 1, 5000);
            QCOMPARE(client.answers.constLast().status, 200);
            QTest::qWait(100);
        }
        QVERIFY(!client.closed);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.answers.size(), 4);
    }

    void connectionsOverTheCapGet503() {
        ServiceConfig config;
        config.maxConnections = 3;
        QVERIFY(start(config));
        std::vector<std::unique_ptr<RawClient>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawClient>(port()));
            QVERIFY(waitConnected(*held.back()));
        }
        QTRY_COMPARE(http().openConnections(), 3);
        RawClient extra(port());
        QVERIFY(waitConnected(extra));
        extra.send(health);
        QTRY_VERIFY_WITH_TIMEOUT(extra.closed, 5000);
        QCOMPARE(extra.answers.size(), 1);
        QCOMPARE(extra.answers[0].status, 503);
        QCOMPARE(extra.answers[0].error(), QStringLiteral("service_unavailable"));
        QVERIFY(extra.answers[0].closes());
        QVERIFY(extra.answers[0].head.contains("\r\nRetry-After: 1"));
        // The open connections are served as before.
        for (const auto &client : held) {
            client->send(health);
            QTRY_COMPARE_WITH_TIMEOUT(client->answers.size(), 1, 5000);
            QCOMPARE(client->answers[0].status, 200);
        }
        // Once one closes, a new connection is accepted.
        held.front()->socket.disconnectFromHost();
        QTRY_COMPARE(http().openConnections(), 2);
        RawClient later(port());
        QVERIFY(waitConnected(later));
        later.send(health);
        QTRY_COMPARE_WITH_TIMEOUT(later.answers.size(), 1, 5000);
        QCOMPARE(later.answers[0].status, 200);
    }

    void clientThatNeverReadsIsNotBuffered() {
        QVERIFY(start({}));
        const int count = 100000;
        QByteArray requests;
        requests.reserve(health.size() * count);
        for (int i = 0; i < count; ++i)
            requests += health;
        QTcpSocket greedy;
        // Qt reads no more than this from the kernel: the client does not read its answers.
        greedy.setReadBufferSize(1024);
        greedy.connectToHost(QStringLiteral("127.0.0.1"), port());
        QVERIFY(greedy.waitForConnected(5000));
        greedy.write(requests);
        QTRY_COMPARE_WITH_TIMEOUT(http().readPausedConnections(), 1, 20000);
        // Bounded: the output limit plus an answer, the read-ahead of the socket and a tail.
        const qint64 bound = 2 * 1024 * 1024;
        qint64 largest = 0;
        for (int i = 0; i < 20; ++i) {
            QTest::qWait(25);
            largest = std::max(largest, http().largestConnectionBacklog());
        }
        QVERIFY2(largest < bound, qPrintable(QString::number(largest)));

        RawClient other(port());
        QVERIFY(waitConnected(other));
        other.send(health);
        QTRY_COMPARE_WITH_TIMEOUT(other.answers.size(), 1, 5000);
        QCOMPARE(other.answers[0].status, 200);

        // Once the client reads, every request is answered.
        greedy.setReadBufferSize(0);
        qint64 answered = 0;
        QByteArray tail;
        const QByteArray status = QByteArrayLiteral("HTTP/1.1 200 OK");
        auto count200 = [&] {
            tail += greedy.readAll();
            qsizetype at = 0;
            while ((at = tail.indexOf(status, at)) >= 0) {
                ++answered;
                at += status.size();
            }
            tail = tail.right(status.size() - 1);
        };
        connect(&greedy, &QIODevice::readyRead, this, count200);
        count200();
        QTRY_COMPARE_WITH_TIMEOUT(answered, qint64(count), 60000);
    }

    void readEndingMidRequestKeepsOnlyTheTail() {
        QVERIFY(start({}));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        // Every write ends in the middle of a request: nothing is ever consumed to the end.
        const int count = 2000;
        QByteArray all;
        for (int i = 0; i < count; ++i)
            all += health;
        const qsizetype piece = health.size() * 7 + 5;
        qint64 largest = 0;
        for (qsizetype at = 0; at < all.size(); at += piece) {
            client.send(all.mid(at, piece));
            client.socket.flush();
            QCoreApplication::processEvents();
            largest = std::max(largest, http().largestConnectionBacklog());
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.answers.size(), count, 20000);
        QVERIFY2(largest < 64 * 1024, qPrintable(QString::number(largest)));
    }

    void forwardedForFromUntrustedPeerIsIgnored() {
        ServiceConfig config;
        config.lookupBurst = 2;
        config.lookupPerMinute = 1;
        config.trustedProxies = {QStringLiteral("10.0.0.0/8")}; // not loopback
        QVERIFY(start(config));
        // A client naming another address each time still shares its own bucket.
        QList<int> statuses;
        for (int i = 0; i < 3; ++i) {
            const QByteArray forwarded = "203.0.113." + QByteArray::number(i + 1);
            statuses.append(lookup(forwarded));
        }
        QVERIFY(statuses[0] != 429);
        QVERIFY(statuses[1] != 429);
        QCOMPARE(statuses[2], 429);
    }

    void forwardedForFromTrustedProxyIsHonoured() {
        ServiceConfig config;
        config.lookupBurst = 2;
        config.lookupPerMinute = 1;
        config.trustedProxies = {QStringLiteral("127.0.0.1"), QStringLiteral("192.0.2.0/24")};
        QVERIFY(start(config));
        // One citizen behind two trusted proxies uses up its bucket...
        QVERIFY(lookup("198.51.100.7, 192.0.2.9") != 429);
        QVERIFY(lookup("198.51.100.7") != 429);
        QCOMPARE(lookup("198.51.100.7"), 429);
        // ... another one behind the same proxy has its own; a hop the client wrote itself
        // left of its real address changes nothing.
        QVERIFY(lookup("198.51.100.8") != 429);
        QVERIFY(lookup("198.51.100.7, 198.51.100.9") != 429);
        QVERIFY(lookup("10.9.9.9, 198.51.100.9") != 429);
        QCOMPARE(lookup("198.51.100.8, 198.51.100.9"), 429);
    }

    void metricsAreInPrometheusTextFormat() {
        QVERIFY(start({}));
        RawClient client(port());
        QVERIFY(waitConnected(client));
        client.send(health + health + rawHttpRequest("GET", "/api/v1/nowhere") +
                    rawHttpRequest("GET", "/api/v1/bookings/not-a-code"));
        QTRY_COMPARE_WITH_TIMEOUT(client.answers.size(), 4, 5000);

        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port());
        QVERIFY(socket.waitForConnected(5000));
        QByteArray answer;
        socket.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState),
            5000);
        answer += socket.readAll();
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QByteArray head = answer.left(headEnd);
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QVERIFY2(head.contains("\r\nContent-Type: text/plain; version=0.0.4"), head.constData());

        // Every line is a comment (# HELP / # TYPE) or "name{labels} value".
        static const QRegularExpression sample(
            QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^"
                           "\"\\\\\\n]|\\\\.)*\",?)*\\})? "
                           "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)$"));
        static const QRegularExpression comment(
            QStringLiteral("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]*( .*)?$"));
        QHash<QString, double> values;
        const QList<QByteArray> lines = answer.mid(headEnd + 4).split('\n');
        QVERIFY(lines.size() > 10);
        QCOMPARE(lines.constLast(), QByteArray()); // ends with a newline
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines[i]);
            if (line.startsWith(u'#')) {
                QVERIFY2(comment.match(line).hasMatch(), qPrintable(line));
                continue;
            }
            const QRegularExpressionMatch m = sample.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            values.insert(line.left(line.lastIndexOf(u' ')), line.section(u' ', -1).toDouble());
        }
        QCOMPARE(values.value(QStringLiteral(
                     "slotdesk_http_requests_total{method=\"GET\",route=\"/api/v1/health\"}")),
                 2.0);
        QCOMPARE(values.value(QStringLiteral(
                     "slotdesk_http_errors_total{method=\"GET\",route=\"none\",class=\"4xx\"}")),
                 1.0);
        QCOMPARE(values.value(QStringLiteral("slotdesk_http_errors_total{method=\"GET\","
                                             "route=\"/api/v1/bookings/{code}\",class=\"4xx\"}")),
                 1.0);
        QVERIFY(values.value(QStringLiteral("slotdesk_http_open_connections")) >= 1);
        QVERIFY(values.value(QStringLiteral("slotdesk_http_connections_accepted_total")) >= 2);
        QCOMPARE(values.value(QStringLiteral("slotdesk_http_request_duration_seconds_count")), 4.0);
        QCOMPARE(values.value(
                     QStringLiteral("slotdesk_http_request_duration_seconds_bucket{le=\"+Inf\"}")),
                 4.0);
        // The engine's and caches' figures are there too.
        QCOMPARE(values.value(QStringLiteral("slotdesk_holds_active"), -1.0), 0.0);
        QCOMPARE(values.value(QStringLiteral("slotdesk_writes_committed"), -1.0), 0.0);
        QVERIFY(values.contains(QStringLiteral("slotdesk_write_batch_size_mean")));
        QCOMPARE(values.value(QStringLiteral("slotdesk_write_batch_seconds_count"), -1.0), 0.0);
        QCOMPARE(
            values.value(QStringLiteral("slotdesk_write_batch_writes_bucket{le=\"+Inf\"}"), -1.0),
            0.0);
        QVERIFY(values.contains(QStringLiteral("slotdesk_cache_entries{cache=\"idempotency\"}")));
        QVERIFY(values.contains(
            QStringLiteral("slotdesk_cache_entries{cache=\"availability_answers\"}")));
        // The raw path never becomes a label.
        QVERIFY(!answer.contains("not-a-code"));
        QVERIFY(!answer.contains("nowhere"));
    }

    void metricsFromElsewhereNeedAStaffToken() {
        QVERIFY(start({}));
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        TestHttpClient staff(port());
        const QString admin = staff.login(QStringLiteral("admin"), adminPassword);
        QVERIFY(!admin.isEmpty());
        const QString deskPassword = QStringLiteral("desk password 123");
        QCOMPARE(staff
                     .post(QStringLiteral("/api/v1/staff"),
                           {{QStringLiteral("login"), QStringLiteral("desk")},
                            {QStringLiteral("password"), deskPassword},
                            {QStringLiteral("role"), QStringLiteral("desk")}},
                           admin)
                     .status,
                 201);
        const QString desk = staff.login(QStringLiteral("desk"), deskPassword);
        QVERIFY(!desk.isEmpty());

        auto metrics = [&](const QByteArray &forwarded, const QString &token) {
            RawClient client(port());
            if (!waitConnected(client))
                return 0;
            QByteArray request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            if (!forwarded.isEmpty())
                request += "X-Forwarded-For: " + forwarded + "\r\n";
            if (!token.isEmpty())
                request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
            client.send(request + "\r\n");
            if (!QTest::qWaitFor([&] { return !client.answers.isEmpty(); }, 5000))
                return 0;
            return client.answers[0].status;
        };
        QCOMPARE(metrics({}, {}), 200);
        // Forwarded by a proxy on this host: remote, whatever the socket says.
        QCOMPARE(metrics("203.0.113.5", {}), 401);
        QCOMPARE(metrics("203.0.113.5", QStringLiteral("not-a-token")), 401);
        QCOMPARE(metrics("203.0.113.5", desk), 403);
        QCOMPARE(metrics("203.0.113.5", admin), 200);
    }

private:
    // A booking-code lookup (limited per client address) as forwarded for `forwarded`.
    int lookup(const QByteArray &forwarded) {
        RawClient client(port());
        if (!waitConnected(client))
            return 0;
        client.send("GET /api/v1/bookings/AAAA-AAAA HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "X-Forwarded-For: " +
                    forwarded + "\r\n\r\n");
        if (!QTest::qWaitFor([&] { return !client.answers.isEmpty(); }, 5000))
            return 0;
        return client.answers[0].status;
    }
};

QTEST_GUILESS_MAIN(TestFrontDoor)
#include "TestFrontDoor.moc"

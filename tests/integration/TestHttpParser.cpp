#include "service/staff/StaffSide.h"
#include "service/staff/stream/EventStream.h"
#include "tests/integration/RawClient.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QCoreApplication>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &headers = {},
                   const QByteArray &body = {}, const QByteArray &version = "HTTP/1.1") {
    QByteArray r = method + ' ' + path + ' ' + version + "\r\nHost: 127.0.0.1\r\n" + headers;
    if (!body.isEmpty())
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

QByteArray health(const QByteArray &headers = {}) {
    return request("GET", "/api/v1/health", headers);
}

// A hold on the first seeded slot (id 1 in the fresh database): 201 proves the body arrived whole.
const QByteArray holdBody = QByteArrayLiteral("{\"slot_id\":1}");

QByteArray hold(const QByteArray &headers = {}) {
    return request("POST", "/api/v1/holds", "Content-Type: application/json\r\n" + headers,
                   holdBody);
}

QByteArray webSocketHandshake(const QByteArray &path) {
    return request("GET", path,
                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
}

const QString adminPassword = QStringLiteral("correct horse battery");

} // namespace

// Our HTTP/1.1 server over real loopback TCP: framing (split and pipelined requests, bodies,
// Expect), persistent connections and the errors that close a connection. Each row is sent on
// a new connection; `pauseAt` > 0 sends the first pauseAt bytes, waits for an interim or final
// answer and only then sends the rest (a client that waits for "100 Continue" or the 413).
class TestHttpParser : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    QByteArray m_token;

    quint16 port() const { return m_fx->service->port(); }

    static void sendInPieces(RawClient &client, const QByteArray &bytes, int piece) {
        for (qsizetype at = 0; at < bytes.size(); at += piece) {
            client.send(bytes.mid(at, piece));
            client.socket.flush();
            // Let the server read this piece before the next one is written.
            QCoreApplication::processEvents();
        }
    }

private Q_SLOTS:
    void initTestCase() {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        QVERIFY(m_fx->start(config));
        const QList<qint64> slots = m_fx->seed(1, 1000);
        QCOMPARE(slots, QList<qint64>({1}));
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        TestHttpClient staff(port());
        m_token = staff.login(QStringLiteral("admin"), adminPassword).toLatin1();
        QVERIFY(!m_token.isEmpty());
    }
    void cleanupTestCase() { m_fx.reset(); }

    void requests_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("piece");   // bytes per write; 0: all in one write
        QTest::addColumn<int>("pauseAt"); // see the class comment; 0: no pause
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<QByteArrayList>("errors"); // JSON "error" of each answer, "" for none
        QTest::addColumn<int>("interim");           // "100 Continue" answers
        QTest::addColumn<bool>("closed");           // the server closed the connection

        const QByteArray big(70 * 1024, 'x'); // over HttpLimits::maxBodyBytes
        const QByteArray overLimitHead = "POST /api/v1/holds HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                         "Content-Type: application/json\r\nContent-Length: " +
                                         QByteArray::number(big.size()) + "\r\n";

        QTest::newRow("one request")
            << health() << 0 << 0 << QList<int>{200} << QByteArrayList{""} << 0 << false;
        QTest::newRow("split into 1-byte writes")
            << hold() << 1 << 0 << QList<int>{201} << QByteArrayList{""} << 0 << false;
        QTest::newRow("split into 7-byte writes")
            << health() + hold() << 7 << 0 << QList<int>{200, 201} << QByteArrayList{"", ""} << 0
            << false;
        QTest::newRow("two pipelined") << health() + hold() << 0 << 0 << QList<int>{200, 201}
                                       << QByteArrayList{"", ""} << 0 << false;
        QTest::newRow("three pipelined")
            << hold() + request("GET", "/nope") + health() << 0 << 0 << QList<int>{201, 404, 200}
            << QByteArrayList{"", "not_found", ""} << 0 << false;
        QTest::newRow("empty line before the request")
            << "\r\n" + health() << 0 << 0 << QList<int>{200} << QByteArrayList{""} << 0 << false;
        QTest::newRow("405 keeps the connection")
            << request("DELETE", "/api/v1/health") << 0 << 0 << QList<int>{405}
            << QByteArrayList{"method_not_allowed"} << 0 << false;
        QTest::newRow("odd-case header names")
            << request("POST", "/api/v1/holds",
                       "cOnTeNt-TyPe: application/json\r\ncontent-length: " +
                           QByteArray::number(holdBody.size()) + "\r\n") +
                   holdBody
            << 0 << 0 << QList<int>{201} << QByteArrayList{""} << 0 << false;
        QTest::newRow("Connection: close") << health("Connection: close\r\n") << 0 << 0
                                           << QList<int>{200} << QByteArrayList{""} << 0 << true;
        QTest::newRow("connection: CLOSE ends pipelining")
            << health("connection: CLOSE\r\n") + health() << 0 << 0 << QList<int>{200}
            << QByteArrayList{""} << 0 << true;
        QTest::newRow("HTTP/1.0 closes")
            << request("GET", "/api/v1/health", {}, {}, "HTTP/1.0") << 0 << 0 << QList<int>{200}
            << QByteArrayList{""} << 0 << true;
        QTest::newRow("HTTP/1.0 keep-alive")
            << request("GET", "/api/v1/health", "Connection: keep-alive\r\n", {}, "HTTP/1.0") << 0
            << 0 << QList<int>{200} << QByteArrayList{""} << 0 << false;
        QTest::newRow("Expect: 100-continue")
            << hold("Expect: 100-continue\r\n") << 0
            << int(hold("Expect: 100-continue\r\n").size() - holdBody.size()) << QList<int>{201}
            << QByteArrayList{""} << 1 << false;
        QTest::newRow("body over the limit, answered before it is sent")
            << overLimitHead + "\r\n" + big << 0 << int(overLimitHead.size() + 2) << QList<int>{413}
            << QByteArrayList{"body_too_large"} << 0 << true;
        QTest::newRow("body over the limit with Expect: no 100")
            << overLimitHead + "Expect: 100-continue\r\n\r\n" + big << 0
            << int(overLimitHead.size() + 24) << QList<int>{413} << QByteArrayList{"body_too_large"}
            << 0 << true;
        QTest::newRow("header block too large")
            << health("X-Filler: " + QByteArray(20000, 'a') + "\r\n") << 0 << 0 << QList<int>{431}
            << QByteArrayList{"headers_too_large"} << 0 << true;
        QTest::newRow("header block too large, never ended")
            << "GET /api/v1/health HTTP/1.1\r\nX-Filler: " + QByteArray(17000, 'a') << 0 << 0
            << QList<int>{431} << QByteArrayList{"headers_too_large"} << 0 << true;
        QTest::newRow("Content-Length not a number")
            << request("POST", "/api/v1/holds", "Content-Length: abc\r\n") << 0 << 0
            << QList<int>{400} << QByteArrayList{"invalid_content_length"} << 0 << true;
        QTest::newRow("Content-Length negative")
            << request("POST", "/api/v1/holds", "Content-Length: -1\r\n") << 0 << 0
            << QList<int>{400} << QByteArrayList{"invalid_content_length"} << 0 << true;
        QTest::newRow("two different Content-Lengths")
            << request("POST", "/api/v1/holds", "Content-Length: 13\r\nContent-Length: 12\r\n") +
                   holdBody
            << 0 << 0 << QList<int>{400} << QByteArrayList{"invalid_content_length"} << 0 << true;
        QTest::newRow("chunked body refused")
            << request("POST", "/api/v1/holds",
                       "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n") +
                   "d\r\n" + holdBody + "\r\n0\r\n\r\n"
            << 0 << 0 << QList<int>{411} << QByteArrayList{"length_required"} << 0 << true;
        QTest::newRow("request line without version")
            << QByteArray("GET /api/v1/health\r\n\r\n") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"malformed_request"} << 0 << true;
        QTest::newRow("request line with two spaces")
            << QByteArray("GET  /api/v1/health HTTP/1.1\r\n\r\n") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"malformed_request"} << 0 << true;
        QTest::newRow("target not a path")
            << request("GET", "api/v1/health") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"malformed_request"} << 0 << true;
        QTest::newRow("unknown method")
            << request("BREW", "/api/v1/health") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"unknown_method"} << 0 << true;
        QTest::newRow("header line without colon")
            << health("NoColonHere\r\n") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"malformed_request"} << 0 << true;
        QTest::newRow("folded header line")
            << health("X-A: b\r\n c\r\n") << 0 << 0 << QList<int>{400}
            << QByteArrayList{"malformed_request"} << 0 << true;
        QTest::newRow("HTTP/2.0") << request("GET", "/api/v1/health", {}, {}, "HTTP/2.0") << 0 << 0
                                  << QList<int>{505} << QByteArrayList{"http_version_not_supported"}
                                  << 0 << true;
        QTest::newRow("WebSocket upgrade without token")
            << webSocketHandshake("/api/v1/stream?after=0") << 0 << 0 << QList<int>{401}
            << QByteArrayList{"missing_token"} << 0 << true;
        QTest::newRow("WebSocket upgrade on a plain path")
            << webSocketHandshake("/api/v1/health") << 0 << 0 << QList<int>{404}
            << QByteArrayList{"not_found"} << 0 << true;
        QTest::newRow("answers before a bad request are kept")
            << health() + "BREW / HTTP/1.1\r\n\r\n"
            << 0 << 0 << QList<int>{200, 400} << QByteArrayList{"", "unknown_method"} << 0 << true;
    }

    void requests() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, piece);
        QFETCH(int, pauseAt);
        QFETCH(QList<int>, statuses);
        QFETCH(QByteArrayList, errors);
        QFETCH(int, interim);
        QFETCH(bool, closed);

        RawClient client(port());
        QTRY_VERIFY(client.connected());
        const QByteArray first = pauseAt > 0 ? bytes.first(pauseAt) : bytes;
        if (piece > 0)
            sendInPieces(client, first, piece);
        else
            client.send(first);
        if (pauseAt > 0) {
            QTRY_VERIFY(client.interimAnswers + client.answers.size() > 0);
            client.send(bytes.sliced(pauseAt));
        }
        QTRY_COMPARE(client.answers.size(), statuses.size());
        QCOMPARE(client.interimAnswers, interim);
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            QCOMPARE(client.answers.at(i).status, statuses.at(i));
            QCOMPARE(client.answers.at(i).error().toLatin1(), errors.at(i));
        }
        if (closed) {
            QVERIFY(client.answers.constLast().closes());
            QTRY_VERIFY(client.closed);
        } else {
            // Still open: the same connection answers another request.
            QVERIFY(!client.answers.constLast().closes());
            client.send(health());
            QTRY_COMPARE(client.answers.size(), statuses.size() + 1);
            QCOMPARE(client.answers.constLast().status, 200);
            QVERIFY(!client.closed);
        }
        QCOMPARE(m_fx->service->http().queuedAnswers(), 0);
    }

    void webSocketUpgradeBehindOtherRequests_data() {
        QTest::addColumn<int>("piece");
        QTest::newRow("one write") << 0;
        QTest::newRow("1-byte writes") << 1;
    }

    // The handshake reaches the WebSocket server whole although earlier requests on the same
    // connection were read in the same reads (the socket is rolled back to its first byte).
    void webSocketUpgradeBehindOtherRequests() {
        QFETCH(int, piece);
        RawClient client(port());
        QTRY_VERIFY(client.connected());
        const QByteArray bytes =
            health() + hold() + webSocketHandshake("/api/v1/stream?after=0&token=" + m_token);
        if (piece > 0)
            sendInPieces(client, bytes, piece);
        else
            client.send(bytes);
        QTRY_COMPARE(client.answers.size(), 3);
        QCOMPARE(client.answers.at(0).status, 200);
        QCOMPARE(client.answers.at(1).status, 201);
        QCOMPARE(client.answers.at(2).status, 101);
        QTRY_COMPARE(m_fx->service->staff().stream().sessionCount(), 1);
        client.socket.abort();
        QTRY_COMPARE(m_fx->service->staff().stream().sessionCount(), 0);
    }

    void clientGoneMidRequest_data() {
        QTest::addColumn<QByteArray>("partial");
        QTest::newRow("inside the request line") << QByteArray("GET /api/v1/hea");
        QTest::newRow("inside the headers") << QByteArray("GET /api/v1/health HTTP/1.1\r\nHo");
        QTest::newRow("inside the body") << hold().chopped(5);
    }

    // The server drops the half request with the connection and goes on serving.
    void clientGoneMidRequest() {
        QFETCH(QByteArray, partial);
        {
            RawClient gone(port());
            QTRY_VERIFY(gone.connected());
            gone.send(partial);
            gone.socket.flush();
            QCoreApplication::processEvents();
            gone.socket.abort();
        }
        RawClient next(port());
        QTRY_VERIFY(next.connected());
        next.send(health());
        QTRY_COMPARE(next.answers.size(), 1);
        QCOMPARE(next.answers.constFirst().status, 200);
        QCOMPARE(next.interimAnswers, 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "TestHttpParser.moc"

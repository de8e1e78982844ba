#include "service/http/HttpRequestHead.h"

#include <QTest>

using namespace slotdesk;

// The pure parts of our HTTP parser: where a header block ends, and what parseRequestHead()
// takes from it. Framing over real sockets is in tests/integration/TestHttpParser.cpp.
class TestHttpRequestHead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headEnd_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("end");
        QTest::newRow("empty") << QByteArray() << 0 << -1;
        QTest::newRow("only CRLF") << QByteArray("\r\n") << 0 << -1;
        QTest::newRow("exact") << QByteArray("\r\n\r\n") << 0 << 0;
        QTest::newRow("after a line") << QByteArray("GET / HTTP/1.1\r\n\r\nbody") << 0 << 14;
        QTest::newRow("CR CR LF") << QByteArray("a\r\n\r\r\n\r\n") << 0 << 4;
        QTest::newRow("bare LFs do not end it") << QByteArray("a\n\nb\r\n") << 0 << -1;
        QTest::newRow("cut before the last LF") << QByteArray("a\r\n\r") << 0 << -1;
        QTest::newRow("search resumes at from") << QByteArray("\r\n\r\nx\r\n\r\n") << 1 << 5;
    }
    void headEnd() {
        QFETCH(QByteArray, text);
        QFETCH(int, from);
        QFETCH(int, end);
        QCOMPARE(findHeadEnd(text, from), qsizetype(end));
    }

    void parses() {
        HttpRequestHead head;
        HttpHeadError error;
        QVERIFY(parseRequestHead("POST /api/v1/holds?x=1&y=%20 HTTP/1.1\r\nHost: a\r\n"
                                 "content-LENGTH:  13 \r\nX-Empty:\r\nConnection: keep-alive, "
                                 "Close\r\nExpect: 100-Continue",
                                 &head, &error));
        QCOMPARE(head.method, QHttpServerRequest::Method::Post);
        QCOMPARE(head.pathPart(), QByteArrayView("/api/v1/holds"));
        QCOMPARE(head.queryPart(), QByteArrayView("x=1&y=%20"));
        QCOMPARE(head.contentLength, 13);
        QVERIFY(!head.keepAlive); // "close" among the Connection tokens wins
        QVERIFY(head.expectContinue);
        QCOMPARE(head.header("HOST"), QByteArrayView("a"));
        QCOMPARE(head.header("Content-Length"), QByteArrayView("13"));
        QVERIFY(head.header("x-empty").isEmpty());
        QVERIFY(!head.header("x-empty").isNull()); // present, empty
        QVERIFY(head.header("Missing").isNull());
    }

    void refuses_data() {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        const QString malformed = QStringLiteral("malformed_request");
        QTest::newRow("no target") << QByteArray("GET HTTP/1.1") << 400 << malformed;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1") << 400 << malformed;
        QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2") << 505
                                  << QStringLiteral("http_version_not_supported");
        QTest::newRow("control byte in target")
            << QByteArray("GET /a\x01 HTTP/1.1") << 400 << malformed;
        QTest::newRow("lower-case method")
            << QByteArray("get / HTTP/1.1") << 400 << QStringLiteral("unknown_method");
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : a") << 400 << malformed;
        QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: a") << 400 << malformed;
        QTest::newRow("NUL in value")
            << QByteArray("GET / HTTP/1.1\r\nX: a\0b", 22) << 400 << malformed;
        QTest::newRow("Content-Length with plus")
            << QByteArray("GET / HTTP/1.1\r\nContent-Length: +5") << 400
            << QStringLiteral("invalid_content_length");
        QTest::newRow("Content-Length too long")
            << QByteArray("GET / HTTP/1.1\r\nContent-Length: 1234567890123456789") << 400
            << QStringLiteral("invalid_content_length");
        QTest::newRow("Content-Length list") << QByteArray("GET / HTTP/1.1\r\nContent-Length: 5, 5")
                                             << 400 << QStringLiteral("invalid_content_length");
        QTest::newRow("Transfer-Encoding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked") << 411
            << QStringLiteral("length_required");
        QTest::newRow("other expectation") << QByteArray("POST / HTTP/1.1\r\nExpect: 200-ok") << 417
                                           << QStringLiteral("expectation_failed");
    }
    void refuses() {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QFETCH(QString, reason);
        HttpRequestHead parsed;
        HttpHeadError error;
        QVERIFY(!parseRequestHead(head, &parsed, &error));
        QCOMPARE(int(error.status), status);
        QCOMPARE(error.reason, reason);
        QVERIFY(!error.message.isEmpty());
    }

    void sameLengthTwiceIsAccepted() {
        HttpRequestHead head;
        HttpHeadError error;
        QVERIFY(parseRequestHead("POST / HTTP/1.1\r\nContent-Length: 7\r\nContent-Length: 7", &head,
                                 &error));
        QCOMPARE(head.contentLength, 7);
    }

    void http10KeepAliveOnlyWhenAsked() {
        HttpRequestHead plain;
        HttpRequestHead asked;
        HttpHeadError error;
        QVERIFY(parseRequestHead("GET / HTTP/1.0", &plain, &error));
        QVERIFY(parseRequestHead("GET / HTTP/1.0\r\nConnection: Keep-Alive", &asked, &error));
        QVERIFY(plain.http10 && !plain.keepAlive);
        QVERIFY(asked.keepAlive);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "TestHttpRequestHead.moc"

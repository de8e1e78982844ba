// ResponseSerialiser: the bytes an answer leaves the service as.
#include "service/http/ResponseSerialiser.h"

#include <QRegularExpression>
#include <QTest>

using namespace slotdesk;

class TestResponseSerialiser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonAnswerCarriesTheCommonHeaders() {
        ResponseSerialiser serialiser(QByteArrayLiteral("slotdesk-service/test"));
        const QByteArray bytes = serialiser.serialiseJson(201, QByteArrayLiteral("{\"a\":1}"));
        QVERIFY2(bytes.startsWith("HTTP/1.1 201 Created\r\n"), bytes.constData());
        QVERIFY(bytes.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Length: 7\r\n"));
        QVERIFY(bytes.contains("\r\nServer: slotdesk-service/test\r\n"));
        QVERIFY(bytes.contains("\r\nCache-Control: no-store"));
        QVERIFY(bytes.endsWith("\r\n\r\n{\"a\":1}"));
        const qsizetype date = bytes.indexOf("\r\nDate: ");
        QVERIFY(date > 0);
        // RFC 9110 IMF-fixdate, always in English.
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
                                                   "\\d{2}:\\d{2}:\\d{2} GMT$"))
                     .match(QString::fromLatin1(
                         bytes.mid(date + 8, bytes.indexOf("\r\n", date + 2) - date - 8)))
                     .hasMatch(),
                 bytes.constData());
        QVERIFY(serialiser.dateSecond() > 0);
    }

    void onlyKnownHeadersAreSent() {
        ResponseSerialiser serialiser(QByteArrayLiteral("s"));
        QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArrayLiteral("busy"),
                                     QHttpServerResponse::StatusCode::TooManyRequests);
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30"));
        response.setHeader(QByteArrayLiteral("X-Secret"), QByteArrayLiteral("leak"));
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=2"));
        const QByteArray bytes = serialiser.serialise(std::move(response));
        QVERIFY(bytes.startsWith("HTTP/1.1 429 Too Many Requests\r\n"));
        QVERIFY(bytes.contains("\r\nRetry-After: 30"));
        QVERIFY(bytes.contains("\r\nCache-Control: max-age=2"));
        QVERIFY(!bytes.contains("X-Secret"));
        QVERIFY(bytes.endsWith("\r\n\r\nbusy"));
    }

    void closingAnswerSaysSoAfterTheStatusLine() {
        ResponseSerialiser serialiser(QByteArrayLiteral("s"));
        const QByteArray bytes =
            ResponseSerialiser::withConnectionClose(serialiser.serialiseJson(503, "{}"));
        QVERIFY2(bytes.startsWith("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"),
                 bytes.constData());
        QCOMPARE(ResponseSerialiser::withConnectionClose(QByteArrayLiteral("garbage")),
                 QByteArrayLiteral("garbage"));
    }
};

QTEST_GUILESS_MAIN(TestResponseSerialiser)
#include "TestResponseSerialiser.moc"

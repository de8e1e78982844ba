// JSON text the service writes by hand on its hot paths (booking answers, event payloads, stream
// messages): whatever the input, a standard parser must read back exactly what went in.
#include "models/booking/Event.h"
#include "service/http/JsonResponse.h"
#include "service/staff/stream/EventStream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

class TestJsonText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stringRoundTrips_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << u"Mustermann"_s;
        QTest::newRow("umlauts") << u"Jürgen Müller-Öztürk ß"_s;
        QTest::newRow("quote") << u"O\"Brien"_s;
        QTest::newRow("backslash at the end") << u"C:\\"_s;
        QTest::newRow("only escapes") << u"\"\\\"\\"_s;
        QTest::newRow("control characters") << u"a\nb\tc\u0001d\u001f"_s;
        QTest::newRow("surrogate pair") << u"Impf\U0001F489termin"_s;
        QTest::newRow("escape first and last") << u"\nmiddle\""_s;
    }
    void stringRoundTrips() {
        QFETCH(QString, text);
        QByteArray json = "{\"v\":";
        appendJsonString(json, text);
        json.append('}');
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(u"v"_s).toString(), text);
        // Nothing below U+0020 is written raw (RFC 8259).
        for (const char c : json)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, json.constData());
    }

    void streamMessageKeepsStoredPayload() {
        Event event;
        event.seq = 42;
        event.at = 1767945600; // 2026-01-09T08:00:00Z
        event.type = u"booking.confirmed"_s;
        event.payload = QByteArrayLiteral(
            R"({"centre_id":1,"channel":"online","code":"K7QM-2XW9-P","service":"pcr"})");
        const QJsonObject message = QJsonDocument::fromJson(streamMessage(event).toUtf8()).object();
        QCOMPARE(message.value(u"seq"_s).toInteger(), 42);
        QCOMPARE(message.value(u"type"_s).toString(), event.type);
        QCOMPARE(message.value(u"at"_s).toString(), u"2026-01-09T08:00:00Z"_s);
        QCOMPARE(message.value(u"payload"_s).toObject().value(u"code"_s).toString(),
                 u"K7QM-2XW9-P"_s);

        // An event without payload still streams a valid object.
        event.payload.clear();
        const QJsonDocument empty = QJsonDocument::fromJson(streamMessage(event).toUtf8());
        QVERIFY(empty.isObject());
        QVERIFY(empty.object().value(u"payload"_s).toObject().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "TestJsonText.moc"

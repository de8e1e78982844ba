#include "models/booking/BookingCode.h"
#include "models/booking/Event.h"
#include "net/QrPayload.h"
#include "service/EventHub.h"
#include "service/booking/SigningKey.h"
#include "service/citizen/CitizenController.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

QJsonObject person(const QString &holdId, const QString &family = QStringLiteral("Müller"),
                   const QString &given = QStringLiteral("Anna")) {
    return QJsonObject{{QStringLiteral("hold_id"), holdId},
                       {QStringLiteral("family_name"), family},
                       {QStringLiteral("given_name"), given},
                       {QStringLiteral("birth_date"), QStringLiteral("1980-05-17")},
                       {QStringLiteral("phone"), QStringLiteral("0170 1234567")}};
}

const QPair<QByteArray, QByteArray> birthDate{"Birth-Date", "1980-05-17"};

QJsonObject holdBody(qint64 slotId) {
    return QJsonObject{{QStringLiteral("slot_id"), slotId},
                       {QStringLiteral("service"), QStringLiteral("pcr")}};
}

// A hold that names its person (as the person() of the confirm does).
QJsonObject namedHoldBody(qint64 slotId, const QString &family = QStringLiteral("Müller")) {
    QJsonObject body = holdBody(slotId);
    body.insert(QStringLiteral("family_name"), family);
    body.insert(QStringLiteral("given_name"), QStringLiteral("Anna"));
    body.insert(QStringLiteral("birth_date"), QStringLiteral("1980-05-17"));
    return body;
}

} // namespace

class TestCitizenFlow : public QObject {
    Q_OBJECT

private:
    // Free places of a slot as the public availability answer shows them.
    static int publicFree(TestHttpClient &client, qint64 centreId, qint64 slotId) {
        const HttpReply reply = client.get(
            QStringLiteral(
                "/api/v1/centres/%1/availability?service=pcr&from=2026-03-03&to=2026-03-03")
                .arg(centreId));
        const QJsonArray days = reply.json.value(QStringLiteral("days")).toArray();
        for (const QJsonValue &day : days) {
            const QJsonArray slots = day.toObject().value(QStringLiteral("slots")).toArray();
            for (const QJsonValue &slot : slots) {
                if (slot.toObject().value(QStringLiteral("id")).toInteger() == slotId)
                    return slot.toObject().value(QStringLiteral("free")).toInt();
            }
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { pinLocale(); }

    void commonHeadersAnd405() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        TestHttpClient client(fx.service->port());
        const HttpReply health = client.get(QStringLiteral("/api/v1/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(health.header("Date").endsWith("GMT"));
        QVERIFY(health.header("Server").startsWith("slotdesk-service/"));
        QCOMPARE(health.header("Cache-Control"), QByteArray("no-store"));

        const HttpReply wrongMethod = client.call("PUT", QStringLiteral("/api/v1/holds"), "{}");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.error(), QStringLiteral("method_not_allowed"));
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        const HttpReply wrongMethod2 =
            client.call("POST", QStringLiteral("/api/v1/bookings/ABC"), "{}");
        QCOMPARE(wrongMethod2.status, 405);
        QCOMPARE(wrongMethod2.header("Allow"), QByteArray("GET, DELETE"));

        const HttpReply missing = client.get(QStringLiteral("/api/v1/nothing-here"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.error(), QStringLiteral("not_found"));
    }

    void citizenFlow() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        const QList<qint64> slots = fx.seed(4, 3);
        QCOMPARE(slots.size(), 4);
        TestHttpClient client(fx.service->port());
        QSignalSpy events(&fx.service->eventHub(), &EventHub::eventsCommitted);

        const HttpReply centres = client.get(QStringLiteral("/api/v1/centres"));
        QCOMPARE(centres.status, 200);
        const QJsonArray list = centres.json.value(QStringLiteral("centres")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("services")).toArray().at(0).toString(),
                 QStringLiteral("pcr"));

        const HttpReply availability = client.get(
            QStringLiteral("/api/v1/centres/%1/availability?service=pcr").arg(fx.centreId));
        QCOMPARE(availability.status, 200);
        const QJsonArray days = availability.json.value(QStringLiteral("days")).toArray();
        QCOMPARE(days.size(), 1);
        QCOMPARE(days.at(0).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-03-03"));
        QCOMPARE(days.at(0).toObject().value(QStringLiteral("free")).toInt(), 12);
        QCOMPARE(days.at(0)
                     .toObject()
                     .value(QStringLiteral("slots"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("starts_at"))
                     .toString(),
                 QStringLiteral("2026-03-03T09:00:00+01:00"));

        const HttpReply hold = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(hold.status, 201);
        const QString holdId = hold.json.value(QStringLiteral("hold_id")).toString();
        QVERIFY(!holdId.isEmpty());
        QCOMPARE(hold.json.value(QStringLiteral("expires_at")).toString(),
                 QStringLiteral("2026-03-02T07:10:00Z"));
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 2);

        const HttpReply booked = client.post(QStringLiteral("/api/v1/bookings"), person(holdId));
        QCOMPARE(booked.status, 201);
        const QString code = booked.json.value(QStringLiteral("code")).toString();
        QVERIFY2(BookingCode::parse(code).has_value(), qPrintable(code));
        QCOMPARE(code.size(), 13);
        QCOMPARE(booked.json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 2);
        QCOMPARE(
            fx.scalar(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(slots.at(0))),
            1);

        // The QR verifies offline with the published key, and not after tampering.
        const HttpReply key = client.get(QStringLiteral("/api/v1/public-key"));
        QCOMPARE(key.status, 200);
        const QByteArray publicKey = QByteArray::fromBase64(
            key.json.value(QStringLiteral("public_key")).toString().toLatin1());
        const QString qr = booked.json.value(QStringLiteral("qr"))
                               .toObject()
                               .value(QStringLiteral("text"))
                               .toString();
        QVERIFY(QrPayload::verify(qr, publicKey));
        QString forged = qr;
        forged.replace(QStringLiteral(":pcr:"), QStringLiteral(":vaccine_comirnaty:"));
        QVERIFY(!QrPayload::verify(forged, publicKey));

        // Lookup accepts the code in any spelling.
        const HttpReply lookedUp =
            client.call("GET", u"/api/v1/bookings/" % code.toLower().remove(u'-'), {}, {birthDate});
        QCOMPARE(lookedUp.status, 200);
        QCOMPARE(lookedUp.json.value(QStringLiteral("code")).toString(), code);

        const HttpReply cancelled =
            client.call("DELETE", u"/api/v1/bookings/" % code, {}, {birthDate});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 3);
        QCOMPARE(
            fx.scalar(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(slots.at(0))),
            0);
        const HttpReply again = client.call("DELETE", u"/api/v1/bookings/" % code, {}, {birthDate});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.error(), QStringLiteral("booking_not_active"));

        // Events: confirmed then cancelled, committed and published with consecutive seqs.
        QCOMPARE(events.count(), 2);
        const Event first = events.at(0).at(0).value<QList<Event>>().at(0);
        const Event second = events.at(1).at(0).value<QList<Event>>().at(0);
        QCOMPARE(first.type, QStringLiteral("booking.confirmed"));
        QCOMPARE(second.type, QStringLiteral("booking.cancelled"));
        QCOMPARE(second.seq, first.seq + 1);
        QCOMPARE(
            fx.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type LIKE 'booking.%'")),
            2);
    }

    void holdExpiry() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        const QList<qint64> slots = fx.seed(1, 1);
        TestHttpClient client(fx.service->port());
        const HttpReply first = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(first.status, 201);
        const HttpReply full = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(full.status, 409);
        QCOMPARE(full.error(), QStringLiteral("slot_full"));

        fx.clock.advance(599);
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0))).status, 409);
        fx.clock.advance(1);
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 1);
        const HttpReply second =
            client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(second.status, 201);

        const HttpReply late =
            client.post(QStringLiteral("/api/v1/bookings"),
                        person(first.json.value(QStringLiteral("hold_id")).toString()));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.error(), QStringLiteral("hold_expired"));
        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 0);

        // Releasing a hold gives the place back at once.
        const HttpReply released = client.call(
            "DELETE", u"/api/v1/holds/" % second.json.value(QStringLiteral("hold_id")).toString());
        QCOMPARE(released.status, 204);
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 1);
    }

    void idempotentRetries() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        const QList<qint64> slots = fx.seed(1, 5);
        TestHttpClient client(fx.service->port());
        const HttpHeaders holdKey{{"Idempotency-Key", "hold-1"}};
        const HttpReply hold1 =
            client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)), holdKey);
        const HttpReply hold2 =
            client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)), holdKey);
        QCOMPARE(hold1.status, 201);
        QCOMPARE(hold2.status, 201);
        QCOMPARE(hold2.body, hold1.body);
        QCOMPARE(hold2.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(publicFree(client, fx.centreId, slots.at(0)), 4);

        const QString holdId = hold1.json.value(QStringLiteral("hold_id")).toString();
        const HttpHeaders bookKey{{"Idempotency-Key", "book-1"}};
        const HttpReply book1 =
            client.post(QStringLiteral("/api/v1/bookings"), person(holdId), bookKey);
        const HttpReply book2 =
            client.post(QStringLiteral("/api/v1/bookings"), person(holdId), bookKey);
        QCOMPARE(book1.status, 201);
        QCOMPARE(book2.status, 201);
        QCOMPARE(book2.body, book1.body);

        const HttpReply reused = client.post(QStringLiteral("/api/v1/bookings"),
                                             person(holdId, QStringLiteral("Schmidt")), bookKey);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.error(), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);

        // The confirm's answer is durable: a retry after a restart gets the same answer.
        fx.stop();
        QVERIFY(fx.start());
        TestHttpClient after(fx.service->port());
        const HttpReply book3 =
            after.post(QStringLiteral("/api/v1/bookings"), person(holdId), bookKey);
        QCOMPARE(book3.status, 201);
        QCOMPARE(book3.body, book1.body);
        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
        QCOMPARE(fx.scalar(QStringLiteral("SELECT booked FROM slots")), 1);
    }

    void onePersonOneBooking() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        const QList<qint64> slots = fx.seed(2, 2);
        TestHttpClient client(fx.service->port());
        const HttpReply h1 = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        const HttpReply h2 = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(1)));
        const HttpReply b1 =
            client.post(QStringLiteral("/api/v1/bookings"),
                        person(h1.json.value(QStringLiteral("hold_id")).toString()));
        QCOMPARE(b1.status, 201);
        // Second device: other spelling of the same name and phone number.
        QJsonObject same = person(h2.json.value(QStringLiteral("hold_id")).toString(),
                                  QStringLiteral("  MÜLLER "), QStringLiteral("anna"));
        same.insert(QStringLiteral("phone"), QStringLiteral("+49 170 1234567"));
        const HttpReply b2 = client.post(QStringLiteral("/api/v1/bookings"), same);
        QCOMPARE(b2.status, 409);
        QCOMPARE(b2.error(), QStringLiteral("already_booked"));
        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
        // The second hold was released: its slot is fully free again.
        QCOMPARE(publicFree(client, fx.centreId, slots.at(1)), 2);
        // Another person is not merged.
        const HttpReply h3 = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(1)));
        const HttpReply b3 = client.post(QStringLiteral("/api/v1/bookings"),
                                         person(h3.json.value(QStringLiteral("hold_id")).toString(),
                                                QStringLiteral("Müller"), QStringLiteral("Jan")));
        QCOMPARE(b3.status, 201);
    }

    void noOverbookingUnderConcurrency() {
        ServiceFixture fx;
        QVERIFY(fx.start());
        const int capacity = 5;
        const QList<qint64> slots = fx.seed(1, capacity);
        constexpr int clients = 40;
        std::vector<std::unique_ptr<TestHttpClient>> pool;
        QList<QNetworkReply *> holds;
        for (int i = 0; i < clients; ++i) {
            pool.push_back(std::make_unique<TestHttpClient>(fx.service->port()));
            holds.append(pool.back()->start(
                "POST", QStringLiteral("/api/v1/holds"),
                QJsonDocument(holdBody(slots.at(0))).toJson(QJsonDocument::Compact)));
        }
        QList<QNetworkReply *> confirms;
        int holdsGranted = 0;
        for (int i = 0; i < clients; ++i) {
            const HttpReply hold = TestHttpClient::finish(holds.at(i));
            QVERIFY(hold.status == 201 || hold.status == 409);
            if (hold.status != 201)
                continue;
            ++holdsGranted;
            confirms.append(pool.at(size_t(i))->start(
                "POST", QStringLiteral("/api/v1/bookings"),
                QJsonDocument(person(hold.json.value(QStringLiteral("hold_id")).toString(),
                                     QStringLiteral("Person %1").arg(i)))
                    .toJson(QJsonDocument::Compact)));
        }
        int confirmed = 0;
        for (QNetworkReply *reply : std::as_const(confirms))
            confirmed += TestHttpClient::finish(reply).status == 201 ? 1 : 0;
        QCOMPARE(holdsGranted, capacity);
        QCOMPARE(confirmed, capacity);
        QCOMPARE(
            fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE state = 'confirmed'")),
            qint64(capacity));
        QCOMPARE(fx.scalar(QStringLiteral("SELECT booked FROM slots")), qint64(capacity));
    }

    void badInputs_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        const QByteArray json = "application/json";
        const QString bookings = QStringLiteral("/api/v1/bookings");
        const QString holds = QStringLiteral("/api/v1/holds");
        const QByteArray good = "\"family_name\":\"A\",\"given_name\":\"B\",\"birth_date\":\"1990-"
                                "01-01\",\"phone\":\"0301234567\"";
        QTest::newRow("malformed json") << QByteArray("POST") << holds << json
                                        << QByteArray("{\"slot_id\": ") << 400 << "malformed_json"
                                        << "";
        QTest::newRow("not an object")
            << QByteArray("POST") << holds << json << QByteArray("[1]") << 400 << "wrong_type"
            << "";
        QTest::newRow("invalid utf-8")
            << QByteArray("POST") << bookings << json
            << QByteArray("{\"hold_id\":\"x\",\"family_name\":\"M\xc3\x28ller\"}") << 400
            << "invalid_utf8"
            << "";
        QTest::newRow("not json") << QByteArray("POST") << holds << QByteArray("text/plain")
                                  << QByteArray("slot_id=1") << 415 << "unsupported_media_type"
                                  << "";
        QTest::newRow("wrong type") << QByteArray("POST") << holds << json
                                    << QByteArray("{\"slot_id\":\"1\"}") << 400 << "wrong_type"
                                    << "slot_id";
        QTest::newRow("fraction") << QByteArray("POST") << holds << json
                                  << QByteArray("{\"slot_id\":1.5}") << 400 << "wrong_type"
                                  << "slot_id";
        QTest::newRow("unknown field")
            << QByteArray("POST") << holds << json << QByteArray("{\"slot_id\":1,\"seats\":3}")
            << 400 << "unknown_field"
            << "seats";
        QTest::newRow("missing field")
            << QByteArray("POST") << holds << json << QByteArray("{}") << 400 << "missing_field"
            << "slot_id";
        QTest::newRow("unknown slot") << QByteArray("POST") << holds << json
                                      << QByteArray("{\"slot_id\":999}") << 404 << "slot_not_found"
                                      << "slot_id";
        QTest::newRow("birth date in future")
            << QByteArray("POST") << bookings << json
            << QByteArray("{\"hold_id\":\"h\",\"family_name\":\"A\",\"given_name\":\"B\",\"birth_"
                          "date\":\"2030-01-01\",\"phone\":\"0301234567\"}")
            << 400 << "out_of_range"
            << "birth_date";
        QTest::newRow("birth date invalid")
            << QByteArray("POST") << bookings << json
            << QByteArray("{\"hold_id\":\"h\",\"family_name\":\"A\",\"given_name\":\"B\",\"birth_"
                          "date\":\"1990-02-30\",\"phone\":\"0301234567\"}")
            << 400 << "invalid_date"
            << "birth_date";
        QTest::newRow("no contact")
            << QByteArray("POST") << bookings << json
            << QByteArray("{\"hold_id\":\"h\",\"family_name\":\"A\",\"given_name\":\"B\",\"birth_"
                          "date\":\"1990-01-01\"}")
            << 400 << "missing_field"
            << "phone";
        QTest::newRow("bad email")
            << QByteArray("POST") << bookings << json
            << QByteArray("{\"hold_id\":\"h\",\"family_name\":\"A\",\"given_name\":\"B\",\"birth_"
                          "date\":\"1990-01-01\",\"email\":\"nope\"}")
            << 400 << "invalid_value"
            << "email";
        QTest::newRow("unknown hold")
            << QByteArray("POST") << bookings << json
            << (QByteArray("{\"hold_id\":\"h\",") + good + "}") << 404 << "hold_not_found"
            << "hold_id";
        QTest::newRow("name too long")
            << QByteArray("POST") << bookings << json
            << (QByteArray("{\"hold_id\":\"h\",\"family_name\":\"") + QByteArray(101, 'x') +
                "\",\"given_name\":\"B\",\"birth_date\":\"1990-01-01\",\"phone\":\"0301234567\"}")
            << 400 << "too_long"
            << "family_name";
        QTest::newRow("body too large")
            << QByteArray("POST") << bookings << json
            << (QByteArray("{\"hold_id\":\"") + QByteArray(70000, 'x') + "\"}") << 413
            << "body_too_large"
            << "";
        QTest::newRow("bad code") << QByteArray("GET")
                                  << QStringLiteral("/api/v1/bookings/ABCD-EFGH-JKM")
                                  << QByteArray() << QByteArray() << 400 << "invalid_code"
                                  << "code";
        QTest::newRow("no birth date")
            << QByteArray("DELETE") << (u"/api/v1/bookings/" % BookingCode::fromBits(12345))
            << QByteArray() << QByteArray() << 400 << "missing_birth_date"
            << "Birth-Date";
        QTest::newRow("unknown centre")
            << QByteArray("GET") << QStringLiteral("/api/v1/centres/77/availability?service=pcr")
            << QByteArray() << QByteArray() << 404 << "centre_not_found"
            << "id";
        QTest::newRow("range too long")
            << QByteArray("GET")
            << QStringLiteral(
                   "/api/v1/centres/1/availability?service=pcr&from=2026-03-02&to=2026-05-02")
            << QByteArray() << QByteArray() << 400 << "out_of_range"
            << "to";
        QTest::newRow("date out of range")
            << QByteArray("GET")
            << QStringLiteral("/api/v1/centres/1/availability?service=pcr&from=2099-01-01")
            << QByteArray() << QByteArray() << 400 << "out_of_range"
            << "from";
        QTest::newRow("bad query date")
            << QByteArray("GET")
            << QStringLiteral("/api/v1/centres/1/availability?service=pcr&from=tomorrow")
            << QByteArray() << QByteArray() << 400 << "invalid_date"
            << "from";
        QTest::newRow("unknown parameter")
            << QByteArray("GET")
            << QStringLiteral("/api/v1/centres/1/availability?service=pcr&limit=3") << QByteArray()
            << QByteArray() << 400 << "unknown_parameter"
            << "limit";
        QTest::newRow("service not offered")
            << QByteArray("GET")
            << QStringLiteral("/api/v1/centres/1/availability?service=vaccine_comirnaty")
            << QByteArray() << QByteArray() << 404 << "service_not_offered"
            << "service";
        QTest::newRow("unknown hold release")
            << QByteArray("DELETE") << QStringLiteral("/api/v1/holds/nope") << QByteArray()
            << QByteArray() << 404 << "hold_not_found"
            << "hold_id";
    }

    void badInputs() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        ServiceFixture fx;
        QVERIFY(fx.start());
        const QList<qint64> slots = fx.seed(1, 2);
        QCOMPARE(fx.centreId, 1);
        TestHttpClient client(fx.service->port());
        // One real booking and one hold exist, so "changes nothing" has something to lose.
        const HttpReply hold = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(client
                     .post(QStringLiteral("/api/v1/bookings"),
                           person(hold.json.value(QStringLiteral("hold_id")).toString()))
                     .status,
                 201);
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0))).status, 201);
        const qint64 eventsBefore = fx.scalar(QStringLiteral("SELECT COUNT(*) FROM events"));

        const HttpReply reply = client.call(method, path, body, {}, contentType);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.error(), reason);
        QCOMPARE(reply.json.value(QStringLiteral("field")).toString(), field);
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());

        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
        QCOMPARE(fx.scalar(QStringLiteral("SELECT booked FROM slots")), 1);
        QCOMPARE(fx.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), eventsBefore);
        QCOMPARE(fx.service->engine().freePlaces(slots.at(0)), 0);
    }

    void codeLookupsAreRateLimited() {
        ServiceFixture fx;
        ServiceConfig config;
        config.lookupBurst = 3;
        config.lookupPerMinute = 6;
        QVERIFY(fx.start(config));
        TestHttpClient client(fx.service->port());
        const QString path = u"/api/v1/bookings/" % BookingCode::fromBits(42);
        const auto lookup = [&] { return client.call("GET", path, {}, {birthDate}); };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(lookup().status, 404);
        const HttpReply limited = lookup();
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.error(), QStringLiteral("rate_limited"));
        QCOMPARE(limited.header("Retry-After"), QByteArray("10"));
        fx.clock.advance(10);
        QCOMPARE(lookup().status, 404);
        QCOMPARE(lookup().status, 429);
    }

    void holdsPerClientAreLimited() {
        ServiceFixture fx;
        ServiceConfig config;
        config.holdsPerClient = 2;
        QVERIFY(fx.start(config));
        const QList<qint64> slots = fx.seed(3, 10);
        TestHttpClient client(fx.service->port());
        const HttpReply first = client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)));
        QCOMPARE(first.status, 201);
        fx.clock.advance(60);
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(1))).status, 201);
        const HttpReply limited =
            client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(2)));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.error(), QStringLiteral("too_many_holds"));
        QVERIFY(!limited.json.value(QStringLiteral("message")).toString().isEmpty());
        // Until the first hold expires (10 minutes after it was taken, one has passed).
        QCOMPARE(limited.header("Retry-After"), QByteArray("540"));
        QCOMPARE(fx.service->engine().freePlaces(slots.at(2)), 10);

        // Releasing one gives the client room again.
        const QString id = first.json.value(QStringLiteral("hold_id")).toString();
        QCOMPARE(client.call("DELETE", u"/api/v1/holds/" % id).status, 204);
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(2))).status, 201);

        // Tightened at run time (as the waiting room will): the policy is asked on every hold.
        fx.service->engine().holdPolicy().setLimits(HoldPolicy::Limits{1});
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0))).status, 429);
        fx.service->engine().holdPolicy().setLimits(HoldPolicy::Limits{0});
        QCOMPARE(client.post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0))).status, 201);
    }

    void holdsPerPersonAreLimitedAndOnlyTheyConfirm() {
        ServiceFixture fx;
        ServiceConfig config;
        config.holdsPerClient = 0;
        config.holdsPerPerson = 1;
        QVERIFY(fx.start(config));
        const QList<qint64> slots = fx.seed(3, 10);
        TestHttpClient client(fx.service->port());
        const HttpReply held =
            client.post(QStringLiteral("/api/v1/holds"), namedHoldBody(slots.at(0)));
        QCOMPARE(held.status, 201);
        // The same person again (any address): refused; someone else: fine.
        const HttpReply limited =
            client.post(QStringLiteral("/api/v1/holds"), namedHoldBody(slots.at(1)));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.error(), QStringLiteral("too_many_holds"));
        QCOMPARE(limited.header("Retry-After"), QByteArray("600"));
        QCOMPARE(client
                     .post(QStringLiteral("/api/v1/holds"),
                           namedHoldBody(slots.at(1), QStringLiteral("Schmidt")))
                     .status,
                 201);
        // Half a person is refused with the field that is missing.
        QJsonObject half = holdBody(slots.at(2));
        half.insert(QStringLiteral("family_name"), QStringLiteral("Müller"));
        const HttpReply halfReply = client.post(QStringLiteral("/api/v1/holds"), half);
        QCOMPARE(halfReply.status, 400);
        QCOMPARE(halfReply.field(), QStringLiteral("given_name"));

        // Another person cannot confirm the held place; its holder still can.
        const QString holdId = held.json.value(QStringLiteral("hold_id")).toString();
        const HttpReply stolen = client.post(QStringLiteral("/api/v1/bookings"),
                                             person(holdId, QStringLiteral("Meier")));
        QCOMPARE(stolen.status, 409);
        QCOMPARE(stolen.error(), QStringLiteral("hold_of_other_person"));
        QCOMPARE(client.post(QStringLiteral("/api/v1/bookings"), person(holdId)).status, 201);
    }

    void cachesAreBounded() {
        ServiceFixture fx;
        ServiceConfig config;
        config.availabilityCache = 3;
        config.idempotencyCache = 2;
        QVERIFY(fx.start(config));
        const QList<qint64> slots = fx.seed(2, 10);
        TestHttpClient client(fx.service->port());
        for (int day = 0; day < 10; ++day) {
            const QString date = QDate(2026, 3, 3).addDays(day).toString(Qt::ISODate);
            QCOMPARE(client
                         .get(QStringLiteral("/api/v1/centres/%1/availability?service=pcr&from=%2")
                                  .arg(fx.centreId)
                                  .arg(date))
                         .status,
                     200);
        }
        CitizenController *citizen = fx.service->citizen();
        QCOMPARE(citizen->availabilityCacheSize(), 3);
        for (int i = 0; i < 5; ++i) {
            const QByteArray key = "hold-" + QByteArray::number(i);
            QCOMPARE(client
                         .post(QStringLiteral("/api/v1/holds"), holdBody(slots.at(0)),
                               HttpHeaders{{"Idempotency-Key", key}})
                         .status,
                     201);
        }
        QCOMPARE(citizen->idempotencyCacheSize(), 2);
    }
};

QTEST_MAIN(TestCitizenFlow)
#include "TestCitizenFlow.moc"

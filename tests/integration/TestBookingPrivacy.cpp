// Privacy of booking codes: a repeated booking reveals neither code nor names, the code goes
// only to the contact on file (outbox), lookups and cancellations need the birth date, a person
// is their names and birth date, and the stored person keys cannot be derived without the
// pepper (also after re-keying an older database).
#include "models/booking/BookingCode.h"
#include "models/booking/PersonKey.h"
#include "models/booking/PersonKeyRekey.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

#include <sodium.h>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QPair<QByteArray, QByteArray> rightBirthDate{"Birth-Date", "1940-02-29"};
const QPair<QByteArray, QByteArray> wrongBirthDate{"Birth-Date", "1940-03-01"};

QJsonObject grandmother(const QString &holdId, const QString &contactField,
                        const QString &contact) {
    return QJsonObject{{QStringLiteral("hold_id"), holdId},
                       {QStringLiteral("family_name"), QStringLiteral("Kowalski")},
                       {QStringLiteral("given_name"), QStringLiteral("Irena")},
                       {QStringLiteral("birth_date"), QStringLiteral("1940-02-29")},
                       {contactField, contact}};
}

QJsonObject codeRequest(const QString &family) {
    return QJsonObject{{QStringLiteral("family_name"), family},
                       {QStringLiteral("given_name"), QStringLiteral("Irena")},
                       {QStringLiteral("birth_date"), QStringLiteral("1940-02-29")},
                       {QStringLiteral("service"), QStringLiteral("pcr")}};
}

} // namespace

class TestBookingPrivacy : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QList<qint64> m_slots;

    bool start(ServiceConfig config = {}) {
        m_fx = std::make_unique<ServiceFixture>();
        if (!m_fx->start(config))
            return false;
        m_slots = m_fx->seed(2, 5);
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        return m_slots.size() == 2;
    }
    QString hold(int slot = 0) {
        return m_http
            ->post(QStringLiteral("/api/v1/holds"),
                   QJsonObject{{QStringLiteral("slot_id"), m_slots.at(slot)}})
            .json.value(QStringLiteral("hold_id"))
            .toString();
    }
    HttpReply bookBySon() {
        return m_http->post(
            QStringLiteral("/api/v1/bookings"),
            grandmother(hold(), QStringLiteral("phone"), QStringLiteral("0170 5550101")));
    }
    QByteArray pepper() const {
        QFile file(m_fx->service->config().pepperFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void repeatedBookingRevealsNoCodeNorName() {
        QVERIFY(start());
        const HttpReply first = bookBySon();
        QCOMPARE(first.status, 201);
        const QString code = first.json.value(QStringLiteral("code")).toString();
        const HttpReply again = m_http->post(
            QStringLiteral("/api/v1/bookings"),
            grandmother(hold(1), QStringLiteral("phone"), QStringLiteral("0170 5550101")),
            HttpHeaders{{"Idempotency-Key", "again-1"}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.error(), QStringLiteral("already_booked"));
        QCOMPARE(again.json.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-03"));
        QCOMPARE(again.json.value(QStringLiteral("centre_id")).toInteger(), m_fx->centreId);
        for (const QString &secret : {code, QString(code).remove(u'-'), QStringLiteral("Kowalski"),
                                      QStringLiteral("Irena"), QStringLiteral("5550101")})
            QVERIFY2(!again.body.contains(secret.toUtf8()), again.body.constData());
        // A replay of the same request gives the same refusal, still without the code.
        const HttpReply replayed = m_http->post(
            QStringLiteral("/api/v1/bookings"),
            grandmother(hold(1), QStringLiteral("phone"), QStringLiteral("0170 5550101")),
            HttpHeaders{{"Idempotency-Key", "again-1"}});
        QVERIFY(!replayed.body.contains(code.toUtf8()));
    }

    void grandmotherBookedByTwoContactsIsOnePerson() {
        QVERIFY(start());
        QCOMPARE(bookBySon().status, 201);
        const HttpReply byDaughter = m_http->post(
            QStringLiteral("/api/v1/bookings"),
            grandmother(hold(1), QStringLiteral("email"), QStringLiteral("tochter@example.org")));
        QCOMPARE(byDaughter.status, 409);
        QCOMPARE(byDaughter.error(), QStringLiteral("already_booked"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings")), 1);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 5); // hold given back
    }

    void codeIsResentOnlyToTheContactOnFile() {
        ServiceConfig config;
        config.lookupBurst = 3;
        QVERIFY(start(config));
        const HttpReply booked = bookBySon();
        QCOMPARE(booked.status, 201);
        const HttpReply known = m_http->post(QStringLiteral("/api/v1/booking-code-requests"),
                                             codeRequest(QStringLiteral("KOWALSKI")));
        QCOMPARE(known.status, 202);
        const HttpReply unknown = m_http->post(QStringLiteral("/api/v1/booking-code-requests"),
                                               codeRequest(QStringLiteral("Nowak")));
        QCOMPARE(unknown.status, 202);
        QCOMPARE(unknown.body, known.body); // nothing tells whether a booking exists
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
        QSqlQuery row(m_fx->service->database());
        QVERIFY(row.exec(QStringLiteral(
            "SELECT o.channel, o.address, o.kind, o.sent_at IS NULL, b.code FROM outbox o "
            "JOIN bookings b ON b.id = o.booking_id")));
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("phone"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("0170 5550101"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("booking_code"));
        QCOMPARE(row.value(3).toInt(), 1);
        QCOMPARE(BookingCode::grouped(row.value(4).toString()),
                 booked.json.value(QStringLiteral("code")).toString());
        // Rate-limited with the lookups: the third request was the last of the burst.
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/booking-code-requests"),
                            codeRequest(QStringLiteral("Nowak")))
                     .status,
                 202);
        const HttpReply limited = m_http->post(QStringLiteral("/api/v1/booking-code-requests"),
                                               codeRequest(QStringLiteral("Nowak")));
        QCOMPARE(limited.status, 429);
        QVERIFY(!limited.header("Retry-After").isEmpty());
    }

    void wrongBirthDateFailsLikeAnUnknownCodeAndCounts() {
        ServiceConfig config;
        config.lookupBurst = 4;
        config.lookupPerMinute = 1;
        QVERIFY(start(config));
        const QString code = bookBySon().json.value(QStringLiteral("code")).toString();
        const QString path = u"/api/v1/bookings/" % code;
        QCOMPARE(m_http->call("GET", path, {}, {rightBirthDate}).status, 200);
        const HttpReply wrong = m_http->call("GET", path, {}, {wrongBirthDate});
        const HttpReply unknown = m_http->call(
            "GET", u"/api/v1/bookings/" % BookingCode::fromBits(7), {}, {rightBirthDate});
        QCOMPARE(wrong.status, 404);
        QCOMPARE(wrong.body, unknown.body);
        const HttpReply cancel = m_http->call("DELETE", path, {}, {wrongBirthDate});
        QCOMPARE(cancel.status, 404);
        QCOMPARE(cancel.error(), QStringLiteral("booking_not_found"));
        // Four lookups used the burst: even the right birth date now waits.
        QCOMPARE(m_http->call("GET", path, {}, {rightBirthDate}).status, 429);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE state = "
                                             "'confirmed'")),
                 1);
        m_fx->clock.advance(60);
        QCOMPARE(m_http->call("DELETE", path, {}, {rightBirthDate}).status, 200);
        // Without the header: refused before anything is looked up.
        QCOMPARE(m_http->call("GET", path).error(), QStringLiteral("rate_limited"));
    }

    void storedKeysCannotBeDerivedWithoutThePepper() {
        QVERIFY(start());
        QCOMPARE(bookBySon().status, 201);
        QFile file(m_fx->service->config().pepperFile());
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
        const QByteArray pepper = this->pepper();
        QCOMPARE(pepper.size(), 32);
        QSqlQuery query(m_fx->service->database());
        QVERIFY(query.exec(QStringLiteral("SELECT person_key FROM bookings")));
        QVERIFY(query.next());
        const QByteArray stored = query.value(0).toByteArray();
        QCOMPARE(stored.size(), 32); // binary, not 64 hex characters

        // What a thief with the database and the names would try.
        const QByteArray text =
            PersonKey::text(QStringLiteral("Kowalski"), QStringLiteral("Irena"), QDate(1940, 2, 29))
                .toUtf8();
        const QByteArray oldText = text + "|p:491705550101";
        QByteArray unkeyed(32, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char *>(unkeyed.data()), 32,
                           reinterpret_cast<const unsigned char *>(text.constData()),
                           quint64(text.size()), nullptr, 0);
        const QByteArray guesses[] = {
            QCryptographicHash::hash(text, QCryptographicHash::Sha256),
            QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex(),
            QCryptographicHash::hash(oldText, QCryptographicHash::Sha256),
            QCryptographicHash::hash(oldText, QCryptographicHash::Sha256).toHex(),
            unkeyed,
            PersonKey::make(QByteArray(32, '\0'), QStringLiteral("Kowalski"),
                            QStringLiteral("Irena"), QDate(1940, 2, 29))};
        for (const QByteArray &guess : guesses)
            QVERIFY(stored != guess);
        QCOMPARE(stored, PersonKey::make(pepper, QStringLiteral("Kowalski"),
                                         QStringLiteral("Irena"), QDate(1940, 2, 29)));
    }

    void olderDatabaseIsReKeyedOnceLosingNothing() {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.databasePath = m_fx->dir.file(QStringLiteral("v5.db"));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("migrations/slotdesk-v5.sqlite")),
                            config.databasePath));
        QFile::setPermissions(config.databasePath, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(m_fx->start(config));
        const QByteArray pepper = this->pepper();
        QSqlQuery rows(m_fx->service->database());
        QVERIFY(rows.exec(QStringLiteral("SELECT id, person_key, family_name, given_name, "
                                         "birth_date, state FROM bookings ORDER BY id")));
        QStringList states;
        int merged = 0;
        while (rows.next()) {
            const QByteArray key =
                PersonKey::make(pepper, rows.value(2).toString(), rows.value(3).toString(),
                                QDate::fromString(rows.value(4).toString(), Qt::ISODate));
            const QByteArray stored = rows.value(1).toByteArray();
            if (stored != key) {
                // The fixture's two active bookings of Öztürk (old keys differed by contact)
                // are one person now: the later one keeps its booking with a marked key.
                QCOMPARE(stored, key + "\xff"
                                       "1");
                ++merged;
            }
            states.append(rows.value(5).toString());
        }
        QCOMPARE(merged, 1);
        QCOMPARE(states, (QStringList{QStringLiteral("checked_in"), QStringLiteral("no_show"),
                                      QStringLiteral("confirmed"), QStringLiteral("confirmed"),
                                      QStringLiteral("cancelled"), QStringLiteral("confirmed")}));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT merged FROM person_key_rekeys WHERE scheme "
                                             "= 'blake2b-pepper-v1'")),
                 1);

        // The merged person's later booking still counts as theirs when the first is cancelled:
        // its code can be re-sent (and a new booking would be refused, by the same lookup).
        QSqlQuery cancel(m_fx->service->database());
        QVERIFY(
            cancel.exec(QStringLiteral("UPDATE bookings SET state = 'cancelled' WHERE id = 3")));
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        const HttpReply resend = m_http->post(
            QStringLiteral("/api/v1/booking-code-requests"),
            QJsonObject{{QStringLiteral("family_name"), QStringLiteral("Öztürk")},
                        {QStringLiteral("given_name"), QStringLiteral("Ayşe")},
                        {QStringLiteral("birth_date"), QStringLiteral("1988-11-02")},
                        {QStringLiteral("service"), QStringLiteral("vaccine_comirnaty")}});
        QCOMPARE(resend.status, 202);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE booking_id = 4")),
                 1);
        QList<SlotRecord> later{SlotRecord{0, 2, QStringLiteral("vaccine_comirnaty"),
                                           m_fx->clock.now().addDays(7).toSecsSinceEpoch(), 10, 5,
                                           0}};
        QVERIFY(!m_fx->service->engine().addSlots(&later));
        HoldInfo hold;
        const EngineError held = m_fx->service->engine().hold(
            later.constFirst().id, QStringLiteral("vaccine_comirnaty"), &hold);
        QVERIFY2(!held, qPrintable(held.reason));
        const HttpReply second = m_http->post(
            QStringLiteral("/api/v1/bookings"),
            QJsonObject{{QStringLiteral("hold_id"), hold.id},
                        {QStringLiteral("family_name"), QStringLiteral("Öztürk")},
                        {QStringLiteral("given_name"), QStringLiteral("Ayşe")},
                        {QStringLiteral("birth_date"), QStringLiteral("1988-11-02")},
                        {QStringLiteral("email"), QStringLiteral("ayse@example.org")}});
        QCOMPARE(second.status, 409);
        QCOMPARE(second.error(), QStringLiteral("already_booked"));

        // Once: a second start leaves the keys as they are.
        QSqlQuery mark(m_fx->service->database());
        QVERIFY(mark.exec(QStringLiteral("UPDATE bookings SET person_key = X'00' WHERE id = 5")));
        m_fx->stop();
        QVERIFY(m_fx->start(config));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE person_key = "
                                             "X'00'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestBookingPrivacy)
#include "TestBookingPrivacy.moc"

#include "models/booking/BookingCode.h"
#include "models/booking/PersonKey.h"
#include "net/QrPayload.h"
#include "service/booking/SigningKey.h"
#include "service/http/Router.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTest>

using namespace slotdesk;

namespace {
const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
}

class TestBookingCode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip() {
        const quint64 samples[] = {
            0, 1, 31, 32, 36, 37, 123456789, BookingCode::DataMask, 0x2AAAAAAAAAAAAULL};
        for (const quint64 bits : samples) {
            const QString code = BookingCode::fromBits(bits);
            QCOMPARE(code.size(), BookingCode::Length);
            QCOMPARE(BookingCode::parse(code), std::optional<QString>(code));
            QCOMPARE(BookingCode::parse(BookingCode::grouped(code)), std::optional<QString>(code));
        }
        QCOMPARE(BookingCode::grouped(QStringLiteral("K7QXM2PD9TC")),
                 QStringLiteral("K7QX-M2PD-9TC"));
    }

    void normalisesInput_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        const QString code = BookingCode::fromBits(0x0123456789ABULL);
        QTest::newRow("canonical") << code << true;
        QTest::newRow("grouped") << BookingCode::grouped(code) << true;
        QTest::newRow("lower case") << code.toLower() << true;
        QTest::newRow("spaces") << QString(code.left(4) % u"  " % code.mid(4)) << true;
        QTest::newRow("too short") << code.left(10) << false;
        QTest::newRow("too long") << QString(code % u'0') << false;
        QTest::newRow("foreign character") << QString(u'!' % code.mid(1)) << false;
        QTest::newRow("U in data") << QString(u'U' % code.mid(1)) << false;
        QTest::newRow("empty") << QString() << false;
    }
    void normalisesInput() {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QCOMPARE(BookingCode::parse(input).has_value(), valid);
    }

    void ambiguousLettersFold() {
        // A code containing 0 and 1 is accepted when read back as O, I or L.
        quint64 bits = 0;
        for (int i = 0; i < 10; ++i)
            bits = (bits << 5) | quint64(i % 2); // 0101010101
        const QString code = BookingCode::fromBits(bits);
        QString spoken = code.left(10);
        spoken.replace(u'0', u'O');
        spoken.replace(QStringLiteral("1"), QStringLiteral("l"));
        QCOMPARE(BookingCode::parse(QString(spoken % code.at(10))), std::optional<QString>(code));
        spoken.replace(u'l', u'I');
        QCOMPARE(BookingCode::parse(QString(spoken % code.at(10))), std::optional<QString>(code));
    }

    void checkCatchesEverySingleError() {
        const quint64 samples[] = {0x0123456789ABULL, 0x3FFFFFFFFFFFFULL, 42, 0x15555AAAA5555ULL};
        for (const quint64 bits : samples) {
            const QString code = BookingCode::fromBits(bits);
            for (int pos = 0; pos < BookingCode::DataLength; ++pos) {
                for (const QChar c : alphabet) {
                    if (c == code.at(pos))
                        continue;
                    QString wrong = code;
                    wrong[pos] = c;
                    QVERIFY2(!BookingCode::parse(wrong), qPrintable(wrong));
                }
            }
            for (const QChar c : QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U")) {
                if (c == code.at(10))
                    continue;
                QString wrong = code;
                wrong[10] = c;
                QVERIFY2(!BookingCode::parse(wrong), qPrintable(wrong));
            }
        }
    }

    void checkCatchesEveryAdjacentTransposition() {
        for (quint64 bits = 1; bits < 0x3FFFFFFFFFFFFULL; bits = bits * 7 + 12345) {
            const QString code = BookingCode::fromBits(bits);
            for (int pos = 0; pos + 1 < BookingCode::Length; ++pos) {
                if (code.at(pos) == code.at(pos + 1))
                    continue;
                QString swapped = code;
                std::swap(swapped[pos], swapped[pos + 1]);
                QVERIFY2(!BookingCode::parse(swapped), qPrintable(code % u" → " % swapped));
            }
        }
    }

    void personKeyNormalisation_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("case and spaces") << "  Anna   MARIA "
                                         << "anna maria" << true;
        QTest::newRow("diacritics") << "Müller-Lüdenscheidt"
                                    << "muller ludenscheidt" << true;
        QTest::newRow("sharp s") << "Strauß"
                                 << "STRAUSS" << true;
        QTest::newRow("accents") << "José"
                                 << "jose" << true;
        QTest::newRow("no transliteration") << "Müller"
                                            << "Mueller" << false;
        QTest::newRow("different") << "Anna"
                                   << "Anne" << false;
    }
    void personKeyNormalisation() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(PersonKey::normaliseName(a) == PersonKey::normaliseName(b), same);
    }

    void phoneNormalisation() {
        const QString expected = QStringLiteral("491701234567");
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("0170 1234567")), expected);
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("+49 (170) 123-4567")), expected);
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("0049 170 1234567")), expected);
        const QDate birth(1980, 5, 17);
        QCOMPARE(PersonKey::make(QStringLiteral("Müller"), QStringLiteral("Anna"), birth,
                                 QStringLiteral("0170 1234567"), {}),
                 PersonKey::make(QStringLiteral("MULLER"), QStringLiteral(" anna"), birth,
                                 QStringLiteral("+491701234567"), {}));
        QVERIFY(PersonKey::make(QStringLiteral("Müller"), QStringLiteral("Anna"), birth,
                                QStringLiteral("0170 1234567"), {}) !=
                PersonKey::make(QStringLiteral("Müller"), QStringLiteral("Anna"), birth.addDays(1),
                                QStringLiteral("0170 1234567"), {}));
    }

    void qrSignatureVerifiesAndDetectsTampering() {
        test::TempDir dir;
        SigningKey key;
        QString error;
        const QString path = dir.file(QStringLiteral("k.key"));
        QVERIFY2(key.loadOrCreate(path, &error), qPrintable(error));
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        const QrPayload payload{BookingCode::fromBits(99), 3, QStringLiteral("pcr"), 1772524800};
        const QString text = payload.withSignature(key.sign(payload.signedText()));
        QVERIFY(QrPayload::verify(text, key.publicKey()));
        QByteArray signature;
        const auto parsed = QrPayload::parse(text, &signature);
        QVERIFY(parsed);
        QCOMPARE(parsed->code, payload.code);
        QCOMPARE(parsed->startsAt, payload.startsAt);

        QString otherTime = text;
        otherTime.replace(QStringLiteral(":1772524800:"), QStringLiteral(":1772528400:"));
        QVERIFY(!QrPayload::verify(otherTime, key.publicKey()));
        QString otherSignature = text;
        otherSignature[otherSignature.size() - 5] =
            otherSignature.at(otherSignature.size() - 5) == u'A' ? u'B' : u'A';
        QVERIFY(!QrPayload::verify(otherSignature, key.publicKey()));
        QVERIFY(!QrPayload::verify(QStringLiteral("SD1:garbage"), key.publicKey()));

        // The same file gives the same key; another key does not verify.
        SigningKey again;
        QVERIFY(again.loadOrCreate(path, &error));
        QCOMPARE(again.publicKey(), key.publicKey());
        SigningKey other;
        QVERIFY(other.loadOrCreate(dir.file(QStringLiteral("other.key")), &error));
        QVERIFY(!QrPayload::verify(text, other.publicKey()));
    }

    void routerMatchesAndListsMethods() {
        Router router;
        router.get(QStringLiteral("/api/v1/bookings/{code}"), [](const HttpRequest &) {
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        router.del(QStringLiteral("/api/v1/bookings/{code}"), [](const HttpRequest &) {
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        const Router::Match hit = router.match(QHttpServerRequest::Method::Delete,
                                               QStringLiteral("/api/v1/bookings/AB%20C"));
        QVERIFY(hit.handler);
        QCOMPARE(hit.params.at(0).second, QStringLiteral("AB C"));
        const Router::Match wrong =
            router.match(QHttpServerRequest::Method::Post, QStringLiteral("/api/v1/bookings/X"));
        QVERIFY(wrong.pathMatched);
        QVERIFY(!wrong.handler);
        QCOMPARE(wrong.allowed, QStringList({QStringLiteral("GET"), QStringLiteral("DELETE")}));
        QVERIFY(!router.match(QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/bookings/"))
                     .pathMatched);
        QVERIFY(
            !router.match(QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/bookings/a/b"))
                 .pathMatched);
        QCOMPARE(router.routes().size(), 2);
        QCOMPARE(router.routes().at(1).method, QStringLiteral("delete"));
    }
};

QTEST_MAIN(TestBookingCode)
#include "tst_bookingcode.moc"

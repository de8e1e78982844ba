#include "models/booking/BookingCode.h"
#include "models/booking/PersonKey.h"
#include "net/QrPayload.h"
#include "service/booking/SigningKey.h"
#include "service/http/Router.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTest>

#include <sodium.h>

#include <functional>

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

    void personKeysAreStable() {
        // Keys of stored bookings must never change for a pepper: keyed BLAKE2b-256 of the
        // normalised "family|given|birth date" (as Python's hashlib.blake2b computes it), for
        // an ASCII-only and a non-ASCII person.
        QVERIFY(sodium_init() >= 0);
        QByteArray pepper;
        for (int i = 0; i < 32; ++i)
            pepper.append(char(i));
        QCOMPARE(PersonKey::make(pepper, QStringLiteral("O'Brien-Smith Jr."),
                                 QStringLiteral("  Anna  MARIA "), QDate(1980, 5, 17))
                     .toHex(),
                 QByteArray("803c71aef33f14ab2abfced38e4d58d9a213f8098cb194b7698698c49d244537"));
        QCOMPARE(PersonKey::make(pepper, QStringLiteral("Öztürk"), QStringLiteral("Ayşe"),
                                 QDate(1988, 11, 2))
                     .toHex(),
                 QByteArray("787dab8215d510540d4b594d2a44e623d4eea4e3596b1e4f352b2ac137e0fa6e"));
        // The ASCII fast path and the general one agree: "é" sends a name down the general
        // path and becomes "e" there.
        const QString names[] = {
            QStringLiteral("  Anna   MARIA "), QStringLiteral("O'Brien--Smith"),
            QStringLiteral("Jean-Luc 3rd"),    QStringLiteral("..x.."),
            QStringLiteral("ZZ top_9"),        QString()};
        for (const QString &name : names)
            QCOMPARE(PersonKey::normaliseName(name + QStringLiteral(" \u00e9")),
                     PersonKey::normaliseName(name + QStringLiteral(" e")));
        for (QDate d(1, 1, 1); d.year() < 10000; d = d.addDays(997))
            QCOMPARE(PersonKey::isoDate(d), d.toString(Qt::ISODate));
        QCOMPARE(PersonKey::isoDate(QDate(2024, 2, 29)), QStringLiteral("2024-02-29"));
        QCOMPARE(PersonKey::isoDate(QDate()), QString());
    }

    void phoneNormalisation() {
        const QString expected = QStringLiteral("491701234567");
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("0170 1234567")), expected);
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("+49 (170) 123-4567")), expected);
        QCOMPARE(PersonKey::normalisePhone(QStringLiteral("0049 170 1234567")), expected);
        const QDate birth(1980, 5, 17);
        const QByteArray pepper(32, 'p');
        QCOMPARE(PersonKey::make(pepper, QStringLiteral("Müller"), QStringLiteral("Anna"), birth),
                 PersonKey::make(pepper, QStringLiteral("MULLER"), QStringLiteral(" anna"), birth));
        QVERIFY(PersonKey::make(pepper, QStringLiteral("Müller"), QStringLiteral("Anna"), birth) !=
                PersonKey::make(pepper, QStringLiteral("Müller"), QStringLiteral("Anna"),
                                birth.addDays(1)));
        QVERIFY(PersonKey::make(pepper, QStringLiteral("Müller"), QStringLiteral("Anna"), birth) !=
                PersonKey::make(QByteArray(32, 'q'), QStringLiteral("Müller"),
                                QStringLiteral("Anna"), birth));
    }

    void qrSignatureVerifiesAndDetectsTampering() {
        test::TempDir dir;
        SigningKey key;
        QString error;
        const QString path = dir.file(QStringLiteral("k.key"));
        QVERIFY2(key.loadOrCreate(path, &error), qPrintable(error));
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        int signatures = 0;
        const auto sign = [&key, &signatures](const QByteArray &message) {
            ++signatures;
            return key.sign(message);
        };
        const auto payloadAt = [](int i) {
            return QrPayload{BookingCode::fromBits(quint64(99 + i)), 3, QStringLiteral("pcr"),
                             1772524800 + 900 * i};
        };

        // A tree of 5 (not a power of two: leaf 4 is promoted, RFC 9162), one signature.
        QList<QrPayload> five;
        for (int i = 0; i < 5; ++i)
            five.append(payloadAt(i));
        const QStringList texts = QrPayload::signBatch(five, sign);
        QCOMPARE(signatures, 1);
        QCOMPARE(texts.size(), 5);
        const int pathLengths[] = {3, 3, 3, 3, 1};
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(QrPayload::verify(texts.at(i), key.publicKey()), qPrintable(texts.at(i)));
            QrPayload::Proof proof;
            const auto parsed = QrPayload::parse(texts.at(i), &proof);
            QVERIFY(parsed);
            QCOMPARE(parsed->code, five.at(i).code);
            QCOMPARE(parsed->startsAt, five.at(i).startsAt);
            QCOMPARE(proof.version, 2);
            QCOMPARE(proof.index, i);
            QCOMPARE(proof.treeSize, 5);
            QCOMPARE(proof.path.size(), pathLengths[i]);
        }

        // A batch above the cap is split into nearly equal trees: 70 → 24 + 23 + 23.
        QList<QrPayload> many;
        for (int i = 0; i < 70; ++i)
            many.append(payloadAt(i));
        signatures = 0;
        const QStringList manyTexts = QrPayload::signBatch(many, sign);
        QCOMPARE(signatures, 3);
        QCOMPARE(manyTexts.size(), 70);
        for (int i = 0; i < 70; ++i) {
            QrPayload::Proof proof;
            QVERIFY(QrPayload::verify(manyTexts.at(i), key.publicKey()));
            QVERIFY(QrPayload::parse(manyTexts.at(i), &proof));
            QCOMPARE(proof.treeSize, i < 24 ? 24 : 23);
            QCOMPARE(proof.index, i < 24 ? i : (i - 24) % 23);
            QVERIFY(proof.path.size() <= 5);
        }
        const QString single = QrPayload::signBatch({payloadAt(0)}, sign).constFirst();
        QVERIFY(QrPayload::verify(single, key.publicKey()));
        QVERIFY(single.contains(QStringLiteral(":0/1::")));

        // Every field, the position, every path element and the signature are covered.
        const QString text = texts.at(2);
        QrPayload::Proof proof;
        const QrPayload payload = *QrPayload::parse(text, &proof);
        QrPayload::Proof otherTree;
        QVERIFY(QrPayload::parse(manyTexts.at(30), &otherTree)); // another booking
        const auto flipped = [](QByteArray bytes, int at) {
            bytes[at] = char(bytes.at(at) ^ 0x01);
            return bytes;
        };
        struct Tamper {
            const char *name;
            std::function<QString()> make;
        };
        const auto withPayload = [&](const std::function<void(QrPayload &)> &change) {
            QrPayload p = payload;
            change(p);
            return p.withProof(proof);
        };
        const auto withProof = [&](const std::function<void(QrPayload::Proof &)> &change) {
            QrPayload::Proof p = proof;
            change(p);
            return payload.withProof(p);
        };
        const Tamper tampers[] = {
            {"code", [&] { return withPayload([](QrPayload &p) { p.code[0] = u'Z'; }); }},
            {"centre", [&] { return withPayload([](QrPayload &p) { p.centreId = 4; }); }},
            {"service",
             [&] { return withPayload([](QrPayload &p) { p.service = QStringLiteral("pcx"); }); }},
            {"start", [&] { return withPayload([](QrPayload &p) { p.startsAt += 3600; }); }},
            {"index", [&] { return withProof([](QrPayload::Proof &p) { p.index = 3; }); }},
            {"index beyond tree",
             [&] { return withProof([](QrPayload::Proof &p) { p.index = 5; }); }},
            {"negative index",
             [&] { return withProof([](QrPayload::Proof &p) { p.index = -1; }); }},
            {"bigger tree", [&] { return withProof([](QrPayload::Proof &p) { p.treeSize = 6; }); }},
            {"smaller tree",
             [&] { return withProof([](QrPayload::Proof &p) { p.treeSize = 4; }); }},
            {"path[0]",
             [&] {
                 return withProof([&](QrPayload::Proof &p) { p.path[0] = flipped(p.path[0], 0); });
             }},
            {"path[1]",
             [&] {
                 return withProof([&](QrPayload::Proof &p) { p.path[1] = flipped(p.path[1], 31); });
             }},
            {"path[2]",
             [&] {
                 return withProof([&](QrPayload::Proof &p) { p.path[2] = flipped(p.path[2], 7); });
             }},
            {"path shortened",
             [&] { return withProof([](QrPayload::Proof &p) { p.path.removeLast(); }); }},
            {"path extended",
             [&] {
                 return withProof([](QrPayload::Proof &p) { p.path.append(p.path.constFirst()); });
             }},
            {"path reordered",
             [&] { return withProof([](QrPayload::Proof &p) { p.path.swapItemsAt(0, 1); }); }},
            {"signature",
             [&] {
                 return withProof(
                     [&](QrPayload::Proof &p) { p.signature = flipped(p.signature, 10); });
             }},
            {"signature of another tree",
             [&] {
                 return withProof([&](QrPayload::Proof &p) { p.signature = otherTree.signature; });
             }},
            {"proof of another tree", [&] { return payload.withProof(otherTree); }},
            {"leading zero",
             [&] {
                 return QString(text).replace(QStringLiteral(":3:pcr:"),
                                              QStringLiteral(":03:pcr:"));
             }},
            {"unused base64 bits",
             [&] {
                 QString t = text;
                 t[t.size() - 1] = t.at(t.size() - 1) == u'A' ? u'B' : u'A';
                 return t;
             }},
            {"version 1 label", [&] { return QString(text).replace(0, 3, QStringLiteral("SD1")); }},
            {"extra field", [&] { return QString(text).append(QStringLiteral(":x")); }},
            {"garbage", [] { return QStringLiteral("SD2:garbage"); }},
        };
        for (const Tamper &tamper : tampers) {
            const QString forged = tamper.make();
            QVERIFY2(forged != text, tamper.name);
            QVERIFY2(!QrPayload::verify(forged, key.publicKey()), tamper.name);
        }
        // 64 bytes in 86 characters: the last one carries 4 unused bits, so "A" and "B" decode
        // to the same signature; only the canonical-spelling check refuses the second text.
        QCOMPARE(QByteArray::fromBase64(text.section(u':', -1).toLatin1(),
                                        QByteArray::Base64UrlEncoding),
                 proof.signature);

        // v1 payloads (stored answers from before v2) still verify, and not after tampering.
        const QString v1 = payloadAt(0).withSignature(key.sign(payloadAt(0).signedText()));
        QVERIFY(QrPayload::verify(v1, key.publicKey()));
        QVERIFY(!QrPayload::verify(
            QString(v1).replace(QStringLiteral(":1772524800:"), QStringLiteral(":1772528400:")),
            key.publicKey()));
        QVERIFY(!QrPayload::verify(QStringLiteral("SD1:garbage"), key.publicKey()));

        // The same file gives the same key; another key does not verify.
        SigningKey again;
        QVERIFY(again.loadOrCreate(path, &error));
        QCOMPARE(again.publicKey(), key.publicKey());
        SigningKey other;
        QVERIFY(other.loadOrCreate(dir.file(QStringLiteral("other.key")), &error));
        QVERIFY(!QrPayload::verify(text, other.publicKey()));
        QVERIFY(!QrPayload::verify(v1, other.publicKey()));
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

#include "models/booking/BookingCode.h"
#include "net/QrPayload.h"
#include "service/booking/SigningKey.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTest>

#include <functional>

using namespace slotdesk;

class TestQrPayload : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestQrPayload)
#include "TestQrPayload.moc"

#include "models/booking/BookingCode.h"
#include "models/rules/ScanInput.h"

#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Scan::Kind)
Q_DECLARE_METATYPE(Scan::Problem)

namespace {

const QString code = BookingCode::fromBits(0x2A5F3C19B7E4DULL);
const QString otherCode = BookingCode::fromBits(0x1122334455667ULL);

QString signature(QChar fill = u'A') {
    return QString(86, fill);
}

// The shape of a v2 payload; its signature is not checked here (QrPayload::verify does that).
QString qrV2(const QString &bookingCode) {
    return QStringLiteral("SD2:") + bookingCode + QStringLiteral(":7:pcr:1770105600:3/17:") +
           QString(5 * 43, u'b') + u':' + signature();
}

QString qrV1(const QString &bookingCode) {
    return QStringLiteral("SD1:") + bookingCode + QStringLiteral(":7:pcr:1770105600:") +
           signature(u'z');
}

QString typo(const QString &canonical) {
    QString wrong = canonical;
    wrong[3] = wrong.at(3) == u'7' ? u'8' : u'7';
    return wrong;
}

} // namespace

class TestScanInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<Scan::Kind>("kind");
        QTest::addColumn<Scan::Problem>("problem");
        QTest::addColumn<QString>("text");
        using K = Scan::Kind;
        using P = Scan::Problem;
        QTest::newRow("canonical") << code << K::BookingCode << P::None << code;
        QTest::newRow("grouped, lower case")
            << BookingCode::grouped(code).toLower() << K::BookingCode << P::None << code;
        QTest::newRow("spaces around")
            << u"  "_s + code + u" "_s << K::BookingCode << P::None << code;
        QTest::newRow("one character short")
            << code.left(10) << K::Invalid << P::WrongLength << code.left(10);
        QTest::newRow("one character too many")
            << code + u'A' << K::Invalid << P::WrongLength << code + u'A';
        QTest::newRow("doubled code") << code + code << K::Invalid << P::WrongLength << code + code;
        QTest::newRow("typo") << typo(code) << K::Invalid << P::WrongCheckCharacter << typo(code);
        QTest::newRow("umlaut") << u"K7QXÄ2PD9TC"_s << K::Invalid << P::ForeignCharacters
                                << u"K7QXÄ2PD9TC"_s;
        QTest::newRow("empty") << QString() << K::Invalid << P::WrongLength << QString();
        QTest::newRow("qr v2") << qrV2(code) << K::QrPayload << P::None << qrV2(code);
        QTest::newRow("qr v1") << qrV1(code) << K::QrPayload << P::None << qrV1(code);
        QTest::newRow("qr cut in the signature")
            << qrV2(code).chopped(20) << K::Invalid << P::TruncatedQr << qrV2(code).chopped(20);
        QTest::newRow("qr cut before the proof")
            << u"SD2:"_s + code + u":7:pcr"_s << K::Invalid << P::TruncatedQr
            << u"SD2:"_s + code + u":7:pcr"_s;
        QTest::newRow("two payloads run together") << qrV2(code) + qrV2(otherCode) << K::Invalid
                                                   << P::DoubledQr << qrV2(code) + qrV2(otherCode);
        QTest::newRow("qr with a field too many")
            << qrV1(code) + u":x"_s << K::Invalid << P::ForeignCode << qrV1(code) + u":x"_s;
        const QString layout = qrV2(code).replace(u':', u'Ö');
        QTest::newRow("US scanner on a German layout")
            << layout << K::Invalid << P::KeyboardLayout << layout;
        QTest::newRow("web address") << u"https://example.org/t?id=5"_s << K::Invalid
                                     << P::ForeignCode << u"https://example.org/t?id=5"_s;
        QTest::newRow("EU health certificate")
            << u"HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC"_s << K::Invalid << P::ForeignCode
            << u"HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC"_s;
        QTest::newRow("long garbage")
            << QString(40, u'x') << K::Invalid << P::ForeignCode << QString(40, u'x');
    }
    void classify() {
        QFETCH(QString, input);
        QFETCH(Scan::Kind, kind);
        QFETCH(Scan::Problem, problem);
        QFETCH(QString, text);
        const Scan scan = classifyScan(input);
        QCOMPARE(scan.kind, kind);
        QCOMPARE(scan.problem, problem);
        QCOMPARE(scan.text, text);
    }

    void scannerEndingWithEnterOrTab_data() {
        QTest::addColumn<QString>("terminator");
        QTest::newRow("Enter") << u"\r"_s;
        QTest::newRow("Tab") << u"\t"_s;
        QTest::newRow("newline") << u"\n"_s;
    }
    void scannerEndingWithEnterOrTab() {
        QFETCH(QString, terminator);
        ScanAssembler assembler;
        QList<Scan> scans;
        qint64 ms = 1000;
        for (const QChar c : QString(qrV2(code) + terminator))
            scans += assembler.key(QString(c), ms++);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).kind, Scan::Kind::QrPayload);
        QVERIFY(!assembler.pending());
    }

    void codeIsCompleteWithoutTerminator() {
        // A scanner without terminator, or a person typing: the last valid character ends it;
        // an Enter afterwards is not a second, empty scan.
        ScanAssembler assembler;
        QList<Scan> scans;
        qint64 ms = 0;
        for (const QChar c : BookingCode::grouped(code).toLower())
            scans += assembler.key(QString(c), ms += 350);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).text, code);
        QVERIFY(assembler.key(u"\r", ms + 10).isEmpty());
    }

    void qrPayloadIsCompleteAtItsLastSignatureCharacter() {
        ScanAssembler assembler;
        const QList<Scan> scans = assembler.key(QString(qrV1(code) + otherCode), 5);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.at(0).text, qrV1(code));
        QCOMPARE(scans.at(1).text, otherCode);
    }

    void burstOfTwentyScansInOneSecond() {
        ScanAssembler assembler;
        QList<Scan> scans;
        for (int i = 0; i < 20; ++i) {
            const QString c = BookingCode::fromBits(quint64(i) * 7919 + 1);
            scans += assembler.key(QString(c + u"\r"_s), i * 50);
        }
        QCOMPARE(scans.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(scans.at(i).text, BookingCode::fromBits(quint64(i) * 7919 + 1));
    }

    void typoWaitsForEnterOrIdle() {
        ScanAssembler assembler(400);
        QVERIFY(assembler.key(typo(code), 100).isEmpty());
        QVERIFY(assembler.pending());
        QCOMPARE(assembler.deadline(), 500);
        QVERIFY(!assembler.idle(499));
        const std::optional<Scan> late = assembler.idle(500);
        QVERIFY(late);
        QCOMPARE(late->problem, Scan::Problem::WrongCheckCharacter);
        QVERIFY(!assembler.pending());
    }

    void truncatedScanIsCompletedByTheNextKeyAfterAPause() {
        ScanAssembler assembler(400);
        const QString cut = qrV2(code).left(60);
        QVERIFY(assembler.key(cut, 0).isEmpty());
        const QList<Scan> scans = assembler.key(code, 2000);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.at(0).problem, Scan::Problem::TruncatedQr);
        QCOMPARE(scans.at(0).text, cut);
        QCOMPARE(scans.at(1).text, code);
    }

    void controlBytesAreDropped() {
        ScanAssembler assembler;
        QString noisy = code;
        noisy.insert(4, QChar(0x02)).insert(9, QChar(0x7f)).prepend(QChar(0x1d));
        const QList<Scan> scans = assembler.key(noisy, 0);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).text, code);
    }

    void backspaceAndEscapeCorrectTyping() {
        ScanAssembler assembler;
        QVERIFY(assembler.key(QString(code.left(5) + u"X\b"_s), 0).isEmpty());
        QVERIFY(assembler.key(u"ZZZ\x1b"_s, 100).isEmpty());
        QVERIFY(!assembler.pending());
        const QList<Scan> scans = assembler.key(code, 200);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).text, code);
    }

    void garbageFloodIsCutAtTheLimit() {
        ScanAssembler assembler;
        const QList<Scan> scans = assembler.key(QString(ScanAssembler::maxLength + 10, u'#'), 0);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).problem, Scan::Problem::TooLong);
        QCOMPARE(scans.at(0).text.size(), ScanAssembler::maxLength);
        QVERIFY(assembler.pending()); // the rest waits for its own end
    }

    void repeatsCountOnce() {
        RepeatFilter filter(2000);
        QVERIFY(filter.accept(code, 0));
        QVERIFY(!filter.accept(code, 40));   // next camera frame
        QVERIFY(!filter.accept(code, 1900)); // still in view: the window moves on
        QVERIFY(filter.accept(otherCode, 1950));
        QVERIFY(filter.accept(code, 2000)); // another code came between
        QVERIFY(filter.accept(code, 4001)); // shown again after the window
    }
};

QTEST_GUILESS_MAIN(TestScanInput)
#include "TestScanInput.moc"

#include "models/booking/BookingCode.h"

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
};

QTEST_GUILESS_MAIN(TestBookingCode)
#include "TestBookingCode.moc"

#include "models/booking/PersonKey.h"

#include <QTest>

#include <sodium.h>

using namespace slotdesk;

class TestPersonKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestPersonKey)
#include "TestPersonKey.moc"

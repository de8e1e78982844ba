#include "models/core/Clock.h"
#include "models/domain/ServiceCatalogue.h"
#include "models/rules/DosePairing.h"

#include <QDateTime>
#include <QTest>

using namespace slotdesk;

Q_DECLARE_METATYPE(DosePairing::Verdict)

namespace {

qint64 berlin(int year, int month, int day, int hour, int minute) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute), berlinTimeZone())
        .toSecsSinceEpoch();
}

const DoseInterval comirnaty{21, 42};

} // namespace

class TestDosePairing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void check_data() {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("second");
        QTest::addColumn<int>("minDays");
        QTest::addColumn<int>("maxDays");
        QTest::addColumn<DosePairing::Verdict>("verdict");
        using V = DosePairing::Verdict;
        const qint64 first = berlin(2026, 5, 4, 9, 0); // Monday 4 May 2026
        QTest::newRow("first allowed day, early morning")
            << first << berlin(2026, 5, 25, 7, 0) << 21 << 42 << V::Fits;
        QTest::newRow("last allowed day, late evening")
            << first << berlin(2026, 6, 15, 23, 45) << 21 << 42 << V::Fits;
        QTest::newRow("one day before the interval")
            << first << berlin(2026, 5, 24, 18, 0) << 21 << 42 << V::TooEarly;
        QTest::newRow("one day after the interval")
            << first << berlin(2026, 6, 16, 7, 0) << 21 << 42 << V::TooLate;
        QTest::newRow("same day as the first") << first << first + 3600 << 21 << 42 << V::TooEarly;
        QTest::newRow("other product's interval, 28 to 84")
            << first << berlin(2026, 7, 27, 10, 0) << 28 << 84 << V::Fits;
        QTest::newRow("other product's interval, day 85")
            << first << berlin(2026, 7, 28, 10, 0) << 28 << 84 << V::TooLate;
        // Autumn: 21 days counted as 24-hour periods would end an hour later than midnight of
        // the 21st day; appointment days do not care.
        QTest::newRow("autumn DST, first allowed day just after midnight")
            << berlin(2026, 10, 10, 23, 30) << berlin(2026, 10, 31, 0, 15) << 21 << 42 << V::Fits;
        QTest::newRow("autumn DST, late evening one day early")
            << berlin(2026, 10, 10, 23, 30) << berlin(2026, 10, 30, 23, 45) << 21 << 42
            << V::TooEarly;
        // Spring: the night of 29 March 2026 has 23 hours.
        QTest::newRow("spring DST, last allowed day late evening")
            << berlin(2026, 3, 8, 0, 30) << berlin(2026, 4, 19, 23, 30) << 21 << 42 << V::Fits;
        QTest::newRow("spring DST, first minute after the last day")
            << berlin(2026, 3, 8, 0, 30) << berlin(2026, 4, 20, 0, 0) << 21 << 42 << V::TooLate;
        QTest::newRow("spring DST, first allowed day at midnight")
            << berlin(2026, 3, 8, 23, 45) << berlin(2026, 3, 29, 0, 0) << 21 << 42 << V::Fits;
    }
    void check() {
        QFETCH(qint64, first);
        QFETCH(qint64, second);
        QFETCH(int, minDays);
        QFETCH(int, maxDays);
        QFETCH(DosePairing::Verdict, verdict);
        QCOMPARE(
            DosePairing::check(first, second, DoseInterval{minDays, maxDays}, berlinTimeZone()),
            verdict);
    }

    void window_data() {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<qint64>("startsAt");
        QTest::addColumn<qint64>("endsAt");
        QTest::newRow("summer") << berlin(2026, 5, 4, 9, 0) << QDate(2026, 5, 25)
                                << QDate(2026, 6, 15) << berlin(2026, 5, 25, 0, 0)
                                << berlin(2026, 6, 16, 0, 0);
        QTest::newRow("window ends on the spring change")
            << berlin(2026, 2, 15, 8, 0) << QDate(2026, 3, 8) << QDate(2026, 3, 29)
            << berlin(2026, 3, 8, 0, 0) << berlin(2026, 3, 30, 0, 0);
        QTest::newRow("window starts on the autumn change")
            << berlin(2026, 10, 4, 23, 59) << QDate(2026, 10, 25) << QDate(2026, 11, 15)
            << berlin(2026, 10, 25, 0, 0) << berlin(2026, 11, 16, 0, 0);
        QTest::newRow("first dose late on New Year's Eve")
            << berlin(2026, 12, 31, 23, 30) << QDate(2027, 1, 21) << QDate(2027, 2, 11)
            << berlin(2027, 1, 21, 0, 0) << berlin(2027, 2, 12, 0, 0);
    }
    void window() {
        QFETCH(qint64, first);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(qint64, startsAt);
        QFETCH(qint64, endsAt);
        const DoseWindow w = DosePairing::window(first, comirnaty, berlinTimeZone());
        QCOMPARE(w.first, from);
        QCOMPARE(w.last, to);
        QVERIFY(w.contains(from));
        QVERIFY(w.contains(to));
        QVERIFY(!w.contains(from.addDays(-1)));
        QVERIFY(!w.contains(to.addDays(1)));
        QCOMPARE(DosePairing::windowStartsAt(w, berlinTimeZone()), startsAt);
        QCOMPARE(DosePairing::windowEndsAt(w, berlinTimeZone()), endsAt);
    }

    void needsSecondDose_data() {
        QTest::addColumn<QString>("service");
        QTest::addColumn<bool>("needed");
        QTest::newRow("Comirnaty") << QStringLiteral("vaccine_comirnaty") << true;
        QTest::newRow("Vaxzevria") << QStringLiteral("vaccine_vaxzevria") << true;
        QTest::newRow("Jcovden, single dose") << QStringLiteral("vaccine_jcovden") << false;
        QTest::newRow("rapid antigen test") << QStringLiteral("rapid_antigen") << false;
        QTest::newRow("PCR test") << QStringLiteral("pcr") << false;
    }
    void needsSecondDose() {
        QFETCH(QString, service);
        QFETCH(bool, needed);
        const ServiceType *type = findService(service);
        QVERIFY(type);
        QCOMPARE(DosePairing::needsSecondDose(type->doses), needed);
    }

    void intervalValidity_data() {
        QTest::addColumn<int>("minDays");
        QTest::addColumn<int>("maxDays");
        QTest::addColumn<bool>("valid");
        QTest::newRow("21 to 42") << 21 << 42 << true;
        QTest::newRow("one fixed day") << 28 << 28 << true;
        QTest::newRow("min above max") << 43 << 42 << false;
        QTest::newRow("negative min") << -1 << 42 << false;
    }
    void intervalValidity() {
        QFETCH(int, minDays);
        QFETCH(int, maxDays);
        QFETCH(bool, valid);
        QCOMPARE((DoseInterval{minDays, maxDays}.isValid()), valid);
    }
};

QTEST_GUILESS_MAIN(TestDosePairing)
#include "TestDosePairing.moc"

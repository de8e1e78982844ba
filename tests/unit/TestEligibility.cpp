#include "models/rules/Eligibility.h"

#include <QTest>

using namespace slotdesk;

Q_DECLARE_METATYPE(Eligibility::Refusal)

class TestEligibility : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ageOn_data() {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("age");
        QTest::newRow("birthday on the appointment day")
            << QDate(1966, 3, 3) << QDate(2026, 3, 3) << 60;
        QTest::newRow("day before the birthday") << QDate(1966, 3, 3) << QDate(2026, 3, 2) << 59;
        QTest::newRow("earlier month") << QDate(1966, 12, 31) << QDate(2026, 1, 1) << 59;
        QTest::newRow("29 Feb, common year, 28 Feb")
            << QDate(1964, 2, 29) << QDate(2026, 2, 28) << 61;
        QTest::newRow("29 Feb, common year, 1 Mar")
            << QDate(1964, 2, 29) << QDate(2026, 3, 1) << 62;
        QTest::newRow("29 Feb, leap year, 29 Feb")
            << QDate(1964, 2, 29) << QDate(2028, 2, 29) << 64;
        QTest::newRow("29 Feb, leap year, 28 Feb")
            << QDate(1964, 2, 29) << QDate(2028, 2, 28) << 63;
        QTest::newRow("born on the day") << QDate(2026, 3, 3) << QDate(2026, 3, 3) << 0;
    }
    void ageOn() {
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(int, age);
        QCOMPARE(Eligibility::ageOn(birth, day), age);
    }

    void check_data() {
        QTest::addColumn<int>("ageFrom"); // -1: none
        QTest::addColumn<int>("ageTo");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("group");
        QTest::addColumn<Eligibility::Refusal>("refusal");
        using R = Eligibility::Refusal;
        const QDate day(2026, 3, 3);
        const QStringList none;
        const QStringList care{QStringLiteral("care")};
        QTest::newRow("60+, turns 60 that day")
            << 60 << -1 << none << QDate(1966, 3, 3) << day << QString() << R::None;
        QTest::newRow("60+, turns 60 the next day")
            << 60 << -1 << none << QDate(1966, 3, 4) << day << QString() << R::TooYoung;
        QTest::newRow("to 17, turns 18 that day")
            << -1 << 17 << none << QDate(2008, 3, 3) << day << QString() << R::TooOld;
        QTest::newRow("to 17, turns 18 the next day")
            << -1 << 17 << none << QDate(2008, 3, 4) << day << QString() << R::None;
        QTest::newRow("62+, born 29 Feb, on 28 Feb")
            << 62 << -1 << none << QDate(1964, 2, 29) << QDate(2026, 2, 28) << QString()
            << R::TooYoung;
        QTest::newRow("62+, born 29 Feb, on 1 Mar")
            << 62 << -1 << none << QDate(1964, 2, 29) << QDate(2026, 3, 1) << QString() << R::None;
        QTest::newRow("60 to 60, the birthday")
            << 60 << 60 << none << QDate(1966, 3, 3) << day << QString() << R::None;
        QTest::newRow("no limits")
            << -1 << -1 << none << QDate(1900, 1, 1) << day << QString() << R::None;
        QTest::newRow("group named")
            << -1 << -1 << care << QDate(1980, 1, 1) << day << QStringLiteral("care") << R::None;
        QTest::newRow("group missing")
            << -1 << -1 << care << QDate(1980, 1, 1) << day << QString() << R::PriorityGroup;
        QTest::newRow("other group") << -1 << -1 << care << QDate(1980, 1, 1) << day
                                     << QStringLiteral("teachers") << R::PriorityGroup;
        QTest::newRow("too young before the group") << 60 << -1 << care << QDate(1980, 1, 1) << day
                                                    << QStringLiteral("care") << R::TooYoung;
    }
    void check() {
        QFETCH(int, ageFrom);
        QFETCH(int, ageTo);
        QFETCH(QStringList, groups);
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(QString, group);
        QFETCH(Eligibility::Refusal, refusal);
        Eligibility rules;
        if (ageFrom >= 0)
            rules.ageFrom = ageFrom;
        if (ageTo >= 0)
            rules.ageTo = ageTo;
        rules.priorityGroups = groups;
        QCOMPARE(rules.check(birth, day, group), refusal);
        // Stored and read back, the rules decide alike.
        QCOMPARE(Eligibility::fromJson(rules.toJson()).check(birth, day, group), refusal);
    }

    void invitationCodes_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code");
        QTest::newRow("grouped, lower case")
            << QStringLiteral("ab12-cd34") << QStringLiteral("AB12CD34");
        QTest::newRow("spaces") << QStringLiteral(" AB12 CD34 ") << QStringLiteral("AB12CD34");
        QTest::newRow("too short") << QStringLiteral("AB12") << QString();
        QTest::newRow("umlaut") << QStringLiteral("ÄB12CD34") << QString();
        QTest::newRow("punctuation") << QStringLiteral("AB12;CD34") << QString();
    }
    void invitationCodes() {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        QCOMPARE(normaliseInvitationCode(typed), code);
    }
};

QTEST_GUILESS_MAIN(TestEligibility)
#include "TestEligibility.moc"

// The publish state of a centre from what was last published and what is stored now.
#include "models/rules/PublishState.h"

#include <QTest>

using namespace slotdesk;

class TestPublishState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void state_data() {
        QTest::addColumn<int>("publishedRevision");
        QTest::addColumn<QByteArray>("publishedDigest");
        QTest::addColumn<QString>("conflict");
        QTest::addColumn<int>("revision");
        QTest::addColumn<QByteArray>("digest");
        QTest::addColumn<int>("expected");
        const QByteArray a("aaaa");
        const QByteArray b("bbbb");
        QTest::newRow("never published")
            << 0 << QByteArray() << QString() << 1 << a << int(PublishState::NotPublished);
        QTest::newRow("as published")
            << 3 << a << QString() << 3 << a << int(PublishState::Published);
        QTest::newRow("centre edited")
            << 3 << a << QString() << 4 << a << int(PublishState::Changed);
        QTest::newRow("hours edited")
            << 3 << a << QString() << 3 << b << int(PublishState::Changed);
        QTest::newRow("conflict wins")
            << 3 << a << QStringLiteral("name_taken") << 3 << a << int(PublishState::Conflict);
        QTest::newRow("refused before first publish")
            << 0 << QByteArray() << QStringLiteral("name_taken") << 1 << a
            << int(PublishState::Conflict);
    }

    void state() {
        QFETCH(int, publishedRevision);
        QFETCH(QByteArray, publishedDigest);
        QFETCH(QString, conflict);
        QFETCH(int, revision);
        QFETCH(QByteArray, digest);
        QFETCH(int, expected);
        CentrePublication publication;
        publication.centreRevision = publishedRevision;
        publication.hoursDigest = publishedDigest;
        publication.conflict = conflict;
        QCOMPARE(int(publishStateOf(publication, revision, digest)), expected);
    }

    void digestFollowsEveryField_data() {
        QTest::addColumn<OpeningHours>("changed");
        OpeningHours base;
        base.weekly = {WeeklyInterval{1, TimeRange{480, 960}, false}};
        base.closures = {Closure{QDate(2026, 4, 3), QDate(2026, 4, 6), QStringLiteral("Ostern")}};
        base.specialDays = {
            SpecialDay{QDate(2026, 5, 1), QStringLiteral("Aktion"), {TimeRange{600, 720}}}};
        OpeningHours weekday = base;
        weekday.weekly[0].weekday = 2;
        QTest::newRow("weekday") << weekday;
        OpeningHours end = base;
        end.weekly[0].range.endMinute = 990;
        QTest::newRow("end") << end;
        OpeningHours isBreak = base;
        isBreak.weekly[0].isBreak = true;
        QTest::newRow("break") << isBreak;
        OpeningHours closure = base;
        closure.closures[0].last = QDate(2026, 4, 7);
        QTest::newRow("closure") << closure;
        OpeningHours reason = base;
        reason.closures[0].reason = QStringLiteral("Feiertag");
        QTest::newRow("reason") << reason;
        OpeningHours special = base;
        special.specialDays[0].open.append(TimeRange{780, 840});
        QTest::newRow("special day") << special;
    }

    void digestFollowsEveryField() {
        QFETCH(OpeningHours, changed);
        OpeningHours base;
        base.weekly = {WeeklyInterval{1, TimeRange{480, 960}, false}};
        base.closures = {Closure{QDate(2026, 4, 3), QDate(2026, 4, 6), QStringLiteral("Ostern")}};
        base.specialDays = {
            SpecialDay{QDate(2026, 5, 1), QStringLiteral("Aktion"), {TimeRange{600, 720}}}};
        QCOMPARE(openingHoursDigest(base).size(), 64);
        OpeningHours sameOtherCentre = base;
        sameOtherCentre.centreId = 42;
        QCOMPARE(openingHoursDigest(sameOtherCentre), openingHoursDigest(base));
        QVERIFY(openingHoursDigest(changed) != openingHoursDigest(base));
    }
};

QTEST_GUILESS_MAIN(TestPublishState)
#include "TestPublishState.moc"

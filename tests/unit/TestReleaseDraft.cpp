// The release wizard's rules: the summary line, validation of the opening time and the age
// range, the slots taken from a plan and the doses they request per product and ISO week.
// Untranslated (English) texts with German number formatting.
#include "models/core/Clock.h"
#include "models/rules/ReleaseDraft.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QTest>

using namespace slotdesk;

namespace {

QDateTime berlin(int month, int day, int hour, int minute = 0) {
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), berlinTimeZone());
}

// Monday 2 March 2026, 08:00 Berlin.
const QDateTime now = berlin(3, 2, 8);

SlotPlan twoCentrePlan() {
    SlotPlan plan;
    plan.first = QDate(2026, 3, 3);
    plan.last = QDate(2026, 3, 9);
    plan.services = {QStringLiteral("pcr"), QStringLiteral("vaccine_comirnaty")};
    plan.centreIds = {1, 2};
    const auto slot = [](qint64 centre, const QDateTime &start, int capacity, int service) {
        return PlannedSlot{centre, start.toSecsSinceEpoch(), 15, capacity, service};
    };
    plan.slots = {
        slot(1, berlin(3, 3, 9), 6, 0), slot(1, berlin(3, 3, 9), 6, 1),
        slot(2, berlin(3, 3, 9), 4, 1), slot(1, berlin(3, 8, 23, 45), 6, 1),
        slot(1, berlin(3, 9, 0), 6, 1), // Monday: ISO week 11
    };
    return plan;
}

const QHash<qint64, QString> uuids{{1, QStringLiteral("c1")}, {2, QStringLiteral("c2")}};

} // namespace

class TestReleaseDraft : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void summary_data() {
        QTest::addColumn<qint64>("places");
        QTest::addColumn<int>("centres");
        QTest::addColumn<bool>("opensNow");
        QTest::addColumn<QDateTime>("opensAt");
        QTest::addColumn<int>("ageFrom");
        QTest::addColumn<int>("ageTo");
        QTest::addColumn<QString>("groups");
        QTest::addColumn<bool>("invitation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("issue's example")
            << qint64(15600) << 12 << false << berlin(3, 4, 10) << 60 << -1 << QString() << false
            << "15.600 appointments in 12 centres, from Mi 10:00, "
               "only 60+";
        QTest::newRow("now, everyone")
            << qint64(1) << 1 << true << QDateTime() << -1 << -1 << QString() << false
            << "1 appointment in 1 centre, from now, open to everyone";
        QTest::newRow("a week ahead names the date")
            << qint64(2000) << 2 << false << berlin(3, 10, 7, 30) << 18 << 59 << QString() << false
            << "2.000 appointments in 2 centres, from Di 10.03. 07:30, only 18–59 years";
        QTest::newRow("upper age, group, invitation")
            << qint64(40) << 1 << true << QDateTime() << -1 << 17 << "Pflege" << true
            << "40 appointments in 1 centre, from now, only up to 17 years, priority group "
               "Pflege, with invitation only";
    }

    void summary() {
        QFETCH(qint64, places);
        QFETCH(int, centres);
        QFETCH(bool, opensNow);
        QFETCH(QDateTime, opensAt);
        QFETCH(int, ageFrom);
        QFETCH(int, ageTo);
        QFETCH(QString, groups);
        QFETCH(bool, invitation);
        QFETCH(QString, expected);
        ReleaseDraft draft;
        draft.opensNow = opensNow;
        draft.opensAt = opensAt;
        if (ageFrom >= 0)
            draft.ageFrom = ageFrom;
        if (ageTo >= 0)
            draft.ageTo = ageTo;
        if (!groups.isEmpty())
            draft.priorityGroups = {groups};
        draft.invitationOnly = invitation;
        QCOMPARE(ReleaseDraftRules::summary(draft, places, centres, now), expected);
    }

    void openingTime_data() {
        QTest::addColumn<QDateTime>("opensAt");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("yesterday") << berlin(3, 1, 10) << false;
        QTest::newRow("exactly now") << now << false;
        QTest::newRow("a minute ahead") << now.addSecs(60) << true;
        QTest::newRow("Wednesday 10:00") << berlin(3, 4, 10) << true;
    }

    void openingTime() {
        QFETCH(QDateTime, opensAt);
        QFETCH(bool, accepted);
        ReleaseDraft draft;
        draft.name = QStringLiteral("Aktion");
        draft.opensNow = false;
        draft.opensAt = opensAt;
        const QList<DraftProblem> problems = ReleaseDraftRules::openingProblems(draft, now);
        QCOMPARE(problems.isEmpty(), accepted);
        if (!accepted)
            QCOMPARE(problems.constFirst().field, QStringLiteral("releaseOpensAt"));
    }

    void ageRange_data() {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("60 to 18 excludes everyone") << 60 << 18 << false;
        QTest::newRow("one year") << 60 << 60 << true;
        QTest::newRow("18 to 59") << 18 << 59 << true;
    }

    void ageRange() {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, accepted);
        ReleaseDraft draft;
        draft.ageFrom = from;
        draft.ageTo = to;
        const QList<DraftProblem> problems = ReleaseDraftRules::eligibilityProblems(draft);
        QCOMPARE(problems.isEmpty(), accepted);
        if (!accepted)
            QCOMPARE(problems.constFirst().field, QStringLiteral("releaseAgeTo"));
    }

    void invitationOnlyNeedsCodes() {
        ReleaseDraft draft;
        draft.invitationOnly = true;
        QCOMPARE(ReleaseDraftRules::eligibilityProblems(draft).size(), 1);
        draft.invitationCount = 50;
        QVERIFY(ReleaseDraftRules::eligibilityProblems(draft).isEmpty());
        const QStringList codes = ReleaseDraftRules::invitationCodes(50);
        QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), 50);
        const QJsonObject body =
            ReleaseDraftRules::requestBody(draft, QStringLiteral("u"), {}, codes);
        const QJsonObject eligibility = body.value(QStringLiteral("eligibility")).toObject();
        QCOMPARE(eligibility.value(QStringLiteral("invitation_codes")).toArray().size(), 50);
        QVERIFY(eligibility.value(QStringLiteral("invitation_only")).toBool());
    }

    void selectedSlotsAndDoses() {
        const SlotPlan plan = twoCentrePlan();
        ReleaseDraft draft;
        draft.centreIds = {1, 2};
        draft.services = {QStringLiteral("vaccine_comirnaty")};
        draft.days = {QDate(2026, 3, 3), QDate(2026, 3, 8), QDate(2026, 3, 9)};
        draft.capacityPerSlot = 5;
        const QList<DraftSlot> slots = ReleaseDraftRules::selectSlots(plan, draft, uuids);
        QCOMPARE(slots.size(), 4);
        QCOMPARE(slots.at(0).centreUuid, QStringLiteral("c1"));
        QCOMPARE(slots.at(0).capacity, 5);
        QCOMPARE(slots.at(1).capacity, 4); // never more than the slot has
        QCOMPARE(ReleaseDraftRules::places(slots), qint64(19));
        const QMap<QString, int> doses = ReleaseDraftRules::requestedDoses(slots);
        QCOMPARE(doses.value(QStringLiteral("vaccine_comirnaty|2026-W10")), 14);
        QCOMPARE(doses.value(QStringLiteral("vaccine_comirnaty|2026-W11")), 5);

        draft.services = {QStringLiteral("pcr")};
        draft.capacityPerSlot = 0;
        const QList<DraftSlot> tests = ReleaseDraftRules::selectSlots(plan, draft, uuids);
        QCOMPARE(tests.size(), 1);
        QCOMPARE(tests.constFirst().capacity, 6);
        QVERIFY(ReleaseDraftRules::requestedDoses(tests).isEmpty()); // tests are not limited
    }

    void forecastLine() {
        ForecastLine line{QStringLiteral("vaccine_comirnaty"), QStringLiteral("2026-W10"),
                          ForecastWeek{1200, 300, 100}, 900};
        QCOMPARE(line.available(), 800);
        QVERIFY(!line.fits());
        QCOMPARE(ReleaseDraftRules::forecastText(line),
                 QStringLiteral("Vaccination: Comirnaty (BioNTech), week 2026-W10: forecast "
                                "1.200 − offered 300 − reserved 100 = available 800; requested "
                                "900: too many"));
        line.requested = 800;
        QVERIFY(line.fits());
        line.figures.forecast.reset();
        QVERIFY(!line.fits());
    }
};

QTEST_GUILESS_MAIN(TestReleaseDraft)
#include "TestReleaseDraft.moc"

#include "models/rules/Validation.h"

#include <QTest>

#include <functional>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

Centre validTestCentre() {
    Centre c;
    c.name = QStringLiteral("Testzentrum Altstadt");
    c.street = QStringLiteral("Marktplatz 1");
    c.postcode = QStringLiteral("01067");
    c.city = QStringLiteral("Dresden");
    c.kind = CentreKind::TestCentre;
    c.serviceCodes = {QStringLiteral("pcr"), QStringLiteral("rapid_antigen")};
    c.lanes = 3;
    c.capacityPerLane = 2;
    c.slotMinutes = 15;
    c.phone = QStringLiteral("+49 (351) 123-456");
    return c;
}

Centre validVaccinationCentre() {
    Centre c = validTestCentre();
    c.name = QStringLiteral("Impfzentrum Messe");
    c.kind = CentreKind::VaccinationCentre;
    c.serviceCodes = {QStringLiteral("vaccine_comirnaty"), QStringLiteral("vaccine_spikevax")};
    return c;
}

Centre changed(const std::function<void(Centre &)> &change) {
    Centre c = validTestCentre();
    change(c);
    return c;
}

WeeklyInterval open(int weekday, int from, int to) {
    return {weekday, {from, to}, false};
}

WeeklyInterval pause(int weekday, int from, int to) {
    return {weekday, {from, to}, true};
}

const QDate kToday(2026, 11, 24);

OpeningHours validHours() {
    OpeningHours h;
    for (int day = 1; day <= 5; ++day) {
        h.weekly.append(open(day, 8 * 60, 12 * 60));
        h.weekly.append(open(day, 13 * 60, 18 * 60));
    }
    h.weekly.append(open(6, 9 * 60, 14 * 60));
    h.weekly.append(pause(6, 11 * 60, 11 * 60 + 30));
    h.closures.append({QDate(2026, 12, 25), QDate(2026, 12, 26), QStringLiteral("Weihnachten")});
    h.specialDays.append({QDate(2026, 12, 24), QStringLiteral("Heiligabend"), {{480, 720}}});
    return h;
}

OpeningHours hoursChanged(const std::function<void(OpeningHours &)> &change) {
    OpeningHours h = validHours();
    change(h);
    return h;
}

QStringList fields(const FieldErrors &errors) {
    QStringList result;
    for (const FieldError &e : errors)
        result.append(e.field);
    return result;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validCentresHaveNoErrors();
    void centreRules_data();
    void centreRules();
    void capacityZeroHasExplicitMessage();
    void validHoursHaveNoErrors();
    void hoursRules_data();
    void hoursRules();
    void storedPastClosureStaysValid();
    void invalidTodaySkipsPastCheck();
    void messagesFormatTimesAndDates();
};

void TestValidation::validCentresHaveNoErrors() {
    QCOMPARE(validateCentre(validTestCentre(), {QStringLiteral("Impfzentrum Messe")}),
             FieldErrors{});
    QCOMPARE(validateCentre(validVaccinationCentre(), {QStringLiteral("Testzentrum Altstadt")}),
             FieldErrors{});
    Centre noPhone = validTestCentre();
    noPhone.phone.clear();
    QCOMPARE(validateCentre(noPhone, {}), FieldErrors{});
}

void TestValidation::centreRules_data() {
    QTest::addColumn<Centre>("centre");
    QTest::addColumn<QStringList>("otherNames");
    QTest::addColumn<QString>("field");

    const QStringList none;
    QTest::newRow("name empty") << changed([](Centre &c) { c.name = QStringLiteral("  "); }) << none
                                << u"name"_s;
    QTest::newRow("name 121 chars")
        << changed([](Centre &c) { c.name = QString(121, u'x'); }) << none << u"name"_s;
    QTest::newRow("duplicate name, other case and spaces")
        << validTestCentre() << QStringList{QStringLiteral("  testzentrum   ALTSTADT ")}
        << u"name"_s;
    QTest::newRow("street empty") << changed([](Centre &c) { c.street.clear(); }) << none
                                  << u"street"_s;
    QTest::newRow("city empty") << changed([](Centre &c) { c.city = QStringLiteral(" "); }) << none
                                << u"city"_s;
    QTest::newRow("postcode 4 digits")
        << changed([](Centre &c) { c.postcode = QStringLiteral("1067"); }) << none << u"postcode"_s;
    QTest::newRow("postcode 6 digits")
        << changed([](Centre &c) { c.postcode = QStringLiteral("010670"); }) << none
        << u"postcode"_s;
    QTest::newRow("postcode letters")
        << changed([](Centre &c) { c.postcode = QStringLiteral("D-010"); }) << none
        << u"postcode"_s;
    QTest::newRow("postcode arabic-indic digits")
        << changed([](Centre &c) { c.postcode = QStringLiteral("\u0661\u0662\u0663\u0664\u0665"); })
        << none << u"postcode"_s;
    QTest::newRow("no services") << changed([](Centre &c) { c.serviceCodes.clear(); }) << none
                                 << u"services"_s;
    QTest::newRow("unknown service")
        << changed([](Centre &c) { c.serviceCodes.append(QStringLiteral("flu_shot")); }) << none
        << u"services"_s;
    QTest::newRow("service twice")
        << changed([](Centre &c) { c.serviceCodes.append(QStringLiteral("pcr")); }) << none
        << u"services"_s;
    QTest::newRow("vaccine in test centre")
        << changed([](Centre &c) { c.serviceCodes.append(QStringLiteral("vaccine_jcovden")); })
        << none << u"services"_s;
    QTest::newRow("test in vaccination centre") << changed([](Centre &c) {
        c = validVaccinationCentre();
        c.serviceCodes.append(QStringLiteral("rapid_antigen"));
    }) << none << u"services"_s;
    QTest::newRow("lanes 0") << changed([](Centre &c) { c.lanes = 0; }) << none << u"lanes"_s;
    QTest::newRow("lanes 201") << changed([](Centre &c) { c.lanes = 201; }) << none << u"lanes"_s;
    QTest::newRow("capacity 0") << changed([](Centre &c) { c.capacityPerLane = 0; }) << none
                                << u"capacityPerLane"_s;
    QTest::newRow("capacity negative")
        << changed([](Centre &c) { c.capacityPerLane = -3; }) << none << u"capacityPerLane"_s;
    QTest::newRow("capacity huge")
        << changed([](Centre &c) { c.capacityPerLane = 100000; }) << none << u"capacityPerLane"_s;
    QTest::newRow("slot 0") << changed([](Centre &c) { c.slotMinutes = 0; }) << none
                            << u"slotMinutes"_s;
    QTest::newRow("slot 245") << changed([](Centre &c) { c.slotMinutes = 245; }) << none
                              << u"slotMinutes"_s;
    QTest::newRow("slot 7") << changed([](Centre &c) { c.slotMinutes = 7; }) << none
                            << u"slotMinutes"_s;
    QTest::newRow("phone letters")
        << changed([](Centre &c) { c.phone = QStringLiteral("0351 CALL NOW"); }) << none
        << u"phone"_s;
    QTest::newRow("phone too few digits")
        << changed([](Centre &c) { c.phone = QStringLiteral("+49 12"); }) << none << u"phone"_s;
}

void TestValidation::centreRules() {
    QFETCH(Centre, centre);
    QFETCH(QStringList, otherNames);
    QFETCH(QString, field);
    const FieldErrors errors = validateCentre(centre, otherNames);
    QCOMPARE(fields(errors), QStringList{field});
    QVERIFY(!errors.first().message.isEmpty());
    QVERIFY2(errors.first().message.endsWith(u'.'), qPrintable(errors.first().message));
}

void TestValidation::capacityZeroHasExplicitMessage() {
    const FieldErrors errors =
        validateCentre(changed([](Centre &c) { c.capacityPerLane = 0; }), {});
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().message,
             QStringLiteral("Capacity must be at least 1 person per lane and slot."));
}

void TestValidation::validHoursHaveNoErrors() {
    QCOMPARE(validateOpeningHours(validHours(), kToday), FieldErrors{});
    QCOMPARE(validateOpeningHours(OpeningHours{}, kToday), FieldErrors{});
    // Intervals that touch do not overlap; an ongoing closure is not in the past.
    OpeningHours h;
    h.weekly = {open(1, 0, 720), open(1, 720, 1440), pause(1, 700, 720)};
    h.closures = {{kToday.addDays(-3), kToday, QStringLiteral("Umbau")}};
    QCOMPARE(validateOpeningHours(h, kToday), FieldErrors{});
}

void TestValidation::hoursRules_data() {
    QTest::addColumn<OpeningHours>("hours");
    QTest::addColumn<QString>("field");

    QTest::newRow("weekday 0") << hoursChanged([](OpeningHours &h) {
        h.weekly.append(open(0, 60, 120));
    }) << u"weekly[12]"_s;
    QTest::newRow("weekday 8") << hoursChanged([](OpeningHours &h) {
        h.weekly.append(open(8, 60, 120));
    }) << u"weekly[12]"_s;
    QTest::newRow("end before start")
        << hoursChanged([](OpeningHours &h) { h.weekly[3] = open(2, 18 * 60, 8 * 60); })
        << u"weekly[3]"_s;
    QTest::newRow("end equals start")
        << hoursChanged([](OpeningHours &h) { h.weekly[3] = open(2, 600, 600); }) << u"weekly[3]"_s;
    QTest::newRow("end after 24:00")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(open(7, 600, 1441)); })
        << u"weekly[12]"_s;
    QTest::newRow("negative start")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(open(7, -1, 600)); })
        << u"weekly[12]"_s;
    QTest::newRow("overlapping open intervals")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(open(3, 11 * 60, 14 * 60)); })
        << u"weekly[12]"_s;
    QTest::newRow("break outside opening hours")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(pause(1, 12 * 60, 13 * 60)); })
        << u"weekly[12]"_s;
    QTest::newRow("break across two intervals")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(pause(1, 11 * 60, 14 * 60)); })
        << u"weekly[12]"_s;
    QTest::newRow("break on a closed day")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(pause(7, 11 * 60, 12 * 60)); })
        << u"weekly[12]"_s;
    QTest::newRow("overlapping breaks")
        << hoursChanged([](OpeningHours &h) { h.weekly.append(pause(6, 11 * 60 + 15, 12 * 60)); })
        << u"weekly[12]"_s;
    QTest::newRow("closure last before first")
        << hoursChanged([](OpeningHours &h) { h.closures[0].last = QDate(2026, 12, 20); })
        << u"closures[0]"_s;
    QTest::newRow("closure invalid date") << hoursChanged([](OpeningHours &h) {
        h.closures.append({QDate(), QDate(2027, 1, 1), {}});
    }) << u"closures[1]"_s;
    QTest::newRow("new closure in the past") << hoursChanged([](OpeningHours &h) {
        h.closures.append({QDate(2026, 11, 1), kToday.addDays(-1), QStringLiteral("Streik")});
    }) << u"closures[1]"_s;
    QTest::newRow("overlapping closures") << hoursChanged([](OpeningHours &h) {
        h.closures.append({QDate(2026, 12, 26), QDate(2027, 1, 2), QStringLiteral("Inventur")});
    }) << u"closures[1]"_s;
    QTest::newRow("special day without intervals") << hoursChanged([](OpeningHours &h) {
        h.specialDays.append({QDate(2026, 12, 31), QStringLiteral("Silvester"), {}});
    }) << u"specialDays[1]"_s;
    QTest::newRow("special day invalid date") << hoursChanged([](OpeningHours &h) {
        h.specialDays.append({QDate(), QStringLiteral("?"), {{600, 700}}});
    }) << u"specialDays[1]"_s;
    QTest::newRow("special day overlapping intervals") << hoursChanged([](OpeningHours &h) {
        h.specialDays[0].open.append({600, 900});
    }) << u"specialDays[0]"_s;
    QTest::newRow("special day end before start") << hoursChanged([](OpeningHours &h) {
        h.specialDays[0].open = {{720, 480}};
    }) << u"specialDays[0]"_s;
    QTest::newRow("two special days on one date") << hoursChanged([](OpeningHours &h) {
        h.specialDays.append({QDate(2026, 12, 24), QStringLiteral("Nochmal"), {{900, 960}}});
    }) << u"specialDays[1]"_s;
}

void TestValidation::hoursRules() {
    QFETCH(OpeningHours, hours);
    QFETCH(QString, field);
    const FieldErrors errors = validateOpeningHours(hours, kToday);
    QCOMPARE(fields(errors), QStringList{field});
    QVERIFY(!errors.first().message.isEmpty());
    QVERIFY2(errors.first().message.endsWith(u'.'), qPrintable(errors.first().message));
}

void TestValidation::storedPastClosureStaysValid() {
    const Closure past{QDate(2026, 10, 1), QDate(2026, 10, 3), QStringLiteral("Einheit")};
    OpeningHours stored = validHours();
    stored.closures.prepend(past);
    OpeningHours edited = stored;
    edited.weekly.append(open(7, 600, 720)); // an unrelated edit
    QCOMPARE(validateOpeningHours(edited, kToday, stored), FieldErrors{});
    // The same closure is refused when it is new.
    const FieldErrors errors = validateOpeningHours(edited, kToday);
    QCOMPARE(fields(errors), QStringList{u"closures[0]"_s});
    QCOMPARE(errors.first().message, QStringLiteral("A closure cannot lie in the past."));
}

void TestValidation::invalidTodaySkipsPastCheck() {
    OpeningHours h = validHours();
    h.closures.append({QDate(2020, 1, 1), QDate(2020, 1, 2), {}});
    QCOMPARE(validateOpeningHours(h, QDate()), FieldErrors{});
}

void TestValidation::messagesFormatTimesAndDates() {
    OpeningHours h = validHours();
    h.weekly.append(open(3, 11 * 60, 24 * 60));
    h.closures.append({QDate(2026, 12, 26), QDate(2027, 1, 2), {}});
    const FieldErrors errors = validateOpeningHours(h, kToday);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).message.contains(u"11:00") && errors.at(0).message.contains(u"24:00") &&
                 errors.at(0).message.contains(u"08:00") &&
                 errors.at(0).message.contains(u"Wednesday"),
             qPrintable(errors.at(0).message));
    QVERIFY2(errors.at(1).message.contains(u"26.12.2026") &&
                 errors.at(1).message.contains(u"02.01.2027") &&
                 errors.at(1).message.contains(u"25.12.2026"),
             qPrintable(errors.at(1).message));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"

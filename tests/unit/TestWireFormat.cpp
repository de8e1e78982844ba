#include "net/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace slotdesk;

class TestWireFormat : public QObject {
    Q_OBJECT

private:
    static Centre sampleCentre() {
        Centre c;
        c.uuid = QStringLiteral("7d0b8f0e-8f5a-4a8e-9a43-0e6a2f1c5b11");
        c.name = QStringLiteral("Testzentrum Münster Hbf");
        c.street = QStringLiteral("Berliner Platz 1");
        c.postcode = QStringLiteral("48143");
        c.city = QStringLiteral("Münster");
        c.kind = CentreKind::VaccinationCentre;
        c.serviceCodes = {QStringLiteral("pcr"), QStringLiteral("vaccine_comirnaty")};
        c.lanes = 3;
        c.capacityPerLane = 2;
        c.slotMinutes = 10;
        c.phone = QStringLiteral("+49 251 1234");
        c.active = false;
        c.revision = 4;
        return c;
    }

    static OpeningHours sampleHours() {
        OpeningHours h;
        h.weekly = {{1, {8 * 60, 12 * 60}, false},
                    {1, {10 * 60, 10 * 60 + 30}, true},
                    {7, {20 * 60, 1440}, false}};
        h.closures = {{QDate(2026, 12, 24), QDate(2026, 12, 26), QStringLiteral("Weihnachten")}};
        h.specialDays = {{QDate(2026, 12, 31),
                          QStringLiteral("Silvester"),
                          {{8 * 60, 11 * 60}, {12 * 60, 13 * 60}}}};
        return h;
    }

private Q_SLOTS:
    void centreRoundTrip() {
        const Centre c = sampleCentre();
        const QJsonObject json = wire::toJson(c);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("vaccination"));
        Centre back;
        QString error;
        QVERIFY2(wire::fromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back, c);
    }

    void hoursRoundTrip() {
        const OpeningHours h = sampleHours();
        const QJsonObject json = wire::toJson(h);
        QCOMPARE(json.value(QStringLiteral("weekly"))
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(QStringLiteral("end")),
                 QJsonValue(QStringLiteral("24:00")));
        OpeningHours back;
        QString error;
        QVERIFY2(wire::fromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back, h);
    }

    void badCentre_data() {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown field") << QByteArray(R"({"colour":"red"})") << "colour";
        QTest::newRow("name number") << QByteArray(R"({"name":5})") << "name";
        QTest::newRow("lanes string") << QByteArray(R"({"lanes":"3"})") << "lanes";
        QTest::newRow("lanes fraction") << QByteArray(R"({"lanes":1.5})") << "lanes";
        QTest::newRow("kind german") << QByteArray(R"({"kind":"impfzentrum"})") << "kind";
        QTest::newRow("services not array") << QByteArray(R"({"services":"pcr"})") << "services";
        QTest::newRow("service number") << QByteArray(R"({"services":[1]})") << "services[0]";
        QTest::newRow("active string") << QByteArray(R"({"active":"yes"})") << "active";
    }

    void badCentre() {
        QFETCH(QByteArray, patch);
        QFETCH(QString, mentions);
        QJsonObject json = wire::toJson(sampleCentre());
        const QJsonObject overrides = QJsonDocument::fromJson(patch).object();
        for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
            json.insert(it.key(), it.value());
        Centre untouched = sampleCentre();
        QString error;
        QVERIFY(!wire::fromJson(json, &untouched, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QCOMPARE(untouched, sampleCentre()); // nothing half-decoded
    }

    void missingName() {
        QJsonObject json = wire::toJson(sampleCentre());
        json.remove(QStringLiteral("name"));
        Centre c;
        QString error;
        QVERIFY(!wire::fromJson(json, &c, &error));
        QVERIFY(error.contains(u"name"));
    }

    void badHours_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no weekly") << QByteArray(R"({})") << "weekly";
        QTest::newRow("weekday 8")
            << QByteArray(R"({"weekly":[{"weekday":8,"start":"08:00","end":"09:00"}]})")
            << "weekly[0].weekday";
        QTest::newRow("time 25:00")
            << QByteArray(R"({"weekly":[{"weekday":1,"start":"08:00","end":"25:00"}]})")
            << "weekly[0].end";
        QTest::newRow("time 8:00")
            << QByteArray(R"({"weekly":[{"weekday":1,"start":"8:00","end":"09:00"}]})")
            << "weekly[0].start";
        QTest::newRow("minute 60")
            << QByteArray(R"({"weekly":[{"weekday":1,"start":"08:60","end":"09:00"}]})")
            << "weekly[0].start";
        QTest::newRow("bad date")
            << QByteArray(
                   R"({"weekly":[],"closures":[{"first":"2026-02-30","last":"2026-03-01"}]})")
            << "closures[0].first";
        QTest::newRow("unknown in special")
            << QByteArray(R"({"weekly":[],"special_days":[{"date":"2026-12-31","open":[],"x":1}]})")
            << "special_days[0].x";
        QTest::newRow("range not object")
            << QByteArray(R"({"weekly":[],"special_days":[{"date":"2026-12-31","open":[3]}]})")
            << "special_days[0].open[0]";
        QTest::newRow("break string")
            << QByteArray(
                   R"({"weekly":[{"weekday":1,"start":"08:00","end":"09:00","break":"no"}]})")
            << "weekly[0].break";
    }

    void badHours() {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        OpeningHours hours = sampleHours();
        QString error;
        QVERIFY(!wire::fromJson(QJsonDocument::fromJson(json).object(), &hours, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QCOMPARE(hours, sampleHours());
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "TestWireFormat.moc"

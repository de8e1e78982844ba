#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString supervisorPassword = QStringLiteral("supervisor pw 1");
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString comirnaty = QStringLiteral("vaccine_comirnaty");
const QString w10 = QStringLiteral("2026-W10");
const QString w11 = QStringLiteral("2026-W11");

QJsonObject centreJson() {
    return {{QStringLiteral("name"), QStringLiteral("Impfzentrum Messe")},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"), QJsonArray{comirnaty, QStringLiteral("pcr")}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

QString berlinText(const QDate &day, const QTime &time) {
    return QDateTime(day, time, berlinTimeZone()).toString(Qt::ISODate);
}

// A slot on Tuesday 3 March 2026 (week 10) from 09:00 Berlin, one every 15 minutes.
QJsonObject slot(const QString &service, int index, int capacity) {
    return {
        {QStringLiteral("centre"), centreUuid},
        {QStringLiteral("service"), service},
        {QStringLiteral("start"), berlinText(QDate(2026, 3, 3), QTime(9, 0).addSecs(index * 900))},
        {QStringLiteral("minutes"), 15},
        {QStringLiteral("capacity"), capacity}};
}

QJsonObject slotAt(const QDate &day, const QTime &time, int capacity) {
    return {{QStringLiteral("centre"), centreUuid},
            {QStringLiteral("service"), comirnaty},
            {QStringLiteral("start"), berlinText(day, time)},
            {QStringLiteral("minutes"), 15},
            {QStringLiteral("capacity"), capacity}};
}

QJsonObject releaseJson(const QString &uuid, const QJsonArray &slots) {
    return {{QStringLiteral("uuid"), uuid},
            {QStringLiteral("name"), QStringLiteral("Erstimpfungen")},
            {QStringLiteral("opens_at"), QStringLiteral("now")},
            {QStringLiteral("slots"), slots}};
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestForecasts : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;

    HttpReply putForecast(const QString &service, const QString &week, const QJsonObject &body,
                          const QString &token) {
        return m_http->put(QStringLiteral("/api/v1/forecasts/%1/%2").arg(service, week), body,
                           token);
    }
    HttpReply putForecast(const QString &week, int doses) {
        return putForecast(comirnaty, week, {{QStringLiteral("doses"), doses}}, m_admin);
    }
    HttpReply createRelease(const QJsonArray &slots) {
        return m_http->post(QStringLiteral("/api/v1/releases"), releaseJson(newUuid(), slots),
                            m_admin);
    }
    qint64 count(const QString &sql) { return m_fx->scalar(sql); }

    // The refusal's arithmetic, in one comparable line.
    static QString figures(const HttpReply &reply) {
        const QJsonObject &j = reply.json;
        return QStringLiteral("%1 %2 forecast=%3 offered=%4 reserved=%5 requested=%6 "
                              "available=%7")
            .arg(j.value(QStringLiteral("service")).toString(),
                 j.value(QStringLiteral("week")).toString())
            .arg(j.value(QStringLiteral("forecast")).toInt(-1))
            .arg(j.value(QStringLiteral("offered")).toInt(-1))
            .arg(j.value(QStringLiteral("reserved")).toInt(-1))
            .arg(j.value(QStringLiteral("requested")).toInt(-1))
            .arg(j.value(QStringLiteral("available")).toInt(-1));
    }

private Q_SLOTS:
    void init() {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        QVERIFY(m_fx->start(config));
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        QVERIFY(!m_admin.isEmpty());
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin)
                     .status,
                 201);
    }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void putAndGet() {
        const HttpReply created = putForecast(w10, 100);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("doses")).toInt(), 100);
        QCOMPARE(created.json.value(QStringLiteral("available")).toInt(), 100);
        QCOMPARE(created.json.value(QStringLiteral("updated_by")).toString(),
                 QStringLiteral("admin"));
        QCOMPARE(putForecast(w11, 40).status, 201);
        QCOMPARE(putForecast(comirnaty, w10, {{QStringLiteral("doses"), 0}}, m_admin).status, 200);
        QCOMPARE(putForecast(w10, 120).status, 200);
        // Idempotent: the same figure again changes nothing and is neither audited nor streamed.
        QCOMPARE(putForecast(w10, 120).status, 200);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'forecast.update'")),
                 4);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'forecast.updated'")),
                 4);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecasts")), 2);

        m_http->post(QStringLiteral("/api/v1/staff"),
                     {{QStringLiteral("login"), QStringLiteral("schicht")},
                      {QStringLiteral("role"), QStringLiteral("supervisor")},
                      {QStringLiteral("password"), supervisorPassword}},
                     m_admin);
        const QString supervisor = m_http->login(QStringLiteral("schicht"), supervisorPassword);
        QVERIFY(!supervisor.isEmpty());
        const HttpReply all = m_http->get(
            QStringLiteral("/api/v1/forecasts?service=vaccine_comirnaty&from=2026-W10&to=2026-W11"),
            supervisor);
        QCOMPARE(all.status, 200);
        const QJsonArray items = all.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("week")).toString(), w10);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("doses")).toInt(), 120);
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("week")).toString(), w11);
        const HttpReply later =
            m_http->get(QStringLiteral("/api/v1/forecasts?from=2026-W11"), supervisor);
        QCOMPARE(later.json.value(QStringLiteral("items")).toArray().size(), 1);
        // Supervisors read, only admins write.
        QCOMPARE(putForecast(comirnaty, w10, {{QStringLiteral("doses"), 1}}, supervisor).status,
                 403);
    }

    void badInputNamesTheField_data() {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("week");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("field");
        const QByteArray ok = R"({"doses":10})";
        QTest::newRow("unknown service")
            << QStringLiteral("vaccine_unknown") << w10 << ok << QStringLiteral("unknown_service")
            << QStringLiteral("service");
        QTest::newRow("not a vaccine")
            << QStringLiteral("pcr") << w10 << ok << QStringLiteral("not_a_vaccine")
            << QStringLiteral("service");
        QTest::newRow("malformed week") << comirnaty << QStringLiteral("2026-10") << ok
                                        << QStringLiteral("invalid_week") << QStringLiteral("week");
        QTest::newRow("week 53 of a 52-week year")
            << comirnaty << QStringLiteral("2027-W53") << ok << QStringLiteral("invalid_week")
            << QStringLiteral("week");
        QTest::newRow("negative doses")
            << comirnaty << w10 << QByteArray(R"({"doses":-1})") << QStringLiteral("out_of_range")
            << QStringLiteral("doses");
        QTest::newRow("doses missing")
            << comirnaty << w10 << QByteArray("{}") << QStringLiteral("missing_field")
            << QStringLiteral("doses");
    }
    void badInputNamesTheField() {
        QFETCH(QString, service);
        QFETCH(QString, week);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(QString, field);
        const HttpReply reply = m_http->call(
            "PUT", QStringLiteral("/api/v1/forecasts/%1/%2").arg(service, week), body, m_admin);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), error);
        QCOMPARE(reply.field(), field);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecasts")), 0);
    }

    void listRefusesBadFilters() {
        HttpReply reply =
            m_http->get(QStringLiteral("/api/v1/forecasts?service=vaccine_unknown"), m_admin);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.field(), QStringLiteral("service"));
        reply = m_http->get(QStringLiteral("/api/v1/forecasts?to=2026-W99"), m_admin);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.field(), QStringLiteral("to"));
    }

    void releaseWithinAndOverTheForecast() {
        QCOMPARE(putForecast(w10, 20).status, 201);
        // Published slots of the product count as offered (6 doses).
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/slots"),
                            {{QStringLiteral("slots"), QJsonArray{slot(comirnaty, 0, 6)}}}, m_admin)
                     .status,
                 201);
        // Exactly the 14 left: accepted, together with a test slot that is not limited.
        HttpReply reply = createRelease(
            {slot(comirnaty, 1, 8), slot(comirnaty, 2, 6), slot(QStringLiteral("pcr"), 3, 99)});
        QCOMPARE(reply.status, 201);
        // One more dose: refused with the arithmetic, nothing stored.
        const qint64 releases = count(QStringLiteral("SELECT COUNT(*) FROM releases"));
        reply = createRelease({slot(QStringLiteral("pcr"), 4, 3), slot(comirnaty, 5, 1)});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("forecast_exceeded"));
        QCOMPARE(reply.field(), QStringLiteral("slots[1]"));
        QCOMPARE(figures(reply), QStringLiteral("vaccine_comirnaty 2026-W10 forecast=20 offered=20 "
                                                "reserved=0 requested=1 available=0"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases")), releases);

        // Raising the forecast makes room for exactly the difference.
        QCOMPARE(putForecast(w10, 25).status, 200);
        reply = createRelease({slot(comirnaty, 5, 6)});
        QCOMPARE(reply.status, 409);
        QCOMPARE(figures(reply), QStringLiteral("vaccine_comirnaty 2026-W10 forecast=25 offered=20 "
                                                "reserved=0 requested=6 available=5"));
        QCOMPARE(createRelease({slot(comirnaty, 5, 5)}).status, 201);
        const HttpReply listed = m_http->get(QStringLiteral("/api/v1/forecasts"), m_admin);
        const QJsonObject row =
            listed.json.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("offered")).toInt(), 25);
        QCOMPARE(row.value(QStringLiteral("available")).toInt(), 0);
    }

    void weekWithoutForecastIsRefused() {
        QCOMPARE(putForecast(w10, 100).status, 201);
        // Sunday 8 March 23:45 is still week 10; Monday 9 March 00:00 is week 11 (no forecast).
        HttpReply reply = createRelease({slotAt(QDate(2026, 3, 8), QTime(23, 45), 5)});
        QCOMPARE(reply.status, 201);
        reply = createRelease({slotAt(QDate(2026, 3, 4), QTime(10, 0), 5),
                               slotAt(QDate(2026, 3, 9), QTime(0, 0), 5)});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("no_forecast"));
        QCOMPARE(reply.json.value(QStringLiteral("week")).toString(), w11);
        QCOMPARE(reply.field(), QStringLiteral("slots[1]"));
        QVERIFY(reply.json.value(QStringLiteral("forecast")).isNull());
        // Non-vaccine slots in that week are not limited.
        QCOMPARE(createRelease({slot(QStringLiteral("pcr"), 0, 5)}).status, 201);
    }

    void loweringTheForecastKeepsReleases() {
        QCOMPARE(putForecast(w10, 30).status, 201);
        QCOMPARE(createRelease({slot(comirnaty, 0, 6), slot(comirnaty, 1, 6)}).status, 201);
        QCOMPARE(putForecast(w10, 5).status, 200);
        // The release and its 12 places stay; nothing more can be released that week.
        QCOMPARE(count(QStringLiteral("SELECT SUM(capacity) FROM slots WHERE service_code = "
                                      "'vaccine_comirnaty'")),
                 12);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases WHERE state = 'open'")), 1);
        const HttpReply reply = createRelease({slot(comirnaty, 2, 1)});
        QCOMPARE(reply.status, 409);
        QCOMPARE(figures(reply), QStringLiteral("vaccine_comirnaty 2026-W10 forecast=5 offered=12 "
                                                "reserved=0 requested=1 available=0"));
    }
};

QTEST_GUILESS_MAIN(TestForecasts)
#include "TestForecasts.moc"

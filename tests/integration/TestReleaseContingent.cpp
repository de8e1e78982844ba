#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString deskPassword = QStringLiteral("desk password 1");
const QString supervisorPassword = QStringLiteral("supervisor pw 1");
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString releaseUuid = QStringLiteral("7d4e2f10-8a3b-4c5d-9e6f-0a1b2c3d4e5f");

QJsonObject centreJson() {
    return {{QStringLiteral("name"), QStringLiteral("Impfzentrum Messe")},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"), QJsonArray{QStringLiteral("pcr")}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

} // namespace

// A share of every slot kept back for hotline bookings: citizens never see or hold it, staff
// book it for callers.
class TestReleaseContingent : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;
    QString m_desk;
    qint64 m_slotId = 0;
    int m_caller = 0;

    int shownFree() {
        const HttpReply answer = m_http->get(
            QStringLiteral(
                "/api/v1/centres/%1/availability?service=pcr&from=2026-03-03&to=2026-03-03")
                .arg(m_fx->scalar(QStringLiteral("SELECT id FROM centres"))));
        const QJsonArray days = answer.json.value(QStringLiteral("days")).toArray();
        if (days.isEmpty())
            return -1;
        return days.at(0).toObject().value(QStringLiteral("free")).toInt();
    }

    HttpReply citizenHold() {
        return m_http->post(QStringLiteral("/api/v1/holds"),
                            {{QStringLiteral("slot_id"), m_slotId}});
    }

    HttpReply hotline(const QString &token) {
        return m_http->post(
            QStringLiteral("/api/v1/hotline-bookings"),
            {{QStringLiteral("slot_id"), m_slotId},
             {QStringLiteral("family_name"), QStringLiteral("Anrufer%1").arg(++m_caller)},
             {QStringLiteral("given_name"), QStringLiteral("Karl")},
             {QStringLiteral("birth_date"), QStringLiteral("1950-04-01")},
             {QStringLiteral("phone"), QStringLiteral("0221 123456")}},
            token);
    }

private Q_SLOTS:
    void init() {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        QVERIFY(m_fx->start(config));
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        QString error;
        QVERIFY(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error));
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin)
                     .status,
                 201);
        m_http->post(QStringLiteral("/api/v1/staff"),
                     {{QStringLiteral("login"), QStringLiteral("empfang")},
                      {QStringLiteral("role"), QStringLiteral("desk")},
                      {QStringLiteral("password"), deskPassword}},
                     m_admin);
        m_desk = m_http->login(QStringLiteral("empfang"), deskPassword);
        QVERIFY(!m_desk.isEmpty());
        const QJsonObject slot{
            {QStringLiteral("centre"), centreUuid},
            {QStringLiteral("service"), QStringLiteral("pcr")},
            {QStringLiteral("start"),
             QDateTime::fromSecsSinceEpoch(ServiceFixture::slotStart(0), berlinTimeZone())
                 .toString(Qt::ISODate)},
            {QStringLiteral("minutes"), 15},
            {QStringLiteral("capacity"), 5}};
        const HttpReply created =
            m_http->post(QStringLiteral("/api/v1/releases"),
                         {{QStringLiteral("uuid"), releaseUuid},
                          {QStringLiteral("name"), QStringLiteral("Mit Hotline")},
                          {QStringLiteral("opens_at"), QStringLiteral("now")},
                          {QStringLiteral("hotline_share"), 50},
                          {QStringLiteral("slots"), QJsonArray{slot}}},
                         m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("hotline_places")).toInt(), 2); // 50 % of 5
        m_slotId = m_fx->scalar(QStringLiteral("SELECT id FROM slots"));
    }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void citizensNeverGetTheContingent() {
        QCOMPARE(shownFree(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(citizenHold().status, 201);
        QCOMPARE(shownFree(), 0);
        const HttpReply full = citizenHold();
        QCOMPARE(full.status, 409);
        QCOMPARE(full.error(), QStringLiteral("slot_full"));

        // Staff book the kept-back places for callers; then the slot is full for them too.
        const HttpReply first = hotline(m_desk);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("channel")).toString(), QStringLiteral("hotline"));
        QCOMPARE(hotline(m_admin).status, 201);
        const HttpReply none = hotline(m_desk);
        QCOMPARE(none.status, 409);
        QCOMPARE(none.error(), QStringLiteral("slot_full"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE channel = "
                                             "'hotline'")),
                 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                             "'booking.hotline' AND actor = 'empfang'")),
                 1);
    }

    void hotlineMayUseTheOpenPlacesToo() {
        // With no citizen bookings, callers first take the contingent, then open places.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hotline(m_desk).status, 201);
        QCOMPARE(shownFree(), 2);
        QCOMPARE(citizenHold().status, 201);
        QCOMPARE(citizenHold().status, 201);
        QCOMPARE(citizenHold().status, 409);
    }

    void cancelledHotlineBookingReturnsToTheContingent() {
        const HttpReply booked = hotline(m_desk);
        QCOMPARE(booked.status, 201);
        QCOMPARE(shownFree(), 3);
        const WriteOutcome cancelled = m_fx->service->engine().cancel(
            booked.json.value(QStringLiteral("code")).toString().remove(u'-'), QDate(1950, 4, 1));
        QVERIFY(!cancelled.error);
        QCOMPARE(shownFree(), 3); // the place went back to the hotline, not to citizens
        QCOMPARE(hotline(m_desk).status, 201);
    }

    void rolesAndRestart() {
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/staff"),
                            {{QStringLiteral("login"), QStringLiteral("aufsicht")},
                             {QStringLiteral("role"), QStringLiteral("supervisor")},
                             {QStringLiteral("password"), supervisorPassword}},
                            m_admin)
                     .status,
                 201);
        const QString supervisor = m_http->login(QStringLiteral("aufsicht"), supervisorPassword);
        QCOMPARE(hotline(supervisor).status, 403);
        QCOMPARE(hotline(QString()).status, 401);
        QCOMPARE(hotline(m_desk).status, 201);
        // After a restart the kept-back places and the hotline bookings are read back.
        m_http.reset();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        m_fx->stop();
        QVERIFY(m_fx->start(config));
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        QCOMPARE(shownFree(), 3);
    }
};

QTEST_GUILESS_MAIN(TestReleaseContingent)
#include "TestReleaseContingent.moc"

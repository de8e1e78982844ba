#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString releaseUuid = QStringLiteral("7d4e2f10-8a3b-4c5d-9e6f-0a1b2c3d4e5f");
const QString otherUuid = QStringLiteral("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");

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

// One slot on Tuesday 3 March 2026, 09:00 Berlin (the appointment day of every check here).
QJsonObject releaseJson(const QString &uuid, const QJsonObject &eligibility, int slotIndex = 0) {
    const QJsonObject slot{
        {QStringLiteral("centre"), centreUuid},
        {QStringLiteral("service"), QStringLiteral("pcr")},
        {QStringLiteral("start"),
         QDateTime::fromSecsSinceEpoch(ServiceFixture::slotStart(slotIndex), berlinTimeZone())
             .toString(Qt::ISODate)},
        {QStringLiteral("minutes"), 15},
        {QStringLiteral("capacity"), 20}};
    return {{QStringLiteral("uuid"), uuid},
            {QStringLiteral("name"), QStringLiteral("Auffrischung")},
            {QStringLiteral("opens_at"), QStringLiteral("now")},
            {QStringLiteral("slots"), QJsonArray{slot}},
            {QStringLiteral("eligibility"), eligibility}};
}

} // namespace

class TestReleaseEligibility : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;
    qint64 m_slotId = 0;
    int m_person = 0;

    bool startService() {
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        config.holdsPerClient = 100;
        if (!m_fx->start(config))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        return true;
    }

    HttpReply createRelease(const QJsonObject &body) {
        return m_http->post(QStringLiteral("/api/v1/releases"), body, m_admin);
    }

    // Creates the release and remembers its slot.
    void release(const QJsonObject &eligibility) {
        const HttpReply created = createRelease(releaseJson(releaseUuid, eligibility));
        QCOMPARE(created.status, 201);
        m_slotId = m_fx->scalar(QStringLiteral("SELECT id FROM slots"));
    }

    QString holdSlot() {
        return m_http
            ->post(QStringLiteral("/api/v1/holds"), {{QStringLiteral("slot_id"), m_slotId}})
            .json.value(QStringLiteral("hold_id"))
            .toString();
    }

    // A confirm of a fresh person (or of `holdId`) with these facts.
    HttpReply confirm(QDate birthDate, const QJsonObject &extra = {}, QString holdId = {}) {
        if (holdId.isEmpty())
            holdId = holdSlot();
        QJsonObject body{
            {QStringLiteral("hold_id"), holdId},
            {QStringLiteral("family_name"), QStringLiteral("Person%1").arg(++m_person)},
            {QStringLiteral("given_name"), QStringLiteral("Erika")},
            {QStringLiteral("birth_date"), birthDate.toString(Qt::ISODate)},
            {QStringLiteral("email"), QStringLiteral("erika@example.org")}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            body.insert(it.key(), it.value());
        return m_http->post(QStringLiteral("/api/v1/bookings"), body);
    }

    static QString reason(const HttpReply &answer) {
        return answer.json.value(QStringLiteral("reason")).toString();
    }

private Q_SLOTS:
    void init() {
        m_fx = std::make_unique<ServiceFixture>();
        QVERIFY(startService());
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin)
                     .status,
                 201);
    }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void ageOnTheAppointmentDay_data() {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        // The appointment is on Tuesday 3 March 2026; the release admits 60 to 69.
        QTest::newRow("60 on the day") << QDate(1966, 3, 3) << 201 << QString();
        QTest::newRow("60 the day after")
            << QDate(1966, 3, 4) << 403 << QStringLiteral("too_young");
        QTest::newRow("70 on the day") << QDate(1956, 3, 3) << 403 << QStringLiteral("too_old");
        QTest::newRow("70 the day after") << QDate(1956, 3, 4) << 201 << QString();
        QTest::newRow("29 Feb 1964: 62 since 1 March") << QDate(1964, 2, 29) << 201 << QString();
    }
    void ageOnTheAppointmentDay() {
        QFETCH(QDate, birth);
        QFETCH(int, status);
        QFETCH(QString, reason);
        release({{QStringLiteral("age_from"), 60}, {QStringLiteral("age_to"), 69}});
        const QString holdId = holdSlot();
        const HttpReply answer = confirm(birth, {}, holdId);
        QCOMPARE(answer.status, status);
        if (status == 403) {
            QCOMPARE(answer.error(), QStringLiteral("not_eligible"));
            QCOMPARE(TestReleaseEligibility::reason(answer), reason);
            QCOMPARE(answer.field(), QStringLiteral("birth_date"));
            // The hold stays: an eligible person can still confirm it.
            QCOMPARE(confirm(QDate(1960, 6, 1), {}, holdId).status, 201);
        }
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT booked FROM slots")), 1);
    }

    void priorityGroup() {
        release({{QStringLiteral("priority_groups"), QJsonArray{QStringLiteral("care_staff")}}});
        const HttpReply missing = confirm(QDate(1980, 1, 1));
        QCOMPARE(missing.status, 403);
        QCOMPARE(reason(missing), QStringLiteral("priority_group"));
        const HttpReply other =
            confirm(QDate(1980, 1, 1), {{QStringLiteral("priority_group"), QStringLiteral("x")}});
        QCOMPARE(reason(other), QStringLiteral("priority_group"));
        QCOMPARE(confirm(QDate(1980, 1, 1),
                         {{QStringLiteral("priority_group"), QStringLiteral("care_staff")}})
                     .status,
                 201);
    }

    void invitationCodesBookOnce() {
        release({{QStringLiteral("invitation_codes"),
                  QJsonArray{QStringLiteral("AB12-CD34"), QStringLiteral("ZX98YW76")}}});
        const HttpReply none = confirm(QDate(1980, 1, 1));
        QCOMPARE(none.status, 403);
        QCOMPARE(reason(none), QStringLiteral("invitation_required"));
        const HttpReply unknown = confirm(
            QDate(1980, 1, 1), {{QStringLiteral("invitation_code"), QStringLiteral("QQ11QQ11")}});
        QCOMPARE(reason(unknown), QStringLiteral("invitation_unknown"));
        QCOMPARE(confirm(QDate(1980, 1, 1),
                         {{QStringLiteral("invitation_code"), QStringLiteral("ab12 cd34")}})
                     .status,
                 201);
        const HttpReply used = confirm(
            QDate(1981, 1, 1), {{QStringLiteral("invitation_code"), QStringLiteral("AB12CD34")}});
        QCOMPARE(used.status, 403);
        QCOMPARE(reason(used), QStringLiteral("invitation_used"));

        // Stored hashed, used once, counted on the release.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM release_invitations WHERE "
                                             "code_hash LIKE '%AB12%' OR code_hash LIKE "
                                             "'%ZX98%'")),
                 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM release_invitations WHERE "
                                             "booking_id IS NOT NULL")),
                 1);
        const QJsonObject shown =
            m_http->get(QStringLiteral("/api/v1/releases/") + releaseUuid, m_admin).json;
        QCOMPARE(shown.value(QStringLiteral("invitations")).toObject(),
                 (QJsonObject{{QStringLiteral("total"), 2}, {QStringLiteral("used"), 1}}));
        QCOMPARE(shown.value(QStringLiteral("eligibility")).toObject(),
                 (QJsonObject{{QStringLiteral("invitation_only"), true}}));

        // After a restart the used code is still used and the other one still books.
        m_http.reset();
        m_fx->stop();
        QVERIFY(startService());
        QCOMPARE(reason(confirm(QDate(1982, 1, 1),
                                {{QStringLiteral("invitation_code"), QStringLiteral("AB12CD34")}})),
                 QStringLiteral("invitation_used"));
        QCOMPARE(reason(confirm(QDate(1982, 1, 1))), QStringLiteral("invitation_required"));
        QCOMPARE(confirm(QDate(1983, 1, 1),
                         {{QStringLiteral("invitation_code"), QStringLiteral("ZX98-YW76")}})
                     .status,
                 201);
    }

    void refusedAtCreation() {
        HttpReply answer = createRelease(releaseJson(
            releaseUuid, {{QStringLiteral("age_from"), 70}, {QStringLiteral("age_to"), 60}}));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.error(), QStringLiteral("age_range_empty"));
        QCOMPARE(answer.field(), QStringLiteral("eligibility.age_to"));
        answer =
            createRelease(releaseJson(releaseUuid, {{QStringLiteral("invitation_only"), true}}));
        QCOMPARE(answer.error(), QStringLiteral("invitation_codes_missing"));
        answer = createRelease(releaseJson(releaseUuid, {{QStringLiteral("invitation_codes"),
                                                          QJsonArray{QStringLiteral("A;1")}}}));
        QCOMPARE(answer.error(), QStringLiteral("invalid_invitation_code"));
        QCOMPARE(answer.field(), QStringLiteral("eligibility.invitation_codes[0]"));
        answer = createRelease(releaseJson(
            releaseUuid, {{QStringLiteral("invitation_codes"),
                           QJsonArray{QStringLiteral("AB12CD34"), QStringLiteral("ab12-cd34")}}}));
        QCOMPARE(answer.error(), QStringLiteral("duplicate_invitation_code"));
        answer = createRelease(releaseJson(releaseUuid, {{QStringLiteral("age_from"), 131}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM releases")), 0);

        QCOMPARE(createRelease(releaseJson(releaseUuid, {{QStringLiteral("invitation_codes"),
                                                          QJsonArray{QStringLiteral("AB12CD34")}}}))
                     .status,
                 201);
        answer = createRelease(releaseJson(
            otherUuid,
            {{QStringLiteral("invitation_codes"), QJsonArray{QStringLiteral("AB12CD34")}}}, 1));
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.error(), QStringLiteral("invitation_code_taken"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 1);
    }
};

QTEST_GUILESS_MAIN(TestReleaseEligibility)
#include "TestReleaseEligibility.moc"

#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "service/staff/release/ReleaseOpener.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString supervisorPassword = QStringLiteral("supervisor pw 1");
const QString deskPassword = QStringLiteral("desk password 1");
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

// Tuesday 3 March 2026 from 09:00 Berlin (the fixture's clock is Monday 2 March, 08:00).
QString slotStartText(int index) {
    return QDateTime::fromSecsSinceEpoch(ServiceFixture::slotStart(index), berlinTimeZone())
        .toString(Qt::ISODate);
}

QJsonArray slotsJson(int first, int count, int capacity) {
    QJsonArray slots;
    for (int i = first; i < first + count; ++i)
        slots.append(QJsonObject{{QStringLiteral("centre"), centreUuid},
                                 {QStringLiteral("service"), QStringLiteral("pcr")},
                                 {QStringLiteral("start"), slotStartText(i)},
                                 {QStringLiteral("minutes"), 15},
                                 {QStringLiteral("capacity"), capacity}});
    return slots;
}

QJsonObject releaseJson(const QString &uuid, const QJsonValue &opensAt, const QJsonArray &slots) {
    return {{QStringLiteral("uuid"), uuid},
            {QStringLiteral("name"), QStringLiteral("Woche 10")},
            {QStringLiteral("opens_at"), opensAt},
            {QStringLiteral("slots"), slots}};
}

} // namespace

class TestReleases : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;

    qint64 now() const { return m_fx->clock.now().toSecsSinceEpoch(); }
    BookingEngine &engine() { return m_fx->service->engine(); }

    bool startService() {
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        if (!m_fx->start(config))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        return true;
    }

    QString createUser(const QString &login, const QString &role, const QString &password) {
        m_http->post(QStringLiteral("/api/v1/staff"),
                     {{QStringLiteral("login"), login},
                      {QStringLiteral("role"), role},
                      {QStringLiteral("password"), password}},
                     m_admin);
        return m_http->login(login, password);
    }

    HttpReply createRelease(const QJsonObject &body) {
        return m_http->post(QStringLiteral("/api/v1/releases"), body, m_admin);
    }

    HttpReply withHeaders(const QByteArray &method, const QString &path, const QByteArray &body,
                          QList<QPair<QByteArray, QByteArray>> headers) {
        TestHttpClient client(m_fx->service->port());
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_admin.toLatin1()});
        return client.call(method, path, body, headers);
    }

    QJsonObject release(const QString &uuid) {
        return m_http->get(QStringLiteral("/api/v1/releases/") + uuid, m_admin).json;
    }

    // Slot ids of a release, in start order.
    QList<qint64> slotIdsOf(const QString &uuid) {
        QList<qint64> ids;
        QSqlQuery q(m_fx->service->database());
        q.prepare(QStringLiteral("SELECT s.id FROM slots s JOIN releases r ON r.id = "
                                 "s.release_id WHERE r.uuid = ? ORDER BY s.starts_at"));
        q.addBindValue(uuid);
        q.exec();
        while (q.next())
            ids.append(q.value(0).toLongLong());
        return ids;
    }

    // Free places of a slot as the public availability answer shows them; -1: not shown.
    int shownFree(qint64 slotId) {
        const HttpReply answer = m_http->get(
            QStringLiteral(
                "/api/v1/centres/%1/availability?service=pcr&from=2026-03-03&to=2026-03-03")
                .arg(m_fx->scalar(QStringLiteral("SELECT id FROM centres"))));
        for (const QJsonValue &day : answer.json.value(QStringLiteral("days")).toArray()) {
            for (const QJsonValue &slot : day.toObject().value(QStringLiteral("slots")).toArray()) {
                if (slot.toObject().value(QStringLiteral("id")).toInteger() == slotId)
                    return slot.toObject().value(QStringLiteral("free")).toInt();
            }
        }
        return -1;
    }

    HttpReply hold(qint64 slotId) {
        return m_http->post(QStringLiteral("/api/v1/holds"), {{QStringLiteral("slot_id"), slotId}});
    }

    QString book(qint64 slotId, const QString &family) {
        HoldInfo held;
        if (engine().hold(slotId, QStringLiteral("pcr"), &held))
            return {};
        ConfirmRequest request;
        request.holdId = held.id;
        request.familyName = family;
        request.givenName = QStringLiteral("Erika");
        request.birthDate = QDate(1980, 5, 17);
        request.phone = QStringLiteral("+49 171 2345678");
        const WriteOutcome outcome = engine().confirm(request);
        return outcome.error ? QString() : outcome.booking.code;
    }

    qint64 count(const QString &sql) { return m_fx->scalar(sql); }

private Q_SLOTS:
    void init() {
        m_fx = std::make_unique<ServiceFixture>();
        QVERIFY(startService());
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

    void scheduledReleaseOpensExactlyAtItsTime() {
        const qint64 opensAt = now() + 3600;
        const HttpReply created =
            createRelease(releaseJson(releaseUuid, opensAt, slotsJson(0, 3, 4)));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("scheduled"));
        QCOMPARE(created.json.value(QStringLiteral("capacity")).toInt(), 12);
        QCOMPARE(created.json.value(QStringLiteral("remaining")).toInt(), 12);
        QCOMPARE(created.json.value(QStringLiteral("created_by")).toString(),
                 QStringLiteral("admin"));
        const QList<qint64> ids = slotIdsOf(releaseUuid);
        QCOMPARE(ids.size(), 3);

        QCOMPARE(shownFree(ids.at(0)), -1);
        HttpReply refused = hold(ids.at(0));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(), QStringLiteral("release_not_open"));

        m_fx->clock.advance(3599); // one second before: still invisible
        QCOMPARE(shownFree(ids.at(0)), -1);
        QCOMPARE(hold(ids.at(0)).status, 409);

        m_fx->clock.advance(1); // exactly opens_at, whether or not the timer fired yet
        QCOMPARE(shownFree(ids.at(0)), 4);
        QCOMPARE(hold(ids.at(1)).status, 201);

        // The service stores the state, streams release.opened and audits it by itself.
        QTRY_COMPARE(release(releaseUuid).value(QStringLiteral("opened_at")).toInteger(), opensAt);
        QCOMPARE(release(releaseUuid).value(QStringLiteral("state")).toString(),
                 QStringLiteral("open"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'release.opened'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'release.created'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'release.open' AND actor = 'admin'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'release.create' AND actor = 'admin'")),
                 1);
        QCOMPARE(m_fx->service->staff().releaseOpener().scheduledCount(), 0);
    }

    void scheduledReleaseSurvivesRestart() {
        QCOMPARE(createRelease(releaseJson(releaseUuid, now() + 600, slotsJson(0, 1, 2))).status,
                 201);
        const qint64 slotId = slotIdsOf(releaseUuid).constFirst();
        m_http.reset();
        m_fx->stop();
        QVERIFY(startService());
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        QCOMPARE(shownFree(slotId), -1);
        QCOMPARE(m_fx->service->staff().releaseOpener().scheduledCount(), 1);
        m_fx->clock.advance(600);
        QCOMPARE(shownFree(slotId), 2);
        QTRY_COMPARE(release(releaseUuid).value(QStringLiteral("state")).toString(),
                     QStringLiteral("open"));
    }

    void releaseNowOpensAtOnce() {
        const HttpReply created =
            createRelease(releaseJson(releaseUuid, QStringLiteral("now"), slotsJson(0, 2, 3)));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(created.json.value(QStringLiteral("opens_at")).toInteger(), now());
        QCOMPARE(shownFree(slotIdsOf(releaseUuid).constFirst()), 3);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'release.opened'")),
                 1);
    }

    void openingInThePastIsRefused() {
        const HttpReply refused =
            createRelease(releaseJson(releaseUuid, now() - 61, slotsJson(0, 1, 1)));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.error(), QStringLiteral("opens_at_in_past"));
        QCOMPARE(refused.field(), QStringLiteral("opens_at"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases")), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM slots")), 0);
        // Within the grace for clock differences: it opens at once.
        const HttpReply graced =
            createRelease(releaseJson(releaseUuid, now() - 30, slotsJson(0, 1, 1)));
        QCOMPARE(graced.status, 201);
        QCOMPARE(graced.json.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        const HttpReply wrong =
            createRelease(releaseJson(otherUuid, QStringLiteral("soon"), slotsJson(1, 1, 1)));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.field(), QStringLiteral("opens_at"));
    }

    void slotBeforeOpeningIsRefused() {
        // Slot 0 starts Tuesday 09:00; a release opening at 09:30 could never sell it.
        const HttpReply refused = createRelease(
            releaseJson(releaseUuid, ServiceFixture::slotStart(2), slotsJson(0, 4, 1)));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.error(), QStringLiteral("slot_before_opening"));
        QCOMPARE(refused.field(), QStringLiteral("slots[0].start"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases")), 0);
    }

    void retriedCreateNeverPublishesTwice() {
        const QByteArray body =
            QJsonDocument(releaseJson(releaseUuid, now() + 60, slotsJson(0, 2, 5)))
                .toJson(QJsonDocument::Compact);
        const QPair<QByteArray, QByteArray> key{QByteArrayLiteral("Idempotency-Key"),
                                                QByteArrayLiteral("wizard-42")};
        const HttpReply first =
            withHeaders("POST", QStringLiteral("/api/v1/releases"), body, {key});
        QCOMPARE(first.status, 201);
        const HttpReply again =
            withHeaders("POST", QStringLiteral("/api/v1/releases"), body, {key});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArrayLiteral("true"));
        QCOMPARE(again.json.value(QStringLiteral("uuid")),
                 first.json.value(QStringLiteral("uuid")));
        // The same uuid and body without a key is a retry too.
        QCOMPARE(withHeaders("POST", QStringLiteral("/api/v1/releases"), body, {}).status, 201);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM slots")), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'release.created'")),
                 1);

        const QByteArray other =
            QJsonDocument(releaseJson(otherUuid, now() + 60, slotsJson(4, 1, 5)))
                .toJson(QJsonDocument::Compact);
        const HttpReply reused =
            withHeaders("POST", QStringLiteral("/api/v1/releases"), other, {key});
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.error(), QStringLiteral("idempotency_key_reused"));
        const HttpReply sameUuid =
            createRelease(releaseJson(releaseUuid, now() + 120, slotsJson(4, 1, 5)));
        QCOMPARE(sameUuid.status, 409);
        QCOMPARE(sameUuid.error(), QStringLiteral("release_exists"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM slots")), 2);
    }

    void overlappingReleaseIsRefused() {
        QCOMPARE(createRelease(releaseJson(releaseUuid, now() + 60, slotsJson(0, 3, 5))).status,
                 201);
        const HttpReply overlap =
            createRelease(releaseJson(otherUuid, now() + 60, slotsJson(2, 3, 5)));
        QCOMPARE(overlap.status, 409);
        QCOMPARE(overlap.error(), QStringLiteral("release_overlap"));
        QCOMPARE(overlap.field(), QStringLiteral("slots[0]"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM releases")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM slots")), 3);

        // Slots published on their own are capacity too.
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/slots"),
                            {{QStringLiteral("slots"), slotsJson(6, 1, 2)}}, m_admin)
                     .status,
                 201);
        const HttpReply overPublished =
            createRelease(releaseJson(otherUuid, now() + 60, slotsJson(5, 2, 5)));
        QCOMPARE(overPublished.status, 409);
        QCOMPARE(overPublished.field(), QStringLiteral("slots[1]"));
        // Slots published without a release are bookable at once, as before.
        const qint64 plain = count(QStringLiteral("SELECT id FROM slots WHERE release_id IS NULL"));
        QCOMPARE(shownFree(plain), 2);
    }

    void withdrawKeepsBookingsAndListsThem() {
        QCOMPARE(createRelease(releaseJson(releaseUuid, QStringLiteral("now"), slotsJson(0, 2, 3)))
                     .status,
                 201);
        const QList<qint64> ids = slotIdsOf(releaseUuid);
        const QString kept = book(ids.at(0), QStringLiteral("Mustermann"));
        QVERIFY(!kept.isEmpty());
        const QString cancelled = book(ids.at(0), QStringLiteral("Schmidt"));
        QVERIFY(!cancelled.isEmpty());
        const HttpReply held = hold(ids.at(1));
        QCOMPARE(held.status, 201);

        const HttpReply withdrawn = m_http->post(
            QStringLiteral("/api/v1/releases/%1/withdraw").arg(releaseUuid), {}, m_admin);
        QCOMPARE(withdrawn.status, 200);
        QCOMPARE(withdrawn.json.value(QStringLiteral("withdrawn_slots")).toInt(), 2);
        QCOMPARE(withdrawn.json.value(QStringLiteral("withdrawn_places")).toInt(), 4);
        QCOMPARE(withdrawn.json.value(QStringLiteral("bookings_kept")).toInt(), 2);
        const QJsonObject after = withdrawn.json.value(QStringLiteral("release")).toObject();
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("withdrawn"));
        QCOMPARE(after.value(QStringLiteral("remaining")).toInt(), 0);

        // Unbooked places are gone at once, the held one cannot be confirmed.
        QCOMPARE(shownFree(ids.at(0)), 0);
        QCOMPARE(shownFree(ids.at(1)), 0);
        QCOMPARE(hold(ids.at(0)).error(), QStringLiteral("slot_full"));
        ConfirmRequest late;
        late.holdId = held.json.value(QStringLiteral("hold_id")).toString();
        late.familyName = QStringLiteral("Spät");
        late.givenName = QStringLiteral("Karl");
        late.birthDate = QDate(1970, 1, 1);
        late.email = QStringLiteral("karl@example.org");
        QCOMPARE(engine().confirm(late).error.reason, QStringLiteral("slot_full"));

        // A cancellation after the withdrawal does not bring a place back.
        QVERIFY(!engine().cancel(cancelled, QDate(1980, 5, 17)).error);
        QCOMPARE(shownFree(ids.at(0)), 0);
        QCOMPARE(hold(ids.at(0)).error(), QStringLiteral("slot_full"));
        QCOMPARE(count(QStringLiteral("SELECT capacity FROM slots WHERE id = %1").arg(ids.at(0))),
                 1);

        // Whom to contact: JSON and CSV, both audited.
        const HttpReply list =
            m_http->get(QStringLiteral("/api/v1/releases/%1/bookings").arg(releaseUuid), m_admin);
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("family_name")).toString(),
                 QStringLiteral("Mustermann"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("phone")).toString(),
                 QStringLiteral("+49 171 2345678"));
        const HttpReply csv =
            withHeaders("GET", QStringLiteral("/api/v1/releases/%1/bookings").arg(releaseUuid), {},
                        {{QByteArrayLiteral("Accept"), QByteArrayLiteral("text/csv")}});
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        // The file name a browser or the console saves it under.
        QVERIFY2(csv.header("Content-Disposition").startsWith("attachment; filename="),
                 csv.header("Content-Disposition").constData());
        QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"
                                    "code;state;family_name;"));
        const QList<QByteArray> lines = csv.body.split('\n');
        QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
        QVERIFY(lines.at(1).contains(";Mustermann;Erika;1980-05-17;+49 171 2345678;"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'release.bookings_read'")),
                 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'release.withdraw' AND actor = 'admin'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'release.withdrawn'")),
                 1);
        const HttpReply twice = m_http->post(
            QStringLiteral("/api/v1/releases/%1/withdraw").arg(releaseUuid), {}, m_admin);
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.error(), QStringLiteral("release_withdrawn"));
    }

    void withdrawSomeSlots() {
        QCOMPARE(createRelease(releaseJson(releaseUuid, QStringLiteral("now"), slotsJson(0, 3, 2)))
                     .status,
                 201);
        const QList<qint64> ids = slotIdsOf(releaseUuid);
        const QString path = QStringLiteral("/api/v1/releases/%1/withdraw").arg(releaseUuid);
        const HttpReply foreign = m_http->post(
            path, {{QStringLiteral("slot_ids"), QJsonArray{ids.at(0), 999999}}}, m_admin);
        QCOMPARE(foreign.status, 422);
        QCOMPARE(foreign.error(), QStringLiteral("slot_not_in_release"));
        QCOMPARE(shownFree(ids.at(0)), 2);

        const HttpReply some =
            m_http->post(path, {{QStringLiteral("slot_ids"), QJsonArray{ids.at(1)}}}, m_admin);
        QCOMPARE(some.status, 200);
        QCOMPARE(some.json.value(QStringLiteral("withdrawn_places")).toInt(), 2);
        const QJsonObject after = some.json.value(QStringLiteral("release")).toObject();
        QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(after.value(QStringLiteral("remaining")).toInt(), 4);
        QCOMPARE(after.value(QStringLiteral("withdrawn")).toInt(), 2);
        QCOMPARE(shownFree(ids.at(0)), 2);
        QCOMPARE(shownFree(ids.at(1)), 0);
    }

    void soldOutAndRoles() {
        QCOMPARE(createRelease(releaseJson(releaseUuid, QStringLiteral("now"), slotsJson(0, 1, 1)))
                     .status,
                 201);
        QVERIFY(!book(slotIdsOf(releaseUuid).constFirst(), QStringLiteral("Meier")).isEmpty());
        const QString supervisor = createUser(QStringLiteral("aufsicht"),
                                              QStringLiteral("supervisor"), supervisorPassword);
        const HttpReply listed = m_http->get(QStringLiteral("/api/v1/releases"), supervisor);
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("sold_out"));
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/releases"),
                            releaseJson(otherUuid, QStringLiteral("now"), slotsJson(3, 1, 1)),
                            supervisor)
                     .status,
                 403);
        const QString desk =
            createUser(QStringLiteral("empfang"), QStringLiteral("desk"), deskPassword);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/releases"), desk).status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/releases")).status, 401);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/releases/") + otherUuid, m_admin).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestReleases)
#include "TestReleases.moc"

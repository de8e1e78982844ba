#include "service/EventHub.h"
#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sodium.h>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString deskPassword = QStringLiteral("desk password 1");
const QString supervisorPassword = QStringLiteral("supervisor pw 1");
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString otherCentreUuid = QStringLiteral("0c4f8a21-7d3e-4b9a-8e52-6a1d9f3c7b04");

QJsonObject centreJson(const QString &name = QStringLiteral("Impfzentrum Messe")) {
    return {{QStringLiteral("name"), name},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"),
             QJsonArray{QStringLiteral("pcr"), QStringLiteral("vaccine_comirnaty")}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

// Tuesday 3 March 2026 (the fixture's clock is Monday 2 March, 08:00 Berlin).
QString slotStartText(int index) {
    return QDateTime(QDate(2026, 3, 3), QTime(9, 0), berlinTimeZone())
        .addSecs(qint64(index) * 900)
        .toOffsetFromUtc(3600)
        .toString(Qt::ISODateWithMs)
        .replace(QStringLiteral(".000"), QString());
}

} // namespace

class TestStaffFlow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;

    StaffSide &staff() { return m_fx->service->staff(); }

    bool startService(ServiceConfig config = {}) {
        m_fx = std::make_unique<ServiceFixture>();
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        if (!m_fx->start(config))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        QString error;
        if (!staff().createAdmin(QStringLiteral("admin"), adminPassword, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        return !m_admin.isEmpty();
    }

    void createUser(const QString &login, const QString &role, const QString &password) {
        const HttpReply created = m_http->post(QStringLiteral("/api/v1/staff"),
                                               {{QStringLiteral("login"), login},
                                                {QStringLiteral("role"), role},
                                                {QStringLiteral("password"), password}},
                                               m_admin);
        QCOMPARE(created.status, 201);
    }

    // Publishes the centre and `count` pcr slots with `capacity`; returns the slot ids.
    QList<qint64> publishCentreAndSlots(int count, int capacity) {
        const HttpReply centre =
            m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin);
        if (centre.status != 201)
            qWarning("publish centre: %d %s", centre.status, centre.body.constData());
        QJsonArray slots;
        for (int i = 0; i < count; ++i)
            slots.append(QJsonObject{{QStringLiteral("centre"), centreUuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"), slotStartText(i)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), capacity}});
        const HttpReply published = m_http->post(QStringLiteral("/api/v1/slots"),
                                                 {{QStringLiteral("slots"), slots}}, m_admin);
        if (published.status != 201)
            qWarning("publish slots: %d %s", published.status, published.body.constData());
        QList<qint64> ids;
        for (const QJsonValue &id : published.json.value(QStringLiteral("ids")).toArray())
            ids.append(id.toInteger());
        return ids;
    }

    // A citizen booking through the engine (the citizen routes have their own suite).
    QString book(qint64 slotId, const QString &family) {
        HoldInfo hold;
        if (m_fx->service->engine().hold(slotId, QStringLiteral("pcr"), &hold))
            return {};
        ConfirmRequest request;
        request.holdId = hold.id;
        request.familyName = family;
        request.givenName = QStringLiteral("Erika");
        request.birthDate = QDate(1980, 5, 17);
        request.email = family.toLower() % QStringLiteral("@example.org");
        const WriteOutcome outcome = m_fx->service->engine().confirm(request);
        if (outcome.error)
            return {};
        return outcome.booking.code;
    }

    qint64 auditCount(const QString &action) {
        return m_fx->scalar(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = '%1'").arg(action));
    }

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void staffFlow() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const QString desk = m_http->login(QStringLiteral("desk1"), deskPassword);
        QVERIFY(!desk.isEmpty());

        const HttpReply me = m_http->get(QStringLiteral("/api/v1/auth/me"), desk);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")),
                 QJsonValue(QStringLiteral("desk")));

        // Centre: created, then updated (revision grows), uuid taken from the path.
        HttpReply centre =
            m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin);
        QCOMPARE(centre.status, 201);
        QCOMPARE(centre.json.value(QStringLiteral("uuid")).toString(), centreUuid);
        QCOMPARE(centre.json.value(QStringLiteral("revision")).toInt(), 1);
        QJsonObject renamed = centreJson(QStringLiteral("Impfzentrum Köln Messe"));
        centre = m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, renamed, m_admin);
        QCOMPARE(centre.status, 200);
        QCOMPARE(centre.json.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM lanes")), 2);

        // Opening hours.
        const QJsonObject hours{
            {QStringLiteral("weekly"),
             QJsonArray{QJsonObject{{QStringLiteral("weekday"), 2},
                                    {QStringLiteral("start"), QStringLiteral("08:00")},
                                    {QStringLiteral("end"), QStringLiteral("18:00")}},
                        QJsonObject{{QStringLiteral("weekday"), 2},
                                    {QStringLiteral("start"), QStringLiteral("12:00")},
                                    {QStringLiteral("end"), QStringLiteral("12:30")},
                                    {QStringLiteral("break"), true}}}},
            {QStringLiteral("closures"),
             QJsonArray{QJsonObject{{QStringLiteral("first"), QStringLiteral("2026-04-03")},
                                    {QStringLiteral("last"), QStringLiteral("2026-04-06")},
                                    {QStringLiteral("reason"), QStringLiteral("Ostern")}}}}};
        const HttpReply storedHours = m_http->put(
            QStringLiteral("/api/v1/centres/%1/opening-hours").arg(centreUuid), hours, m_admin);
        QCOMPARE(storedHours.status, 200);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM opening_rules")), 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM closures")), 1);

        // Slots: published through the engine, so availability knows them at once.
        QJsonArray slots;
        for (int i = 0; i < 4; ++i)
            slots.append(QJsonObject{{QStringLiteral("centre"), centreUuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"), slotStartText(i)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), 2}});
        const HttpReply published = m_http->post(QStringLiteral("/api/v1/slots"),
                                                 {{QStringLiteral("slots"), slots}}, m_admin);
        QCOMPARE(published.status, 201);
        QCOMPARE(published.json.value(QStringLiteral("created")).toInt(), 4);
        const QJsonArray ids = published.json.value(QStringLiteral("ids")).toArray();
        QCOMPARE(m_fx->service->engine().freePlaces(ids.at(0).toInteger()), 2);
        // The same batch again: nothing new, 409.
        QCOMPARE(
            m_http
                ->post(QStringLiteral("/api/v1/slots"), {{QStringLiteral("slots"), slots}}, m_admin)
                .status,
            409);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 4);

        // Five bookings over the slots, one cancelled.
        QStringList codes;
        const QStringList names{QStringLiteral("Ahrens"), QStringLiteral("Becker"),
                                QStringLiteral("Claasen"), QStringLiteral("Dietz"),
                                QStringLiteral("Ernst")};
        for (int i = 0; i < names.size(); ++i) {
            codes.append(book(ids.at(i % 4).toInteger(), names.at(i)));
            QVERIFY(!codes.constLast().isEmpty());
        }
        QVERIFY(!m_fx->service->engine().cancel(codes.at(4), QDate(1980, 5, 17)).error);

        // Paged: 2 + 2 + 1, ordered by slot start, no row twice.
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/api/v1/bookings?limit=2&centre=") + centreUuid;
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const HttpReply page = m_http->get(path, desk);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &item : page.json.value(QStringLiteral("items")).toArray())
                seen.append(item.toObject().value(QStringLiteral("code")).toString());
            cursor = page.json.value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 5);

        // Filters.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings?state=cancelled"), desk)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings?day=2026-03-03"), desk)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 5);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings?day=2026-03-04"), desk)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_http
                     ->get(QStringLiteral("/api/v1/bookings?centre=00000000-0000-4000-8000-"
                                          "000000000001"),
                           desk)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);

        // Check-in: once; again → 409 with the reason; a cancelled booking → 409.
        const QString checkIn = QStringLiteral("/api/v1/bookings/%1/check-in");
        HttpReply arrival = m_http->post(
            checkIn.arg(codes.at(0)), {{QStringLiteral("desk"), QStringLiteral("Desk 3")}}, desk);
        QCOMPARE(arrival.status, 200);
        QCOMPARE(arrival.json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("checked_in"));
        arrival = m_http->post(checkIn.arg(codes.at(0)), {}, desk);
        QCOMPARE(arrival.status, 409);
        QCOMPARE(arrival.error(), QStringLiteral("already_checked_in"));
        QVERIFY(arrival.json.contains(QStringLiteral("checked_in_at")));
        arrival = m_http->post(checkIn.arg(codes.at(4)), {}, desk);
        QCOMPARE(arrival.status, 409);
        QCOMPARE(arrival.error(), QStringLiteral("booking_cancelled"));
        QCOMPARE(m_http->post(checkIn.arg(QStringLiteral("0000000000")), {}, desk).status, 404);
        // Dashes and lower case as typed at a desk are accepted.
        QString typed = codes.at(1).toLower();
        typed.insert(4, u'-');
        QCOMPARE(m_http->post(checkIn.arg(typed), {}, desk).status, 200);

        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins WHERE kind = "
                                             "'arrival'")),
                 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                             "'checkin.arrival'")),
                 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                             "'centre.published'")),
                 2);
    }

    // Two centres with one booking each; returns {code at centreUuid, code at otherCentreUuid}.
    QStringList bookAtTwoCentres() {
        const QList<qint64> mine = publishCentreAndSlots(1, 2);
        const HttpReply centre =
            m_http->put(QStringLiteral("/api/v1/centres/") + otherCentreUuid,
                        centreJson(QStringLiteral("Testzentrum Süd")), m_admin);
        if (centre.status != 201 || mine.isEmpty())
            return {};
        const HttpReply slot = m_http->post(
            QStringLiteral("/api/v1/slots"),
            {{QStringLiteral("slots"),
              QJsonArray{QJsonObject{{QStringLiteral("centre"), otherCentreUuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"), slotStartText(0)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), 2}}}}},
            m_admin);
        if (slot.status != 201)
            return {};
        return {book(mine.constFirst(), QStringLiteral("Anders")),
                book(slot.json.value(QStringLiteral("ids")).toArray().at(0).toInteger(),
                     QStringLiteral("Berger"))};
    }

    QStringList codesOf(const HttpReply &answer) {
        QStringList codes;
        for (const QJsonValue &item : answer.json.value(QStringLiteral("items")).toArray())
            codes.append(item.toObject().value(QStringLiteral("code")).toString());
        return codes;
    }

    // The newest audit row of an action: actor and detail.
    QPair<QString, QJsonObject> lastAudit(const QString &action) {
        QSqlQuery q(m_fx->service->database());
        q.prepare(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY "
                                 "id DESC LIMIT 1"));
        q.addBindValue(action);
        if (!q.exec() || !q.next())
            return {};
        return {q.value(0).toString(),
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()};
    }

    void centreLimitedAccount() {
        const QStringList codes = bookAtTwoCentres();
        QCOMPARE(codes.size(), 2);
        QVERIFY(!codes.contains(QString()));
        const HttpReply created =
            m_http->post(QStringLiteral("/api/v1/staff"),
                         {{QStringLiteral("login"), QStringLiteral("desk.sued")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), deskPassword},
                          {QStringLiteral("centres"), QJsonArray{centreUuid.toUpper()}}},
                         m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("centres")).toArray(), QJsonArray{centreUuid});
        const QString desk = m_http->login(QStringLiteral("desk.sued"), deskPassword);
        QVERIFY(!desk.isEmpty());

        // Its own centre works; the other one is left out of lists and refused when named.
        QCOMPARE(codesOf(m_http->get(QStringLiteral("/api/v1/bookings"), desk)),
                 QStringList{codes.at(0)});
        QCOMPARE(
            codesOf(m_http->get(QStringLiteral("/api/v1/bookings?centre=") + centreUuid, desk)),
            QStringList{codes.at(0)});
        HttpReply refused =
            m_http->get(QStringLiteral("/api/v1/bookings?centre=") + otherCentreUuid, desk);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("forbidden_centre"));
        const QString checkIn = QStringLiteral("/api/v1/bookings/%1/check-in");
        refused = m_http->post(checkIn.arg(codes.at(1)), {}, desk);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("forbidden_centre"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")), 0);
        QCOMPARE(m_http->post(checkIn.arg(codes.at(0)), {}, desk).status, 200);
        // An account without centres sees both.
        QCOMPARE(codesOf(m_http->get(QStringLiteral("/api/v1/bookings"), m_admin)).size(), 2);

        // Bad lists are refused and change nothing.
        const QString path = QStringLiteral("/api/v1/staff/desk.sued");
        HttpReply bad = m_http->patch(
            path, {{QStringLiteral("centres"), QJsonArray{QStringLiteral("nope")}}}, m_admin);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.field(), QStringLiteral("centres"));
        bad = m_http->patch(path,
                            {{QStringLiteral("centres"),
                              QJsonArray{QStringLiteral("00000000-0000-4000-8000-000000000001")}}},
                            m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.error(), QStringLiteral("unknown_centre"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings"), desk).status, 200);

        // Lifting the limit ends the sessions opened under it; a new one sees every centre.
        const HttpReply lifted =
            m_http->patch(path, {{QStringLiteral("centres"), QJsonArray{}}}, m_admin);
        QCOMPARE(lifted.status, 200);
        QCOMPARE(lifted.json.value(QStringLiteral("centres")).toArray(), QJsonArray{});
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings"), desk).status, 401);
        const QString again = m_http->login(QStringLiteral("desk.sued"), deskPassword);
        QCOMPARE(codesOf(m_http->get(QStringLiteral("/api/v1/bookings"), again)).size(), 2);
        QCOMPARE(lastAudit(QStringLiteral("staff.update")).second.value(QStringLiteral("centres")),
                 QJsonValue(QJsonArray{}));
    }

    void staffReadsAreAudited() {
        const QStringList codes = bookAtTwoCentres();
        QCOMPARE(codes.size(), 2);
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const QString desk = m_http->login(QStringLiteral("desk1"), deskPassword);
        const qint64 before = auditCount(QStringLiteral("bookings.read"));

        QCOMPARE(
            m_http
                ->get(QStringLiteral("/api/v1/bookings?state=confirmed&centre=") + otherCentreUuid,
                      desk)
                .status,
            200);
        QCOMPARE(auditCount(QStringLiteral("bookings.read")), before + 1);
        auto [actor, detail] = lastAudit(QStringLiteral("bookings.read"));
        QCOMPARE(actor, QStringLiteral("desk1"));
        const QJsonObject filter = detail.value(QStringLiteral("filter")).toObject();
        QCOMPARE(filter.value(QStringLiteral("centre")).toString(), otherCentreUuid);
        QCOMPARE(filter.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(detail.value(QStringLiteral("rows")).toInt(), 1);
        // A refused query reads nothing and is not a read.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/bookings?state=lost"), desk).status, 400);
        QCOMPARE(auditCount(QStringLiteral("bookings.read")), before + 1);

        // Check-in lookups that find nothing or end without an arrival are audited too.
        const QString checkIn = QStringLiteral("/api/v1/bookings/%1/check-in");
        QCOMPARE(m_http->post(checkIn.arg(QStringLiteral("0000000000")), {}, desk).status, 404);
        std::tie(actor, detail) = lastAudit(QStringLiteral("checkin.lookup"));
        QCOMPARE(actor, QStringLiteral("desk1"));
        QCOMPARE(detail.value(QStringLiteral("rows")).toInt(), 0);
        QCOMPARE(detail.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("unknown_code"));
        QCOMPARE(m_http->post(checkIn.arg(codes.at(0)), {}, desk).status, 200);
        QCOMPARE(m_http->post(checkIn.arg(codes.at(0)), {}, desk).status, 409);
        std::tie(actor, detail) = lastAudit(QStringLiteral("checkin.lookup"));
        QCOMPARE(detail.value(QStringLiteral("rows")).toInt(), 1);
        QCOMPARE(detail.value(QStringLiteral("outcome")).toString(), QStringLiteral("checked_in"));
        QCOMPARE(auditCount(QStringLiteral("checkin.lookup")), 2);

        // No audit row, no personal data.
        QVERIFY(QSqlQuery(m_fx->service->database()).exec(QStringLiteral("DROP TABLE audit_log")));
        const HttpReply unaudited = m_http->get(QStringLiteral("/api/v1/bookings"), desk);
        QCOMPARE(unaudited.status, 503);
        QVERIFY(!unaudited.body.contains("Anders"));
        QCOMPARE(m_http->post(checkIn.arg(codes.at(0)), {}, desk).status, 503);
    }

    void auditLogRows() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        QVERIFY(m_http->login(QStringLiteral("desk1"), QStringLiteral("wrong password")).isEmpty());
        const QString desk = m_http->login(QStringLiteral("desk1"), deskPassword);
        const QList<qint64> slots = publishCentreAndSlots(2, 2);
        QCOMPARE(slots.size(), 2);
        const QString code = book(slots.at(0), QStringLiteral("Auditiert"));
        QCOMPARE(
            m_http->post(QStringLiteral("/api/v1/bookings/%1/check-in").arg(code), {}, desk).status,
            200);
        QCOMPARE(m_http
                     ->patch(QStringLiteral("/api/v1/staff/desk1"),
                             {{QStringLiteral("display_name"), QStringLiteral("Desk One")}},
                             m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->call("POST", QStringLiteral("/api/v1/auth/logout"), {}, desk).status, 204);

        const QList<QPair<QString, qint64>> expected{
            {QStringLiteral("staff.create"), 2}, // bootstrap admin + desk1
            {QStringLiteral("auth.login"), 2},      {QStringLiteral("auth.login_failed"), 1},
            {QStringLiteral("centre.create"), 1},   {QStringLiteral("slots.publish"), 1},
            {QStringLiteral("checkin.arrival"), 1}, {QStringLiteral("staff.update"), 1},
            {QStringLiteral("auth.logout"), 1}};
        for (const auto &[action, count] : expected)
            QCOMPARE(auditCount(action), count);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                             "'checkin.arrival' AND actor = 'desk1' AND "
                                             "entity_id = '%1'")
                                  .arg(code)),
                 1);
        // Passwords and tokens never reach the audit trail.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE "
                                             "'%%1%' OR detail LIKE '%%2%'")
                                  .arg(deskPassword, desk)),
                 0);

        // Append-only: UPDATE and DELETE are refused by the triggers and change nothing.
        const qint64 before = m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        QSqlQuery q(m_fx->service->database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory'")));
        QVERIFY(q.lastError().text().contains(u"append-only"));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), before);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = "
                                             "'mallory'")),
                 0);

        // The audit route: admin and supervisor, newest first, paged.
        const HttpReply page = m_http->get(QStringLiteral("/api/v1/audit?limit=3"), m_admin);
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("auth.logout"));
        QVERIFY(page.json.contains(QStringLiteral("next_before")));
    }

    void passwordHashIsArgon2id() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        QSqlQuery q(m_fx->service->database());
        QVERIFY(q.exec(QStringLiteral("SELECT login, password_hash FROM staff_users")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QString hash = q.value(1).toString();
            QVERIFY2(hash.startsWith(u"$argon2id$v=19$"), qPrintable(hash));
            QVERIFY(!hash.contains(adminPassword) && !hash.contains(deskPassword));
        }
        QCOMPARE(rows, 2);
        // Tokens are stored hashed only.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_tokens WHERE "
                                             "token_hash = '%1'")
                                  .arg(m_admin)),
                 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_tokens WHERE "
                                             "length(token_hash) = 64")),
                 1);
        // The production default is libsodium's interactive cost, not the test minimum.
        const PasswordHasher production;
        QCOMPARE(production.limits().opsLimit,
                 static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE));
        QVERIFY(production.hash(QStringLiteral("abcdefghijk")).contains(u"$m=65536,t=2,"));
    }

    void authAndRoles_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>(
            "who"); // none, garbage, expired, revoked, admin, desk, supervisor
        QTest::addColumn<int>("status");
        const QString staffPath = QStringLiteral("/api/v1/staff");
        const QString bookings = QStringLiteral("/api/v1/bookings");
        const QString checkIn = QStringLiteral("/api/v1/bookings/0000000000/check-in");
        const QString centre = QStringLiteral("/api/v1/centres/") + centreUuid;
        const QString slots = QStringLiteral("/api/v1/slots");
        const QString me = QStringLiteral("/api/v1/auth/me");
        QTest::newRow("me without token") << QByteArray("GET") << me << "none" << 401;
        QTest::newRow("me garbage token") << QByteArray("GET") << me << "garbage" << 401;
        QTest::newRow("me expired token") << QByteArray("GET") << me << "expired" << 401;
        QTest::newRow("me after logout") << QByteArray("GET") << me << "revoked" << 401;
        QTest::newRow("me deactivated") << QByteArray("GET") << me << "deactivated" << 401;
        QTest::newRow("me desk") << QByteArray("GET") << me << "desk" << 200;
        QTest::newRow("staff list desk") << QByteArray("GET") << staffPath << "desk" << 403;
        QTest::newRow("staff list supervisor")
            << QByteArray("GET") << staffPath << "supervisor" << 403;
        QTest::newRow("staff list admin") << QByteArray("GET") << staffPath << "admin" << 200;
        QTest::newRow("staff list none") << QByteArray("GET") << staffPath << "none" << 401;
        QTest::newRow("bookings supervisor")
            << QByteArray("GET") << bookings << "supervisor" << 200;
        QTest::newRow("bookings desk") << QByteArray("GET") << bookings << "desk" << 200;
        QTest::newRow("bookings none") << QByteArray("GET") << bookings << "none" << 401;
        QTest::newRow("bookings expired") << QByteArray("GET") << bookings << "expired" << 401;
        QTest::newRow("check-in supervisor")
            << QByteArray("POST") << checkIn << "supervisor" << 403;
        QTest::newRow("check-in desk (unknown code)")
            << QByteArray("POST") << checkIn << "desk" << 404;
        QTest::newRow("publish centre desk") << QByteArray("PUT") << centre << "desk" << 403;
        QTest::newRow("publish centre supervisor")
            << QByteArray("PUT") << centre << "supervisor" << 403;
        QTest::newRow("publish centre none") << QByteArray("PUT") << centre << "none" << 401;
        QTest::newRow("publish slots desk") << QByteArray("POST") << slots << "desk" << 403;
        QTest::newRow("audit desk")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit") << "desk" << 403;
        QTest::newRow("audit supervisor")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit") << "supervisor" << 200;
        QTest::newRow("logout none")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/logout") << "none" << 401;
    }

    void authAndRoles() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, who);
        QFETCH(int, status);
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        createUser(QStringLiteral("super1"), QStringLiteral("supervisor"), supervisorPassword);
        QString token;
        if (who == u"admin") {
            token = m_admin;
        } else if (who == u"desk") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
        } else if (who == u"supervisor") {
            token = m_http->login(QStringLiteral("super1"), supervisorPassword);
        } else if (who == u"garbage") {
            token = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        } else if (who == u"expired") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), token).status, 200);
            m_fx->clock.advance(12 * 3600); // exactly the default lifetime
        } else if (who == u"revoked") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http->call("POST", QStringLiteral("/api/v1/auth/logout"), {}, token).status,
                     204);
        } else if (who == u"deactivated") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http
                         ->patch(QStringLiteral("/api/v1/staff/desk1"),
                                 {{QStringLiteral("active"), false}}, m_admin)
                         .status,
                     200);
        }
        QVERIFY(who == u"none" || !token.isEmpty());
        const QByteArray body = method == "GET" ? QByteArray() : QByteArrayLiteral("{}");
        const HttpReply answer = m_http->call(method, path, body, token);
        QCOMPARE(answer.status, status);
        if (status == 401) {
            QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
            QVERIFY(!answer.error().isEmpty());
        }
        if (status == 403)
            QCOMPARE(answer.error(), QStringLiteral("forbidden_role"));
    }

    void loginRateLimit() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const auto attempt = [this](const QString &login, const QString &password) {
            return m_http->post(
                QStringLiteral("/api/v1/auth/login"),
                {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
        };
        // Three free failures, then 1 s, 2 s, 4 s ... of backoff.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess %1").arg(i)).status,
                     401);
        QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess 3")).status, 401);
        HttpReply blocked = attempt(QStringLiteral("desk1"), deskPassword);
        QCOMPARE(blocked.status, 429); // even the right password waits
        QCOMPARE(blocked.header("Retry-After"), QByteArray("1"));
        m_fx->clock.advance(1);
        QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess 4")).status, 401);
        blocked = attempt(QStringLiteral("desk1"), deskPassword);
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.header("Retry-After"), QByteArray("2"));
        // Other logins from elsewhere are not affected by this login's record... but this
        // client address is: after 20 free failures in all, every login from it waits.
        m_fx->clock.advance(2);
        QCOMPARE(attempt(QStringLiteral("desk1"), deskPassword).status, 200);
        for (int i = 0; i < 20 - 5 + 1; ++i) // 20 free failures per address, this is the 21st
            QCOMPARE(attempt(QStringLiteral("nobody%1").arg(i), QStringLiteral("x")).status, 401);
        blocked = attempt(QStringLiteral("admin"), adminPassword);
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.header("Retry-After").toInt() >= 1);
        m_fx->clock.advance(blocked.header("Retry-After").toInt());
        QCOMPARE(attempt(QStringLiteral("admin"), adminPassword).status, 200);
    }

    void staffAccountRules() {
        const QString path = QStringLiteral("/api/v1/staff");
        HttpReply a = m_http->post(path,
                                   {{QStringLiteral("login"), QStringLiteral("Bad Login")},
                                    {QStringLiteral("role"), QStringLiteral("desk")},
                                    {QStringLiteral("password"), deskPassword}},
                                   m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("invalid_login"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), QStringLiteral("short")}},
                         m_admin);
        QCOMPARE(a.status, 422);
        QCOMPARE(a.error(), QStringLiteral("weak_password"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("chief")},
                          {QStringLiteral("password"), deskPassword}},
                         m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.field(), QStringLiteral("role"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("admin")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), deskPassword}},
                         m_admin);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.error(), QStringLiteral("login_taken"));
        a = m_http->call("POST", path, "{\"login\":", m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("malformed_json"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), deskPassword},
                          {QStringLiteral("is_root"), true}},
                         m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("unknown_field"));
        // Nothing of the refused requests was stored.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_users")), 1);

        // The last admin stays an admin.
        a = m_http->patch(QStringLiteral("/api/v1/staff/admin"),
                          {{QStringLiteral("role"), QStringLiteral("desk")}}, m_admin);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.error(), QStringLiteral("last_admin"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin).status, 200);

        // A password change ends the account's sessions; the new password works.
        createUser(QStringLiteral("desk2"), QStringLiteral("desk"), deskPassword);
        const QString old = m_http->login(QStringLiteral("desk2"), deskPassword);
        QCOMPARE(m_http
                     ->patch(QStringLiteral("/api/v1/staff/desk2"),
                             {{QStringLiteral("password"), QStringLiteral("a new password!")}},
                             m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), old).status, 401);
        QVERIFY(m_http->login(QStringLiteral("desk2"), deskPassword).isEmpty());
        QVERIFY(
            !m_http->login(QStringLiteral("desk2"), QStringLiteral("a new password!")).isEmpty());
    }

    void createAdminFromTheCommandLine() {
        const QString db = m_fx->dir.file(QStringLiteral("bootstrap.db"));
        const QStringList common{
            QStringLiteral("--database"),      db,
            QStringLiteral("--key-file"),      m_fx->dir.file(QStringLiteral("bootstrap.key")),
            QStringLiteral("--password-hash"), QStringLiteral("minimal")};
        const auto run = [&](const QString &login, const QByteArray &stdinText) {
            QProcess process;
            process.start(QStringLiteral(SLOTDESK_SERVICE_BINARY),
                          QStringList{QStringLiteral("--create-admin"), login} + common);
            process.write(stdinText);
            process.closeWriteChannel();
            process.waitForFinished(60000);
            return std::make_pair(process.exitCode(),
                                  QString::fromUtf8(process.readAllStandardError()));
        };
        QCOMPARE(run(QStringLiteral("boss"), "a long enough password\n").first, 0);
        const auto again = run(QStringLiteral("boss"), "a long enough password\n");
        QCOMPARE(again.first, 1);
        QVERIFY2(again.second.contains(u"exists already"), qPrintable(again.second));
        const auto weak = run(QStringLiteral("boss2"), "short\n");
        QCOMPARE(weak.first, 1);
        QVERIFY2(weak.second.contains(u"10 to 1024"), qPrintable(weak.second));
        {
            QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("bootstrap-check"));
            check.setDatabaseName(db);
            QVERIFY(check.open());
            QSqlQuery q(check);
            QVERIFY(q.exec(QStringLiteral("SELECT login, role, password_hash FROM staff_users")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("boss"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("admin"));
            QVERIFY(q.value(2).toString().startsWith(u"$argon2id$"));
            QVERIFY(!q.next());
            q.finish();
            check.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bootstrap-check"));
    }

    void bookingQueryBadInput_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << "limit";
        QTest::newRow("limit 501") << QStringLiteral("limit=501") << "limit";
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << "limit";
        QTest::newRow("day 31 Feb") << QStringLiteral("day=2026-02-31") << "day";
        QTest::newRow("day short") << QStringLiteral("day=2026-3-3") << "day";
        QTest::newRow("state unknown") << QStringLiteral("state=booked") << "state";
        QTest::newRow("centre not uuid") << QStringLiteral("centre=12") << "centre";
        QTest::newRow("cursor garbage") << QStringLiteral("cursor=%%%") << "cursor";
        QTest::newRow("cursor not ours") << QStringLiteral("cursor=aGVsbG8") << "cursor";
    }

    void bookingQueryBadInput() {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply answer = m_http->get(u"/api/v1/bookings?" % query, m_admin);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.error(), QStringLiteral("invalid_value"));
        QCOMPARE(answer.field(), field);
    }

    void publishBadInput_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QString centre = QStringLiteral("/api/v1/centres/") + centreUuid;
        const QString slots = QStringLiteral("/api/v1/slots");
        QTest::newRow("centre not a uuid")
            << QStringLiteral("/api/v1/centres/abc") << QByteArray("{}") << 400 << "invalid_value";
        QTest::newRow("centre missing name")
            << centre
            << QByteArray(R"({"postcode":"50679","kind":"test","services":["pcr"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 400 << "invalid_centre";
        QTest::newRow("centre bad postcode")
            << centre
            << QByteArray(R"({"name":"X","postcode":"5067","kind":"test","services":["pcr"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 422 << "invalid_value";
        QTest::newRow("centre unknown service")
            << centre
            << QByteArray(R"({"name":"X","postcode":"50679","kind":"test","services":["x"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 422 << "unknown_service";
        QTest::newRow("centre uuid mismatch")
            << centre
            << QByteArray(R"({"uuid":"00000000-0000-4000-8000-000000000001","name":"X",)"
                          R"("postcode":"50679","kind":"test","services":["pcr"],"lanes":1,)"
                          R"("capacity_per_lane":1,"slot_minutes":15})")
            << 400 << "uuid_mismatch";
        QTest::newRow("hours unknown centre")
            << QStringLiteral("/api/v1/centres/00000000-0000-4000-8000-000000000001/"
                              "opening-hours")
            << QByteArray(R"({"weekly":[]})") << 404 << "unknown_centre";
        QTest::newRow("slots not array")
            << slots << QByteArray(R"({"slots":{}})") << 400 << "wrong_type";
        QTest::newRow("slots empty")
            << slots << QByteArray(R"({"slots":[]})") << 400 << "out_of_range";
        QTest::newRow("slot unknown centre")
            << slots
            << QByteArray(R"({"slots":[{"centre":"00000000-0000-4000-8000-000000000001",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "unknown_centre";
        QTest::newRow("slot capacity 0")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":0}]})")
            << 400 << "out_of_range";
        QTest::newRow("slot no offset")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "invalid_date";
        QTest::newRow("slot in the past")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-01T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "in_the_past";
        QTest::newRow("slot service not offered")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"vaccine_spikevax","start":"2026-03-03T09:00:00+01:00",)"
                          R"("minutes":15,"capacity":2}]})")
            << 422 << "service_not_offered";
        QTest::newRow("slot duplicate in batch")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2},{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T08:00:00Z","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "duplicate_slot";
    }

    void publishBadInput() {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        // A centre exists so that slot rows are checked beyond the centre.
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin)
                     .status,
                 201);
        const qint64 eventsBefore = m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
        const QByteArray method = path.endsWith(u"/slots") ? "POST" : "PUT";
        const HttpReply answer = m_http->call(method, path, body, m_admin);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.error(), error);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events")), eventsBefore);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStaffFlow)
#include "TestStaffFlow.moc"

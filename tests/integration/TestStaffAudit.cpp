// The audit log: staff reads of personal data and every change are recorded.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

class TestStaffAudit : public StaffSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() { stopService(); }

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
};

QTEST_GUILESS_MAIN(TestStaffAudit)
#include "TestStaffAudit.moc"

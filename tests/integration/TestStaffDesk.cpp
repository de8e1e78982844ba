// The desk routes: booking queries, and accounts limited to their centres.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

class TestStaffDesk : public StaffSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() { stopService(); }

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
};

QTEST_GUILESS_MAIN(TestStaffDesk)
#include "TestStaffDesk.moc"

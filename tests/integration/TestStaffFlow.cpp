// The staff side end to end: accounts, publishing, bookings, check-in, logout.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

class TestStaffFlow : public StaffSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() { stopService(); }

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
        // Slots outside any release are their own event; release.opened means a release.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                             "'slots.published'")),
                 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                             "'release.opened'")),
                 0);

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
};

QTEST_GUILESS_MAIN(TestStaffFlow)
#include "TestStaffFlow.moc"

// Changing the opening hours of a centre whose slots were published: the bookings the new hours
// leave outside are listed, the change needs a confirmation, free places outside go, booked
// appointments stay.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

QString centrePath() {
    return QStringLiteral("/api/v1/centres/") + centreUuid;
}

// Tuesday only: the fixture's slots are Tuesday 09:00, 09:15, 09:30 and 09:45.
QJsonObject tuesday(const QString &start, const QString &end) {
    return {{QStringLiteral("weekly"), QJsonArray{QJsonObject{{QStringLiteral("weekday"), 2},
                                                              {QStringLiteral("start"), start},
                                                              {QStringLiteral("end"), end}}}}};
}

QJsonObject tuesdayFrom(const QString &start) {
    return tuesday(start, QStringLiteral("18:00"));
}

} // namespace

class TestHoursChange : public StaffSuite {
    Q_OBJECT

private:
    QList<qint64> m_slots;
    QString m_code;

    qint64 slotColumn(const char *column, qint64 id) {
        return m_fx->scalar(QStringLiteral("SELECT %1 FROM slots WHERE id = %2")
                                .arg(QLatin1String(column))
                                .arg(id));
    }

private Q_SLOTS:
    void init() {
        QVERIFY(startService());
        m_slots = publishCentreAndSlots(4, 2);
        QCOMPARE(m_slots.size(), 4);
        QCOMPARE(m_http
                     ->put(centrePath() + QStringLiteral("/opening-hours"),
                           tuesdayFrom(QStringLiteral("08:00")), m_admin)
                     .status,
                 200);
        m_code = book(m_slots.at(0), QStringLiteral("Anders"));
        QVERIFY(!m_code.isEmpty());
    }
    void cleanup() { stopService(); }

    void impactListsBookedAppointments() {
        const HttpReply answer = m_http->post(centrePath() + QStringLiteral("/hours-impact"),
                                              tuesdayFrom(QStringLiteral("09:30")), m_admin);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("count")).toInt(), 1);
        // 09:00 (booked) and 09:15 (free) lie outside.
        QCOMPARE(answer.json.value(QStringLiteral("withdrawn_slots")).toInt(), 2);
        const QJsonObject item =
            answer.json.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("family_name")).toString(), QStringLiteral("Anders"));
        QCOMPARE(item.value(QStringLiteral("service")).toString(), QStringLiteral("pcr"));
        QCOMPARE(item.value(QStringLiteral("code")).toString().remove(u'-'), m_code);
        QVERIFY(item.value(QStringLiteral("starts_at"))
                    .toString()
                    .startsWith(QStringLiteral("2026-03-03T09:00:00")));
        // Names left the service: audited.
        const auto [actor, detail] = lastAudit(QStringLiteral("centre.hours_impact_read"));
        QCOMPARE(actor, QStringLiteral("admin"));
        QCOMPARE(detail.value(QStringLiteral("rows")).toInt(), 1);
        // Only a read: nothing changed.
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 2);
    }

    void impactWithoutBookingsOutside() {
        // Only the free 09:45 slot lies outside.
        const HttpReply answer =
            m_http->post(centrePath() + QStringLiteral("/hours-impact"),
                         tuesday(QStringLiteral("08:00"), QStringLiteral("09:45")), m_admin);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(answer.json.value(QStringLiteral("withdrawn_slots")).toInt(), 1);
        QCOMPARE(answer.json.value(QStringLiteral("items")).toArray().size(), 0);
    }

    void impactRefusesDeskStaff() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const QString desk = m_http->login(QStringLiteral("desk1"), deskPassword);
        QCOMPARE(m_http
                     ->post(centrePath() + QStringLiteral("/hours-impact"),
                            tuesdayFrom(QStringLiteral("09:30")), desk)
                     .status,
                 403);
    }

    void changeWithoutConfirmationIsRefused() {
        const qint64 revision = m_fx->scalar(QStringLiteral("SELECT revision FROM centres"));
        const HttpReply answer = m_http->put(centrePath() + QStringLiteral("/opening-hours"),
                                             tuesdayFrom(QStringLiteral("09:30")), m_admin);
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.error(), QStringLiteral("bookings_affected"));
        QCOMPARE(answer.json.value(QStringLiteral("count")).toInt(), 1);
        // Nothing changed: hours, revision, free places.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT start_minute FROM opening_rules")), 8 * 60);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), revision);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 2);
        QCOMPARE(slotColumn("capacity", m_slots.at(1)), 2);
    }

    void confirmedChangeKeepsBookings() {
        const HttpReply answer =
            m_http->put(centrePath() + QStringLiteral("/opening-hours?accept_affected=true"),
                        tuesdayFrom(QStringLiteral("09:30")), m_admin);
        QCOMPARE(answer.status, 200);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT start_minute FROM opening_rules")),
                 9 * 60 + 30);
        // The booked slot keeps its appointment and loses its free place.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE state = "
                                             "'confirmed'")),
                 1);
        QCOMPARE(slotColumn("booked", m_slots.at(0)), 1);
        QCOMPARE(slotColumn("capacity", m_slots.at(0)), 1);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(0)), 0);
        // The free slot outside is withdrawn, nothing deleted.
        QCOMPARE(slotColumn("capacity", m_slots.at(1)), 0);
        QCOMPARE(slotColumn("withdrawn_places", m_slots.at(1)), 2);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 4);
        // Slots inside the new hours are untouched.
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(2)), 2);
        QCOMPARE(slotColumn("withdrawn_places", m_slots.at(2)), 0);
        const auto [actor, detail] = lastAudit(QStringLiteral("centre.hours_publish"));
        QCOMPARE(actor, QStringLiteral("admin"));
        QCOMPARE(detail.value(QStringLiteral("withdrawn_slots")).toInt(), 2);
        QCOMPARE(detail.value(QStringLiteral("bookings_kept")).toInt(), 1);
    }

    void changeWithoutBookingsOutsideNeedsNoConfirmation() {
        const HttpReply answer = m_http->put(centrePath() + QStringLiteral("/opening-hours"),
                                             tuesdayFrom(QStringLiteral("08:30")), m_admin);
        QCOMPARE(answer.status, 200);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 2);
        QCOMPARE(slotColumn("withdrawn_places", m_slots.at(0)), 0);
    }
};

QTEST_GUILESS_MAIN(TestHoursChange)
#include "TestHoursChange.moc"

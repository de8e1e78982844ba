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
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString comirnaty = QStringLiteral("vaccine_comirnaty");
const QString pcr = QStringLiteral("pcr");
const QDate firstDay(2026, 3, 3); // Tuesday; the fixture's clock is Monday 2 March, 08:00
const QPair<QByteArray, QByteArray> birthDate{"Birth-Date", "1961-04-09"};

QJsonObject centreJson() {
    return {{QStringLiteral("name"), QStringLiteral("Impfzentrum Messe")},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"), QJsonArray{comirnaty, pcr}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

qint64 berlin(QDate day, QTime time) {
    return QDateTime(day, time, berlinTimeZone()).toSecsSinceEpoch();
}

QJsonObject person(const QString &holdId, const QString &given = QStringLiteral("Ingrid")) {
    return {{QStringLiteral("hold_id"), holdId},
            {QStringLiteral("family_name"), QStringLiteral("Krause")},
            {QStringLiteral("given_name"), given},
            {QStringLiteral("birth_date"), QStringLiteral("1961-04-09")},
            {QStringLiteral("phone"), QStringLiteral("0171 5550199")}};
}

} // namespace

class TestTwoDoseBooking : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;
    qint64 m_centre = 0;
    // The first-dose slot (09:00 on firstDay) and second-dose slots by days after it.
    qint64 m_first = 0;
    QMap<int, qint64> m_second;
    qint64 m_pcr = 0;

    BookingEngine &engine() { return m_fx->service->engine(); }
    qint64 count(const QString &sql) { return m_fx->scalar(sql); }

    qint64 addSlot(const QString &service, qint64 startsAt, int capacity) {
        QList<SlotRecord> slots{SlotRecord{0, m_centre, service, startsAt, 15, capacity, 0}};
        if (engine().addSlots(&slots))
            return 0;
        return slots.constFirst().id;
    }
    HttpReply hold(qint64 slot, qint64 second = 0) {
        QJsonObject body{{QStringLiteral("slot_id"), slot}};
        if (second)
            body.insert(QStringLiteral("second_slot_id"), second);
        return m_http->post(QStringLiteral("/api/v1/holds"), body);
    }
    HttpReply bookPair(qint64 second, const QString &given = QStringLiteral("Ingrid")) {
        const HttpReply held = hold(m_first, second);
        if (held.status != 201)
            return held;
        return m_http->post(QStringLiteral("/api/v1/bookings"),
                            person(held.json.value(QStringLiteral("hold_id")).toString(), given));
    }
    static QString code(const QJsonObject &booking) {
        return booking.value(QStringLiteral("code")).toString();
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
        m_centre =
            count(QStringLiteral("SELECT id FROM centres WHERE uuid = '%1'").arg(centreUuid));
        QVERIFY(m_centre > 0);
        m_first = addSlot(comirnaty, berlin(firstDay, QTime(9, 0)), 2);
        QVERIFY(m_first);
        // The interval 21..42 spans the spring clock change (29 March).
        m_second.clear();
        for (const int days : {20, 21, 42, 43}) {
            m_second[days] = addSlot(comirnaty, berlin(firstDay.addDays(days), QTime(8, 0)), 1);
            QVERIFY(m_second[days]);
        }
        m_pcr = addSlot(pcr, berlin(firstDay, QTime(10, 0)), 2);
        QVERIFY(m_pcr);
    }
    void cleanup() {
        m_http.reset();
        m_fx.reset();
    }

    void offersTheSecondDosesInTheInterval() {
        const HttpReply offered = m_http->get(
            QStringLiteral("/api/v1/centres/%1/second-doses?slot=%2").arg(m_centre).arg(m_first));
        QCOMPARE(offered.status, 200);
        QCOMPARE(offered.json.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2026-03-24"));
        QCOMPARE(offered.json.value(QStringLiteral("to")).toString(), QStringLiteral("2026-04-14"));
        const QJsonArray slots = offered.json.value(QStringLiteral("slots")).toArray();
        QCOMPARE(slots.size(), 2);
        QCOMPARE(slots.at(0).toObject().value(QStringLiteral("id")).toInteger(), m_second[21]);
        QCOMPARE(slots.at(1).toObject().value(QStringLiteral("id")).toInteger(), m_second[42]);

        // A single-dose service has no second appointment to offer.
        const HttpReply single = m_http->get(
            QStringLiteral("/api/v1/centres/%1/second-doses?slot=%2").arg(m_centre).arg(m_pcr));
        QCOMPARE(single.status, 422);
        QCOMPARE(single.error(), QStringLiteral("second_dose_not_needed"));
    }

    void pairIsBookedInOneGo() {
        const HttpReply held = hold(m_first, m_second[21]);
        QCOMPARE(held.status, 201);
        QCOMPARE(held.json.value(QStringLiteral("second_slot_id")).toInteger(), m_second[21]);
        QCOMPARE(engine().freePlaces(m_first), 1);
        QCOMPARE(engine().freePlaces(m_second[21]), 0);
        const HttpReply booked =
            m_http->post(QStringLiteral("/api/v1/bookings"),
                         person(held.json.value(QStringLiteral("hold_id")).toString()));
        QCOMPARE(booked.status, 201);
        const QJsonObject second = booked.json.value(QStringLiteral("second_dose")).toObject();
        QCOMPARE(second.value(QStringLiteral("slot_id")).toInteger(), m_second[21]);
        QVERIFY(!code(second).isEmpty());
        QVERIFY(code(second) != code(booked.json));
        QVERIFY(!second.value(QStringLiteral("qr"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString()
                     .isEmpty());

        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings")), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings f JOIN bookings s ON "
                                      "s.id = f.paired_booking_id WHERE f.slot_id = %1 AND "
                                      "f.dose = 1 AND s.slot_id = %2 AND s.dose = 2")
                           .arg(m_first)
                           .arg(m_second[21])),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(m_first)), 1);
        QCOMPARE(count(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(m_second[21])),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'booking.confirmed'")),
                 2);

        // Either code finds the other appointment.
        const QString firstCode = code(booked.json).remove(u'-');
        const HttpReply first =
            m_http->get(QStringLiteral("/api/v1/bookings/") + firstCode, {birthDate});
        QCOMPARE(first.status, 200);
        QCOMPARE(code(first.json.value(QStringLiteral("second_dose")).toObject()), code(second));
        const HttpReply bySecond = m_http->get(
            QStringLiteral("/api/v1/bookings/") + code(second).remove(u'-'), {birthDate});
        QCOMPARE(bySecond.status, 200);
        QCOMPARE(bySecond.json.value(QStringLiteral("dose")).toInt(), 2);
        QCOMPARE(code(bySecond.json.value(QStringLiteral("first_dose")).toObject()),
                 code(booked.json));

        // The same person again: already booked, nothing new stored.
        const HttpReply again = bookPair(m_second[42]);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.error(), QStringLiteral("already_booked"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings")), 2);
        QCOMPARE(engine().freePlaces(m_second[42]), 1);
    }

    void firstDoseNeedsASecond() {
        const HttpReply alone = hold(m_first);
        QCOMPARE(alone.status, 400);
        QCOMPARE(alone.error(), QStringLiteral("second_dose_required"));
        QCOMPARE(alone.field(), QStringLiteral("second_slot_id"));
        QCOMPARE(engine().freePlaces(m_first), 2);

        const HttpReply otherProduct = hold(m_first, m_pcr);
        QCOMPARE(otherProduct.status, 422);
        QCOMPARE(otherProduct.error(), QStringLiteral("second_dose_mismatch"));
    }

    void intervalEnds_data() {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("one day before")
            << 20 << 409 << QStringLiteral("second_dose_outside_interval");
        QTest::newRow("first day") << 21 << 201 << QString();
        QTest::newRow("last day") << 42 << 201 << QString();
        QTest::newRow("one day after")
            << 43 << 409 << QStringLiteral("second_dose_outside_interval");
    }
    void intervalEnds() {
        QFETCH(int, days);
        QFETCH(int, status);
        QFETCH(QString, error);
        const HttpReply held = hold(m_first, m_second[days]);
        QCOMPARE(held.status, status);
        QCOMPARE(held.error(), error);
        QCOMPARE(engine().freePlaces(m_first), status == 201 ? 1 : 2);
        QCOMPARE(engine().freePlaces(m_second[days]), status == 201 ? 0 : 1);
    }

    void soldOutSecondDayBooksNothing() {
        QCOMPARE(bookPair(m_second[21]).status, 201);
        // The second day is full: the first dose is not held either.
        const HttpReply refused = hold(m_first, m_second[21]);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(), QStringLiteral("second_dose_unavailable"));
        QCOMPARE(engine().freePlaces(m_first), 1);

        // The second place goes to another writer of the same database between hold and
        // confirm: neither booking is stored.
        const HttpReply held = hold(m_first, m_second[42]);
        QCOMPARE(held.status, 201);
        QSqlQuery steal(m_fx->service->database());
        QVERIFY(steal.exec(
            QStringLiteral("UPDATE slots SET capacity = booked WHERE id = %1").arg(m_second[42])));
        const HttpReply booked = m_http->post(
            QStringLiteral("/api/v1/bookings"),
            person(held.json.value(QStringLiteral("hold_id")).toString(), QStringLiteral("Petra")));
        QCOMPARE(booked.status, 409);
        QCOMPARE(booked.error(), QStringLiteral("second_dose_unavailable"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE given_name = 'Petra'")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(m_first)), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'booking.confirmed'")),
                 2);
    }

    void holdExpiryFreesBoth() {
        QCOMPARE(hold(m_first, m_second[21]).status, 201);
        QCOMPARE(engine().activeHolds(), 2);
        m_fx->clock.advance(601);
        engine().sweep();
        QCOMPARE(engine().activeHolds(), 0);
        QCOMPARE(engine().freePlaces(m_first), 2);
        QCOMPARE(engine().freePlaces(m_second[21]), 1);
    }

    void cancelOfTheFirstFreesBoth() {
        const HttpReply booked = bookPair(m_second[42]);
        QCOMPARE(booked.status, 201);
        const HttpReply cancelled = m_http->call(
            "DELETE", QStringLiteral("/api/v1/bookings/") + code(booked.json).remove(u'-'), {},
            HttpHeaders{birthDate});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(QStringLiteral("second_dose"))
                     .toObject()
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE state = 'cancelled'")),
                 2);
        QCOMPARE(engine().freePlaces(m_first), 2);
        QCOMPARE(engine().freePlaces(m_second[42]), 1);
        QCOMPARE(count(QStringLiteral("SELECT booked FROM slots WHERE id = %1").arg(m_second[42])),
                 0);
    }

    void intervalIsConfigurable() {
        const QString path = QStringLiteral("/api/v1/products/") + comirnaty;
        const auto put = [&](int min, int max) {
            return m_http->put(path,
                               {{QStringLiteral("interval_min_days"), min},
                                {QStringLiteral("interval_max_days"), max}},
                               m_admin);
        };
        QCOMPARE(put(43, 42).error(), QStringLiteral("invalid_interval"));
        QCOMPARE(put(-1, 42).status, 400);
        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/products/pcr"),
                           {{QStringLiteral("interval_min_days"), 1},
                            {QStringLiteral("interval_max_days"), 2}},
                           m_admin)
                     .error(),
                 QStringLiteral("not_two_dose_product"));
        QCOMPARE(m_http->put(path, {{QStringLiteral("interval_min_days"), 28}}, m_admin).status,
                 400);

        const HttpReply changed = put(22, 43);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json.value(QStringLiteral("interval_min_days")).toInt(), 22);
        QCOMPARE(count(QStringLiteral("SELECT interval_min_days * 100 + interval_max_days FROM "
                                      "services WHERE code = 'vaccine_comirnaty'")),
                 2243);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'product.update'")),
                 1);
        QCOMPARE(put(22, 43).status, 200); // the same again is neither audited nor streamed
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                      "'product.updated'")),
                 1);
        QCOMPARE(hold(m_first, m_second[21]).error(),
                 QStringLiteral("second_dose_outside_interval"));
        QCOMPARE(hold(m_first, m_second[43]).status, 201);
        // A restart reads the stored interval.
        m_http.reset();
        m_fx->stop();
        ServiceConfig config;
        config.databasePath = m_fx->dir.file(QStringLiteral("service.db"));
        QVERIFY(m_fx->start(config));
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        const std::optional<DoseInterval> stored = engine().doseInterval(comirnaty);
        QVERIFY(stored);
        QCOMPARE(stored->minDays, 22);
        QCOMPARE(stored->maxDays, 43);
    }

    void forecastReservesBookedSecondDoses() {
        // Week 13 (23 to 29 March) offers the two second-dose slots of days 20 and 21.
        QCOMPARE(bookPair(m_second[21]).status, 201);
        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/forecasts/%1/2026-W13").arg(comirnaty),
                           {{QStringLiteral("doses"), 10}}, m_admin)
                     .status,
                 201);
        const auto release = [&](int capacity) {
            const QJsonObject slot{{QStringLiteral("centre"), centreUuid},
                                   {QStringLiteral("service"), comirnaty},
                                   {QStringLiteral("start"),
                                    QDateTime(QDate(2026, 3, 26), QTime(10, 0), berlinTimeZone())
                                        .toString(Qt::ISODate)},
                                   {QStringLiteral("minutes"), 15},
                                   {QStringLiteral("capacity"), capacity}};
            return m_http->post(
                QStringLiteral("/api/v1/releases"),
                {{QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                 {QStringLiteral("name"), QStringLiteral("Erstimpfungen")},
                 {QStringLiteral("opens_at"), QStringLiteral("now")},
                 {QStringLiteral("slots"), QJsonArray{slot}}},
                m_admin);
        };
        const HttpReply refused = release(8);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(), QStringLiteral("forecast_exceeded"));
        QCOMPARE(refused.json.value(QStringLiteral("offered")).toInt(), 2);
        QCOMPARE(refused.json.value(QStringLiteral("reserved")).toInt(), 1);
        QCOMPARE(refused.json.value(QStringLiteral("available")).toInt(), 7);
        QCOMPARE(release(7).status, 201);

        const HttpReply week =
            m_http->get(QStringLiteral("/api/v1/forecasts?service=%1").arg(comirnaty), m_admin);
        QCOMPARE(week.status, 200);
        const QJsonObject row = week.json.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("reserved")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("available")).toInt(), 0);
    }

    void pairCountsTwiceAgainstThePersonLimit() {
        const QJsonObject named{{QStringLiteral("family_name"), QStringLiteral("Krause")},
                                {QStringLiteral("given_name"), QStringLiteral("Ingrid")},
                                {QStringLiteral("birth_date"), QStringLiteral("1961-04-09")}};
        QJsonObject pair = named;
        pair.insert(QStringLiteral("slot_id"), m_first);
        pair.insert(QStringLiteral("second_slot_id"), m_second[21]);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/holds"), pair).status, 201);
        QCOMPARE(engine().activeHolds(), 2);
        // The default of two places per person is the first dose and its second.
        QJsonObject more = named;
        more.insert(QStringLiteral("slot_id"), m_pcr);
        const HttpReply refused = m_http->post(QStringLiteral("/api/v1/holds"), more);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.error(), QStringLiteral("too_many_holds"));
        QCOMPARE(engine().freePlaces(m_pcr), 2);
    }

    void singleDoseServiceUnchanged() {
        const HttpReply held = hold(m_pcr);
        QCOMPARE(held.status, 201);
        QVERIFY(!held.json.contains(QStringLiteral("second_slot_id")));
        QCOMPARE(engine().activeHolds(), 1);
        const HttpReply booked =
            m_http->post(QStringLiteral("/api/v1/bookings"),
                         person(held.json.value(QStringLiteral("hold_id")).toString()));
        QCOMPARE(booked.status, 201);
        QVERIFY(!booked.json.contains(QStringLiteral("second_dose")));
        QVERIFY(!booked.json.contains(QStringLiteral("dose")));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE dose = 1 AND "
                                      "paired_booking_id IS NULL")),
                 1);
        // A second dose offered for a pcr slot makes no sense.
        QCOMPARE(hold(m_pcr, m_second[21]).error(), QStringLiteral("second_dose_not_needed"));
    }
};

QTEST_GUILESS_MAIN(TestTwoDoseBooking)
#include "TestTwoDoseBooking.moc"

// Availability: slot counters, the catalogue and the cached availability answers.
#include "models/core/Clock.h"
#include "service/booking/Availability.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace slotdesk;

namespace {

const QDate day(2026, 3, 3);

qint64 at(int hour, int minute) {
    return QDateTime(day, QTime(hour, minute), berlinTimeZone()).toSecsSinceEpoch();
}

CentreRecord centre(qint64 id, bool active = true) {
    CentreRecord c;
    c.id = id;
    c.name = QStringLiteral("Centre %1").arg(id);
    c.active = active;
    c.services = {QStringLiteral("pcr")};
    return c;
}

QJsonArray slotsOfDay(const QByteArray &json) {
    const QJsonArray days = QJsonDocument::fromJson(json).object().value(u"days").toArray();
    return days.isEmpty() ? QJsonArray() : days.at(0).toObject().value(u"slots").toArray();
}

} // namespace

class TestAvailability : public QObject {
    Q_OBJECT

private:
    Availability m_av;
    const qint64 m_morning = at(7, 0);

private Q_SLOTS:
    void init() {
        m_av.reset({centre(1), centre(2, false)},
                   {SlotRecord{10, 1, QStringLiteral("pcr"), at(9, 0), 15, 3, 0},
                    SlotRecord{11, 1, QStringLiteral("pcr"), at(9, 15), 15, 2, 1}});
    }

    void countersGiveFreePlaces() {
        QCOMPARE(m_av.freePlaces(10), 3);
        QCOMPARE(m_av.freePlaces(11), 1);
        QCOMPARE(m_av.freePlaces(99), -1);
        const quint64 before = m_av.generation();
        m_av.addHeld(10, +1);
        QCOMPARE(m_av.freePlaces(10), 2);
        QVERIFY(m_av.generation() > before);
        m_av.addHeld(10, -1);
        m_av.addBooked(10, +1);
        QCOMPARE(m_av.freePlaces(10), 2);
        QCOMPARE(m_av.slot(10)->record.booked, 1);
    }

    void catalogueKnowsActiveCentresOnly() {
        QVERIFY(m_av.hasCentre(1));
        QVERIFY(!m_av.hasCentre(2));
        QVERIFY(m_av.centreOffers(1, QStringLiteral("pcr")));
        QVERIFY(!m_av.centreOffers(1, QStringLiteral("rapid_antigen")));
        const QJsonArray centres =
            QJsonDocument::fromJson(m_av.centresJson()).object().value(u"centres").toArray();
        QCOMPARE(centres.size(), 1);
        CentreRecord renamed = centre(1);
        renamed.name = QStringLiteral("Renamed");
        m_av.putCentre(renamed);
        QVERIFY(m_av.centresJson().contains("Renamed"));
    }

    void answerFollowsCounters() {
        const QByteArray first = m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, nullptr);
        QJsonArray slots = slotsOfDay(first);
        QCOMPARE(slots.size(), 2);
        QCOMPARE(slots.at(0).toObject().value(u"free").toInt(), 3);
        QCOMPARE(m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, nullptr), first);
        m_av.addHeld(10, +2);
        slots = slotsOfDay(m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, nullptr));
        QCOMPARE(slots.at(0).toObject().value(u"free").toInt(), 1);
    }

    void startedSlotsDisappear() {
        qint64 validUntil = 0;
        m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, &validUntil);
        QCOMPARE(validUntil, at(9, 0));
        const QJsonArray slots =
            slotsOfDay(m_av.json(1, QStringLiteral("pcr"), day, day, at(9, 0), &validUntil));
        QCOMPARE(slots.size(), 1);
        QCOMPARE(slots.at(0).toObject().value(u"id").toInteger(), 11);
        QCOMPARE(validUntil, at(9, 15));
    }

    void addedSlotAppearsInOrder() {
        m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, nullptr);
        m_av.addSlot(SlotRecord{12, 1, QStringLiteral("pcr"), at(8, 45), 15, 1, 0});
        const QJsonArray slots =
            slotsOfDay(m_av.json(1, QStringLiteral("pcr"), day, day, m_morning, nullptr));
        QCOMPARE(slots.size(), 3);
        QCOMPARE(slots.at(0).toObject().value(u"id").toInteger(), 12);
    }
};

QTEST_GUILESS_MAIN(TestAvailability)
#include "TestAvailability.moc"

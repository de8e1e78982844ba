// Holds: places held while a citizen types, their expiry and what a confirm does to them.
#include "service/booking/Availability.h"
#include "service/booking/HoldPolicy.h"
#include "service/booking/Holds.h"

#include <QTest>

using namespace slotdesk;

class TestHolds : public QObject {
    Q_OBJECT

private:
    static constexpr qint64 now = 1'772'000'000;
    static constexpr qint64 start = now + 86400;
    std::unique_ptr<Availability> m_av;
    HoldPolicy m_policy;
    std::unique_ptr<Holds> m_holds;

    HoldInfo take(qint64 at = now) {
        HoldInfo hold;
        const EngineError e = m_holds->hold(1, QString(), HoldOwner(), at, &hold);
        if (e)
            qWarning("hold refused: %s", qPrintable(e.reason));
        return hold;
    }

private Q_SLOTS:
    void init() {
        m_av = std::make_unique<Availability>();
        CentreRecord centre;
        centre.id = 7;
        centre.services = {QStringLiteral("pcr")};
        m_av->reset({centre}, {SlotRecord{1, 7, QStringLiteral("pcr"), start, 15, 2, 0}});
        m_holds = std::make_unique<Holds>(*m_av, m_policy, 600);
        m_policy.setLimits(HoldPolicy::Limits{1, 1});
    }

    void holdTakesAPlaceUntilFull() {
        const HoldInfo first = take();
        QCOMPARE(first.expiresAt, now + 600);
        QCOMPARE(first.id.size(), 32);
        take();
        QCOMPARE(m_av->freePlaces(1), 0);
        QCOMPARE(m_holds->active(), 2);
        HoldInfo third;
        QCOMPARE(m_holds->hold(1, QString(), HoldOwner(), now, &third).reason,
                 QStringLiteral("slot_full"));
    }

    void refusals() {
        HoldInfo hold;
        QCOMPARE(m_holds->hold(2, QString(), HoldOwner(), now, &hold).reason,
                 QStringLiteral("slot_not_found"));
        QCOMPARE(m_holds->hold(1, QStringLiteral("flu"), HoldOwner(), now, &hold).reason,
                 QStringLiteral("service_mismatch"));
        QCOMPARE(m_holds->hold(1, QString(), HoldOwner(), start, &hold).reason,
                 QStringLiteral("slot_in_past"));
    }

    void expiryGivesThePlaceBack() {
        const HoldInfo hold = take();
        m_holds->sweep(now + 599);
        QCOMPARE(m_av->freePlaces(1), 1);
        m_holds->sweep(now + 600);
        QCOMPARE(m_av->freePlaces(1), 2);
        QCOMPARE(m_holds->active(), 0);
        qint64 slot = 0;
        QCOMPARE(m_holds->beginCommit(hold.id, {}, &slot).reason, QStringLiteral("hold_expired"));
    }

    void releaseGivesThePlaceBackOnce() {
        const HoldInfo hold = take();
        QVERIFY(!m_holds->release(hold.id, now));
        QCOMPARE(m_av->freePlaces(1), 2);
        QCOMPARE(m_holds->release(hold.id, now).reason, QStringLiteral("hold_not_active"));
        QCOMPARE(m_holds->release(QStringLiteral("nope"), now).reason,
                 QStringLiteral("hold_not_found"));
    }

    void committingHoldNeitherExpiresNorConfirmsTwice() {
        const HoldInfo hold = take();
        qint64 slot = 0;
        QVERIFY(!m_holds->beginCommit(hold.id, {}, &slot));
        QCOMPARE(slot, 1);
        QCOMPARE(m_holds->beginCommit(hold.id, {}, &slot).reason,
                 QStringLiteral("hold_not_active"));
        QCOMPARE(m_holds->release(hold.id, now).reason, QStringLiteral("hold_not_active"));
        m_holds->sweep(now + 3600);
        QCOMPARE(m_av->freePlaces(1), 1); // still held while its write commits
        m_holds->commit(hold.id, true, now + 3600);
        QCOMPARE(m_av->freePlaces(1), 1);
        QCOMPARE(m_av->slot(1)->record.booked, 1);
        QCOMPARE(m_holds->active(), 0);
    }

    void existingBookingGivesTheHeldPlaceBack() {
        const HoldInfo hold = take();
        qint64 slot = 0;
        QVERIFY(!m_holds->beginCommit(hold.id, {}, &slot));
        m_holds->commit(hold.id, false, now);
        QCOMPARE(m_av->freePlaces(1), 2);
        QCOMPARE(m_av->slot(1)->record.booked, 0);
    }

    void oneClientHoldsOnlyWhatThePolicyAllows() {
        HoldInfo hold;
        const HoldOwner client{QStringLiteral("192.0.2.7"), {}};
        QVERIFY(!m_holds->hold(1, QString(), client, now, &hold));
        const EngineError limited = m_holds->hold(1, QString(), client, now + 100, &hold);
        QCOMPARE(limited.kind, EngineError::Kind::Limited);
        QCOMPARE(limited.reason, QStringLiteral("too_many_holds"));
        QCOMPARE(limited.retryAfter, 500); // until the first one expires
        QCOMPARE(m_av->freePlaces(1), 1);
        QVERIFY(
            !m_holds->hold(1, QString(), HoldOwner{QStringLiteral("192.0.2.8"), {}}, now, &hold));
        m_holds->sweep(now + 600); // the first client's hold expired: room again
        QCOMPARE(m_holds->activeOfClient(client.address), 0);
        QVERIFY(!m_holds->hold(1, QString(), client, now + 600, &hold));
        m_policy.setLimits(HoldPolicy::Limits{0, 0}); // unlimited
        m_holds->sweep(now + 1200);
        QVERIFY(!m_holds->hold(1, QString(), client, now + 1200, &hold));
        QVERIFY(!m_holds->hold(1, QString(), client, now + 1200, &hold));
    }

    void onePersonHoldsOnlyWhatThePolicyAllowsFromAnyAddress() {
        m_policy.setLimits(HoldPolicy::Limits{0, 1});
        const QByteArray grandmother(32, 'g');
        HoldInfo first;
        QVERIFY(!m_holds->hold(1, QString(), HoldOwner{QStringLiteral("192.0.2.7"), grandmother},
                               now, &first));
        HoldInfo second;
        const EngineError limited =
            m_holds->hold(1, QString(), HoldOwner{QStringLiteral("198.51.100.9"), grandmother},
                          now + 60, &second);
        QCOMPARE(limited.reason, QStringLiteral("too_many_holds"));
        QCOMPARE(limited.retryAfter, 540);
        QCOMPARE(m_holds->activeOfPerson(grandmother), 1);
        // Someone else from the same address is not affected.
        QVERIFY(!m_holds->hold(1, QString(),
                               HoldOwner{QStringLiteral("192.0.2.7"), QByteArray(32, 'x')}, now,
                               &second));
        // Only the named person can confirm the place held for them.
        qint64 slot = 0;
        QCOMPARE(m_holds->beginCommit(first.id, QByteArray(32, 'x'), &slot).reason,
                 QStringLiteral("hold_of_other_person"));
        QVERIFY(!m_holds->beginCommit(first.id, grandmother, &slot));
        m_holds->commit(first.id, true, now);
        QCOMPARE(m_holds->activeOfPerson(grandmother), 0);
        // A hold that named nobody can be confirmed by whoever types their details.
        m_holds->release(second.id, now);
        const HoldInfo anonymous = take();
        QVERIFY(!m_holds->beginCommit(anonymous.id, grandmother, &slot));
    }

    void failedCommitReactivatesOrExpires() {
        const HoldInfo early = take();
        const HoldInfo late = take();
        qint64 slot = 0;
        QVERIFY(!m_holds->beginCommit(early.id, {}, &slot));
        QVERIFY(!m_holds->beginCommit(late.id, {}, &slot));
        m_holds->reactivate(early.id, now + 10);
        QVERIFY(!m_holds->beginCommit(early.id, {}, &slot)); // active again
        m_holds->reactivate(late.id, now + 600);             // its time is over
        QCOMPARE(m_holds->beginCommit(late.id, {}, &slot).reason, QStringLiteral("hold_expired"));
        QCOMPARE(m_av->freePlaces(1), 1);
    }
};

QTEST_GUILESS_MAIN(TestHolds)
#include "TestHolds.moc"

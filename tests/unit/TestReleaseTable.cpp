#include "models/store/CentreTable.h"
#include "models/store/Database.h"
#include "models/store/ReleaseTable.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;

// The releases table and the release side of slots: figures, stamps for retries, overlaps and
// withdrawals (capacity = booked, and a later cancellation does not give a place back).
class TestReleaseTable : public QObject {
    Q_OBJECT

private:
    test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
    Centre m_centre;

    qint64 scalar(const QString &sql) {
        QSqlQuery q(m_db->handle());
        if (!q.exec(sql) || !q.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return -1;
        }
        return q.value(0).toLongLong();
    }

    // A release "r<n>" opening at `opensAt` with slots starting at 1000, 2000, ... (capacity 4).
    qint64 addRelease(int n, qint64 opensAt, int slots, QList<SlotRecord> *stored = nullptr) {
        ReleaseTable table(m_db->handle());
        ReleaseTable::NewRelease release;
        release.uuid = QStringLiteral("00000000-0000-4000-8000-00000000000%1").arg(n);
        release.name = QStringLiteral("r%1").arg(n);
        release.opensAt = opensAt;
        release.idempotencyKey = QStringLiteral("key-%1").arg(n);
        release.requestHash = QStringLiteral("hash-%1").arg(n);
        qint64 id = 0;
        if (table.insert(release, 10, &id))
            return 0;
        QList<SlotRecord> records;
        for (int i = 0; i < slots; ++i)
            records.append(SlotRecord{0, m_centre.id, QStringLiteral("pcr"),
                                      (n * 100 + i + 1) * 1000LL, 15, 4, 0});
        if (table.insertSlots(id, &records))
            return 0;
        if (stored)
            *stored = records;
        return id;
    }

    bool exec(const QString &sql) {
        QSqlQuery q(m_db->handle());
        return q.exec(sql);
    }

private Q_SLOTS:
    void init() {
        QFile::remove(m_dir.file(QStringLiteral("r.db")));
        m_db = std::make_unique<Database>(QStringLiteral("release-table"));
        QVERIFY(m_db->open(m_dir.file(QStringLiteral("r.db"))).ok());
        m_centre = test::sampleCentre(QStringLiteral("Impfzentrum Messe"));
        m_centre.serviceCodes = {QStringLiteral("pcr")};
        QVERIFY(CentreTable(m_db->handle()).write(m_centre, 1).ok());
    }
    void cleanup() { m_db.reset(); }

    void figuresAndState() {
        QList<SlotRecord> slots;
        const qint64 id = addRelease(1, 500, 3, &slots);
        QVERIFY(id > 0);
        QCOMPARE(slots.at(0).releaseId, id);
        QVERIFY(
            exec(QStringLiteral("UPDATE slots SET booked = 4 WHERE id = %1").arg(slots.at(0).id)));
        QVERIFY(
            exec(QStringLiteral("UPDATE slots SET booked = 1 WHERE id = %1").arg(slots.at(1).id)));
        const ReleaseTable table(m_db->handle());
        // At 101500 the first slot (101000) has started: its places no longer count as remaining.
        const Release r =
            *table.find(QStringLiteral("00000000-0000-4000-8000-000000000001"), 101500).value;
        QCOMPARE(r.slots, 3);
        QCOMPARE(r.capacity, 12);
        QCOMPARE(r.booked, 5);
        QCOMPARE(r.remaining, 7);
        QCOMPARE(r.centreIds, QList<qint64>{m_centre.id});
        QCOMPARE(r.stateAt(499), ReleaseState::Scheduled);
        QCOMPARE(r.stateAt(500), ReleaseState::Open);
        Release soldOut = r;
        soldOut.remaining = 0;
        QCOMPARE(soldOut.stateAt(500), ReleaseState::SoldOut);
        QCOMPARE(table.scheduled(0).value.size(), 1);
        QVERIFY(ReleaseTable(m_db->handle()).markOpen(id, 500));
        QCOMPARE(table.scheduled(0).value.size(), 0);
        QVERIFY(!ReleaseTable(m_db->handle()).markOpen(id, 501)); // once
    }

    void stampsFindRetries() {
        QVERIFY(addRelease(1, 500, 1) > 0);
        const ReleaseTable table(m_db->handle());
        QCOMPARE(table.stampByKey(QStringLiteral("key-1"))->requestHash, QStringLiteral("hash-1"));
        QCOMPARE(table.stampByUuid(QStringLiteral("00000000-0000-4000-8000-000000000001"))->uuid,
                 QStringLiteral("00000000-0000-4000-8000-000000000001"));
        QVERIFY(!table.stampByKey(QStringLiteral("key-2")));
    }

    void existingSlotIsAConflict() {
        QList<SlotRecord> slots;
        QVERIFY(addRelease(1, 500, 1, &slots) > 0);
        ReleaseTable table(m_db->handle());
        QCOMPARE(table.existingSlot(m_centre.id, QStringLiteral("pcr"), slots.at(0).startsAt),
                 std::optional<qint64>(slots.at(0).id));
        QList<SlotRecord> again{slots.at(0)};
        QCOMPARE(table.insertSlots(1, &again).kind, StoreError::Kind::Conflict);
    }

    void withdrawKeepsBookedPlaces() {
        QList<SlotRecord> slots;
        const qint64 id = addRelease(1, 500, 2, &slots);
        QList<SlotRecord> other;
        QVERIFY(addRelease(2, 500, 1, &other) > 0);
        QVERIFY(
            exec(QStringLiteral("UPDATE slots SET booked = 1 WHERE id = %1").arg(slots.at(0).id)));
        ReleaseTable table(m_db->handle());
        QList<qint64> changed;
        QCOMPARE(table.withdraw(id, {slots.at(0).id, other.at(0).id}, 600, &changed).kind,
                 StoreError::Kind::NotFound);
        QVERIFY(changed.isEmpty());
        QVERIFY(table.withdraw(id, {slots.at(0).id}, 600, &changed).ok());
        QCOMPARE(changed, QList<qint64>{slots.at(0).id});
        QCOMPARE(
            scalar(QStringLiteral("SELECT capacity FROM slots WHERE id = %1").arg(slots.at(0).id)),
            1);
        QCOMPARE(scalar(QStringLiteral("SELECT withdrawn_places FROM slots WHERE id = %1")
                            .arg(slots.at(0).id)),
                 3);
        QCOMPARE(table.find(QStringLiteral("00000000-0000-4000-8000-000000000001"), 0)
                     .value->storedState,
                 QStringLiteral("scheduled"));
        changed.clear();
        QVERIFY(table.withdraw(id, {}, 700, &changed).ok());
        QCOMPARE(changed, QList<qint64>{slots.at(1).id}); // the first was withdrawn already
        const Release r =
            *table.find(QStringLiteral("00000000-0000-4000-8000-000000000001"), 0).value;
        QCOMPARE(r.storedState, QStringLiteral("withdrawn"));
        QCOMPARE(r.withdrawnAt, 700);
        QCOMPARE(r.capacity, 1);
        QCOMPARE(r.withdrawn, 7);
        // The other release is untouched.
        QCOMPARE(
            scalar(QStringLiteral("SELECT capacity FROM slots WHERE id = %1").arg(other.at(0).id)),
            4);
    }
};

QTEST_GUILESS_MAIN(TestReleaseTable)
#include "TestReleaseTable.moc"

#include "models/store/CentreTable.h"
#include "models/store/Database.h"
#include "models/store/DeskBookingStore.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;

// The desk's reads of bookings (filters, keyset pages, centre limits) and the check-in write.
class TestDeskBookingStore : public QObject {
    Q_OBJECT

private:
    test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
    Centre m_north;
    Centre m_south;

    bool exec(const QString &sql) {
        QSqlQuery q(m_db->handle());
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }

    // A booking at `centre` whose slot starts at `startsAt`.
    bool addBooking(int n, const Centre &centre, qint64 startsAt, const char *state) {
        return exec(QStringLiteral("INSERT INTO slots (id, centre_id, service_code, starts_at, "
                                   "minutes, capacity, booked) VALUES (%1, %2, 'pcr', %3, 15, 5, "
                                   "1)")
                        .arg(n)
                        .arg(centre.id)
                        .arg(startsAt)) &&
               exec(QStringLiteral("INSERT INTO bookings (id, code, slot_id, service_code, "
                                   "person_key, family_name, given_name, birth_date, email, "
                                   "state, created_at, updated_at) VALUES (%1, 'CODE%1', %1, "
                                   "'pcr', 'key%1', 'Person%1', 'Erika', '1980-05-17', "
                                   "'p%1@example.org', '%2', 100, 100)")
                        .arg(n)
                        .arg(QLatin1String(state)));
    }

    static QStringList codes(const QList<DeskBooking> &bookings) {
        QStringList result;
        for (const DeskBooking &b : bookings)
            result.append(b.code);
        return result;
    }

private Q_SLOTS:
    void init() {
        QFile::remove(m_dir.file(QStringLiteral("d.db")));
        m_db = std::make_unique<Database>(QStringLiteral("desk-bookings"));
        QVERIFY(m_db->open(m_dir.file(QStringLiteral("d.db"))).ok());
        CentreTable centres(m_db->handle());
        m_north = test::sampleCentre(QStringLiteral("Testzentrum Nord"));
        m_north.serviceCodes = {QStringLiteral("pcr")};
        m_south = test::sampleCentre(QStringLiteral("Testzentrum Süd"));
        m_south.serviceCodes = {QStringLiteral("pcr")};
        QVERIFY(centres.write(m_north, 1).ok());
        QVERIFY(centres.write(m_south, 1).ok());
        QVERIFY(addBooking(1, m_north, 3000, "confirmed"));
        QVERIFY(addBooking(2, m_north, 1000, "cancelled"));
        QVERIFY(addBooking(3, m_north, 2000, "confirmed"));
        QVERIFY(addBooking(4, m_south, 1500, "confirmed"));
        QVERIFY(exec(QStringLiteral("INSERT INTO staff_users (id, login, role, password_hash, "
                                    "created_at, updated_at) VALUES (1, 'desk1', 'desk', 'x', 1, "
                                    "1)")));
    }
    void cleanup() { m_db.reset(); }

    void listFiltersInSlotOrder() {
        const DeskBookingStore store(m_db->handle());
        DeskBookingFilter filter;
        QCOMPARE(codes(store.list(filter).value),
                 (QStringList{u"CODE2"_qs, u"CODE4"_qs, u"CODE3"_qs, u"CODE1"_qs}));
        filter.centreIds = {m_north.id};
        QCOMPARE(codes(store.list(filter).value),
                 (QStringList{u"CODE2"_qs, u"CODE3"_qs, u"CODE1"_qs}));
        filter.state = QStringLiteral("confirmed");
        QCOMPARE(codes(store.list(filter).value), (QStringList{u"CODE3"_qs, u"CODE1"_qs}));
        filter = {};
        filter.centreUuid = m_south.uuid;
        const QList<DeskBooking> south = store.list(filter).value;
        QCOMPARE(codes(south), QStringList{u"CODE4"_qs});
        QCOMPARE(south.constFirst().centreId, m_south.id);
        QCOMPARE(south.constFirst().startsAt, 1500);
        QCOMPARE(south.constFirst().familyName, QStringLiteral("Person4"));
        // A limited account naming a centre outside its list reads nothing.
        filter.centreIds = {m_north.id};
        QVERIFY(store.list(filter).value.isEmpty());
        filter = {};
        filter.startsFrom = 1500;
        filter.startsUntil = 3000;
        QCOMPARE(codes(store.list(filter).value), (QStringList{u"CODE4"_qs, u"CODE3"_qs}));
    }

    void keysetPages() {
        const DeskBookingStore store(m_db->handle());
        DeskBookingFilter filter;
        filter.limit = 2;
        const QList<DeskBooking> first = store.list(filter).value;
        QCOMPARE(codes(first), (QStringList{u"CODE2"_qs, u"CODE4"_qs}));
        filter.after = {first.constLast().startsAt, first.constLast().id};
        QCOMPARE(codes(store.list(filter).value), (QStringList{u"CODE3"_qs, u"CODE1"_qs}));
    }

    void checkInOnlyAConfirmedBooking() {
        DeskBookingStore store(m_db->handle());
        const Stored<std::optional<DeskBooking>> found = store.findByCode(QStringLiteral("CODE3"));
        QVERIFY(found.error.ok());
        QVERIFY(found.value);
        QVERIFY(!store.lastArrival(found.value->id));
        QVERIFY(store.checkIn(*found.value, QStringLiteral("Desk 2"), 1, 5000));
        QCOMPARE(store.findByCode(QStringLiteral("CODE3")).value->state,
                 QStringLiteral("checked_in"));
        QCOMPARE(store.lastArrival(found.value->id), std::optional<qint64>(5000));
        // Not confirmed any more (or cancelled): nothing is written.
        QVERIFY(!store.checkIn(*found.value, QString(), 1, 6000));
        QVERIFY(
            !store.checkIn(*store.findByCode(QStringLiteral("CODE2")).value, QString(), 1, 6000));
        QCOMPARE(test::countRows(m_db->handle(), QStringLiteral("check_ins")), 1);
        const Stored<std::optional<DeskBooking>> missing = store.findByCode(QStringLiteral("NOPE"));
        QVERIFY(missing.error.ok());
        QVERIFY(!missing.value);
    }
};

QTEST_GUILESS_MAIN(TestDeskBookingStore)
#include "TestDeskBookingStore.moc"

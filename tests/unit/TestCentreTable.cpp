#include "models/store/CentreTable.h"
#include "models/store/Database.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace slotdesk;

// The one writer of centres, centre_services and lanes (console, publish route, booking store).
class TestCentreTable : public QObject {
    Q_OBJECT

private:
    test::TempDir m_dir;
    std::unique_ptr<Database> m_db;

    qint64 scalar(const QString &sql) {
        QSqlQuery q(m_db->handle());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init() {
        m_db = std::make_unique<Database>(QStringLiteral("centre-table"));
        QFile::remove(m_dir.file(QStringLiteral("c.db")));
        QVERIFY(m_db->open(m_dir.file(QStringLiteral("c.db"))).ok());
    }
    void cleanup() { m_db.reset(); }

    void insertThenUpdateKeepsLanes() {
        CentreTable table(m_db->handle());
        Centre centre = test::sampleCentre(QStringLiteral("  Testzentrum Altstadt "));
        centre.lanes = 3;
        centre.street = QString(); // null: stored as ''
        QVERIFY(table.write(centre, 1000).ok());
        QVERIFY(centre.id > 0);
        QVERIFY(!centre.uuid.isEmpty());
        QCOMPARE(centre.revision, 1);
        QCOMPARE(centre.name, QStringLiteral("Testzentrum Altstadt"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM lanes WHERE active = 1")), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM centre_services")),
                 centre.serviceCodes.size());

        // Fewer lanes: the surplus one is switched off, not deleted (past slots may name it).
        centre.lanes = 2;
        centre.serviceCodes = {centre.serviceCodes.constFirst()};
        QVERIFY(table.write(centre, 2000).ok());
        QCOMPARE(centre.revision, 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM lanes")), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM lanes WHERE active = 1")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM centre_services")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT updated_at FROM centres")), 2000);

        const std::optional<CentreTable::Identity> found = table.findByUuid(centre.uuid);
        QVERIFY(found);
        QCOMPARE(found->id, centre.id);
        QCOMPARE(found->revision, 2);
        QVERIFY(!table.findByUuid(QStringLiteral("00000000-0000-4000-8000-000000000001")));
    }

    void duplicateNameIsRefusedOnTheNameField() {
        CentreTable table(m_db->handle());
        Centre first = test::sampleCentre(QStringLiteral("Impfzentrum Messe"));
        QVERIFY(table.write(first, 1000).ok());
        QVERIFY(!table.nameTakenByOther(QStringLiteral("impfzentrum  MESSE"), first.uuid));
        QVERIFY(table.nameTakenByOther(QStringLiteral("impfzentrum  MESSE"),
                                       QStringLiteral("00000000-0000-4000-8000-000000000001")));
        Centre second = test::sampleCentre(QStringLiteral("IMPFZENTRUM messe"));
        const StoreError error = table.write(second, 1000);
        QCOMPARE(error.kind, StoreError::Kind::Validation);
        QCOMPARE(error.fields.size(), 1);
        QCOMPARE(error.fields.constFirst().field, QStringLiteral("name"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM centres")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCentreTable)
#include "TestCentreTable.moc"

// Publishing centres, opening hours and slots: what bad input gets back.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

class TestStaffPublish : public StaffSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() { stopService(); }

    void publishBadInput_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QString centre = QStringLiteral("/api/v1/centres/") + centreUuid;
        const QString slots = QStringLiteral("/api/v1/slots");
        QTest::newRow("centre not a uuid")
            << QStringLiteral("/api/v1/centres/abc") << QByteArray("{}") << 400 << "invalid_value";
        QTest::newRow("centre missing name")
            << centre
            << QByteArray(R"({"postcode":"50679","kind":"test","services":["pcr"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 400 << "invalid_centre";
        QTest::newRow("centre bad postcode")
            << centre
            << QByteArray(R"({"name":"X","postcode":"5067","kind":"test","services":["pcr"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 422 << "invalid_value";
        QTest::newRow("centre unknown service")
            << centre
            << QByteArray(R"({"name":"X","postcode":"50679","kind":"test","services":["x"],)"
                          R"("lanes":1,"capacity_per_lane":1,"slot_minutes":15})")
            << 422 << "unknown_service";
        QTest::newRow("centre uuid mismatch")
            << centre
            << QByteArray(R"({"uuid":"00000000-0000-4000-8000-000000000001","name":"X",)"
                          R"("postcode":"50679","kind":"test","services":["pcr"],"lanes":1,)"
                          R"("capacity_per_lane":1,"slot_minutes":15})")
            << 400 << "uuid_mismatch";
        QTest::newRow("hours unknown centre")
            << QStringLiteral("/api/v1/centres/00000000-0000-4000-8000-000000000001/"
                              "opening-hours")
            << QByteArray(R"({"weekly":[]})") << 404 << "unknown_centre";
        QTest::newRow("slots not array")
            << slots << QByteArray(R"({"slots":{}})") << 400 << "wrong_type";
        QTest::newRow("slots empty")
            << slots << QByteArray(R"({"slots":[]})") << 400 << "out_of_range";
        QTest::newRow("slot unknown centre")
            << slots
            << QByteArray(R"({"slots":[{"centre":"00000000-0000-4000-8000-000000000001",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "unknown_centre";
        QTest::newRow("slot capacity 0")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":0}]})")
            << 400 << "out_of_range";
        QTest::newRow("slot no offset")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "invalid_date";
        QTest::newRow("slot in the past")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-01T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "in_the_past";
        QTest::newRow("slot service not offered")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"vaccine_spikevax","start":"2026-03-03T09:00:00+01:00",)"
                          R"("minutes":15,"capacity":2}]})")
            << 422 << "service_not_offered";
        QTest::newRow("slot duplicate in batch")
            << slots
            << QByteArray(R"({"slots":[{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T09:00:00+01:00","minutes":15,)"
                          R"("capacity":2},{"centre":"5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13",)"
                          R"("service":"pcr","start":"2026-03-03T08:00:00Z","minutes":15,)"
                          R"("capacity":2}]})")
            << 422 << "duplicate_slot";
    }

    void publishBadInput() {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        // A centre exists so that slot rows are checked beyond the centre.
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin)
                     .status,
                 201);
        const qint64 eventsBefore = m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
        const QByteArray method = path.endsWith(u"/slots") ? "POST" : "PUT";
        const HttpReply answer = m_http->call(method, path, body, m_admin);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.error(), error);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events")), eventsBefore);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStaffPublish)
#include "TestStaffPublish.moc"

#include "service/staff/auth/CentreScope.h"

#include <QTest>

using namespace slotdesk;

namespace {

const QString mine = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
const QString other = QStringLiteral("0c4f8a21-7d3e-4b9a-8e52-6a1d9f3c7b04");

Event makeEvent(const char *type, const QByteArray &payload) {
    return Event{1, 0, QString::fromLatin1(type), payload};
}

QByteArray naming(const char *key, const QString &uuid) {
    return QByteArray(R"({")") + key + R"(":")" + uuid.toLatin1() + R"("})";
}

} // namespace

// Which stream events an account limited to centre 7 (uuid `mine`) receives.
class TestCentreScope : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void limitedAccountEvents_data() {
        QTest::addColumn<Event>("event");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("booking, own centre")
            << makeEvent("booking.confirmed", QByteArray(R"({"centre_id":7,"code":"A"})")) << true;
        QTest::newRow("booking, other centre")
            << makeEvent("booking.cancelled", QByteArray(R"({"centre_id":8,"code":"B"})")) << false;
        QTest::newRow("release, both centres")
            << makeEvent("release.opened", QByteArray(R"({"centres":[8,7],"slots":4})")) << true;
        QTest::newRow("release, other centre")
            << makeEvent("release.opened", QByteArray(R"({"centres":[8],"slots":4})")) << false;
        QTest::newRow("check-in, own centre")
            << makeEvent("checkin.arrival", naming("centre", mine)) << true;
        QTest::newRow("check-in, other centre")
            << makeEvent("checkin.arrival", naming("centre", other)) << false;
        QTest::newRow("published centre, own")
            << makeEvent("centre.published", naming("uuid", mine)) << true;
        QTest::newRow("published centre, other")
            << makeEvent("centre.published", naming("uuid", other)) << false;
        QTest::newRow("names no centre")
            << makeEvent("service.notice", QByteArray(R"({"text":"x"})")) << true;
        QTest::newRow("empty payload") << makeEvent("service.notice", QByteArray()) << true;
    }

    void limitedAccountEvents() {
        QFETCH(Event, event);
        QFETCH(bool, allowed);
        const CentreScope limited({CentreRef{7, mine}});
        QVERIFY(limited.limited());
        QCOMPARE(limited.allowsEvent(event), allowed);
        // An account without centres gets everything.
        QVERIFY(CentreScope().allowsEvent(event));
    }

    void idsAndUuids() {
        const CentreScope scope({CentreRef{7, mine}, CentreRef{9, other}});
        QCOMPARE(scope.ids(), (QList<qint64>{7, 9}));
        QCOMPARE(scope.uuids(), (QStringList{mine, other}));
        QVERIFY(scope.allowsId(9));
        QVERIFY(!scope.allowsId(8));
        QVERIFY(scope.allowsUuid(other));
        QVERIFY(!scope.allowsUuid(QStringLiteral("00000000-0000-4000-8000-000000000001")));
        QVERIFY(CentreScope().allowsId(8));
        QVERIFY(!CentreScope().limited());
    }
};

QTEST_GUILESS_MAIN(TestCentreScope)
#include "TestCentreScope.moc"

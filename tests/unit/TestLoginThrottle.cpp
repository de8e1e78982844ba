#include "service/staff/auth/LoginThrottle.h"

#include <QTest>

using namespace slotdesk;

class TestLoginThrottle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backoffDoublesPerLoginAndAddress_data() {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("retryAfter");
        QTest::newRow("1") << 1 << qint64(0);
        QTest::newRow("3 free") << 3 << qint64(0);
        QTest::newRow("4") << 4 << qint64(1);
        QTest::newRow("5") << 5 << qint64(2);
        QTest::newRow("6") << 6 << qint64(4);
        QTest::newRow("13") << 13 << qint64(512);
        QTest::newRow("capped") << 40 << qint64(900);
    }

    void backoffDoublesPerLoginAndAddress() {
        QFETCH(int, failures);
        QFETCH(qint64, retryAfter);
        LoginThrottle throttle({3, 1000, 900000}, {1000, 1000, 900000});
        qint64 now = 1'000'000;
        for (int i = 0; i < failures; ++i) {
            now += 1; // within the previous block: still counted
            throttle.recordFailure(QStringLiteral("Desk1"), QStringLiteral("10.0.0.1"), now);
        }
        // Case-folded: "desk1" is the same account.
        QCOMPARE(
            throttle.retryAfterSeconds(QStringLiteral("desk1"), QStringLiteral("10.0.0.1"), now),
            retryAfter);
        // The owner at another address is not locked out by the guesses from this one.
        QCOMPARE(
            throttle.retryAfterSeconds(QStringLiteral("desk1"), QStringLiteral("10.0.0.2"), now),
            0);
        QCOMPARE(
            throttle.retryAfterSeconds(QStringLiteral("other"), QStringLiteral("10.0.0.2"), now),
            0);
    }

    void successClearsTheLoginAtTheAddressNotTheAddress() {
        LoginThrottle throttle({1, 1000, 60000}, {3, 1000, 60000});
        throttle.recordFailure(QStringLiteral("a"), QStringLiteral("ip"), 0);
        throttle.recordFailure(QStringLiteral("a"), QStringLiteral("ip"), 0);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a"), QStringLiteral("ip"), 0), 1);
        throttle.recordSuccess(QStringLiteral("a"), QStringLiteral("ip"));
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a"), QStringLiteral("ip"), 0), 0);
        // The address keeps its failures: two more anywhere from it and it waits.
        throttle.recordFailure(QStringLiteral("b"), QStringLiteral("ip"), 0);
        throttle.recordFailure(QStringLiteral("c"), QStringLiteral("ip"), 0);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("d"), QStringLiteral("ip"), 0), 1);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("d"), QStringLiteral("ip"), 1000), 0);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("d"), QStringLiteral("ip2"), 0), 0);
    }

    void oneCheckAtATimePerLoginAndAddress() {
        LoginThrottle throttle;
        QVERIFY(throttle.beginCheck(QStringLiteral("Desk1"), QStringLiteral("ip")));
        QVERIFY(!throttle.beginCheck(QStringLiteral("desk1"), QStringLiteral("ip")));
        QVERIFY(throttle.beginCheck(QStringLiteral("desk1"), QStringLiteral("ip2")));
        QVERIFY(throttle.beginCheck(QStringLiteral("other"), QStringLiteral("ip")));
        throttle.endCheck(QStringLiteral("desk1"), QStringLiteral("ip"));
        QVERIFY(throttle.beginCheck(QStringLiteral("desk1"), QStringLiteral("ip")));
    }

    void quietPeriodForgives() {
        LoginThrottle throttle({2, 1000, 60000}, {100, 1000, 60000});
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("a"), QStringLiteral("ip"), i);
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("a"), QStringLiteral("ip"), 5) > 0);
        // After a quiet period as long as the longest delay, the count starts over.
        throttle.recordFailure(QStringLiteral("a"), QStringLiteral("ip"), 200000);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("a"), QStringLiteral("ip"), 200000), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "TestLoginThrottle.moc"

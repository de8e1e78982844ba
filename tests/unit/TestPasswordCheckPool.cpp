#include "service/staff/auth/PasswordCheckPool.h"

#include <QTest>
#include <QThread>

using namespace slotdesk;

class TestPasswordCheckPool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checksRunOffTheCallingThreadAndAnswerOnIt() {
        const PasswordHasher hasher(PasswordHashLimits::minimal());
        const QString hash = hasher.hash(QStringLiteral("right password"));
        PasswordCheckPool pool(hasher, 1, 4);
        QList<bool> results;
        bool onCallingThread = true;
        QVERIFY(pool.submit(hash, QStringLiteral("right password"), [&](bool matches) {
            results.append(matches);
            onCallingThread = onCallingThread && QThread::currentThread() == thread();
        }));
        QVERIFY(pool.submit(hash, QStringLiteral("wrong password"), [&](bool matches) {
            results.append(matches);
            onCallingThread = onCallingThread && QThread::currentThread() == thread();
        }));
        // An unknown login: checked against a hash that never matches.
        QVERIFY(pool.submit(QString(), QStringLiteral("right password"),
                            [&](bool matches) { results.append(matches); }));
        // Nothing is answered inside submit(): the answers come in later event-loop turns.
        QVERIFY(results.isEmpty());
        QCOMPARE(pool.pending(), 3);
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results, (QList<bool>{true, false, false}));
        QVERIFY(onCallingThread);
        QCOMPARE(pool.pending(), 0);
    }

    void refusesBeyondItsCeiling() {
        const PasswordHasher hasher(PasswordHashLimits::minimal());
        const QString hash = hasher.hash(QStringLiteral("right password"));
        PasswordCheckPool pool(hasher, 1, 2);
        int answered = 0;
        QVERIFY(pool.submit(hash, QStringLiteral("a"), [&](bool) { ++answered; }));
        QVERIFY(pool.submit(hash, QStringLiteral("b"), [&](bool) { ++answered; }));
        QVERIFY(!pool.submit(hash, QStringLiteral("c"), [&](bool) { ++answered; }));
        QTRY_COMPARE(answered, 2);
        // Room again once the checks are back.
        QVERIFY(pool.submit(hash, QStringLiteral("d"), [&](bool) { ++answered; }));
        QTRY_COMPARE(answered, 3);
    }

    void destroyedPoolDropsItsAnswers() {
        const PasswordHasher hasher(PasswordHashLimits::minimal());
        const QString hash = hasher.hash(QStringLiteral("right password"));
        int answered = 0;
        {
            PasswordCheckPool pool(hasher, 1, 4);
            for (int i = 0; i < 3; ++i)
                QVERIFY(pool.submit(hash, QStringLiteral("x"), [&](bool) { ++answered; }));
        }
        QTest::qWait(50);
        QCOMPARE(answered, 0);
    }
};

QTEST_GUILESS_MAIN(TestPasswordCheckPool)
#include "TestPasswordCheckPool.moc"

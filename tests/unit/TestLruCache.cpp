// LruCache: bounded size, least recently used out first, a lookup counts as a use.
#include "models/core/LruCache.h"

#include <QString>
#include <QTest>

using namespace slotdesk;

class TestLruCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evictsLeastRecentlyUsed() {
        LruCache<QString, int> cache(2);
        cache.insert(QStringLiteral("a"), 1);
        cache.insert(QStringLiteral("b"), 2);
        QCOMPARE(*cache.find(QStringLiteral("a")), 1); // a is now the most recent
        cache.insert(QStringLiteral("c"), 3);
        QCOMPARE(cache.size(), 2);
        QVERIFY(!cache.find(QStringLiteral("b")));
        QVERIFY(cache.contains(QStringLiteral("a")));
        QVERIFY(cache.contains(QStringLiteral("c")));
    }

    void replacingKeepsOneEntry() {
        LruCache<qint64, QString> cache(3);
        cache.insert(7, QStringLiteral("x"));
        cache.insert(7, QStringLiteral("y"));
        QCOMPARE(cache.size(), 1);
        QCOMPARE(*cache.find(7), QStringLiteral("y"));
    }

    void neverGrowsBeyondCapacity() {
        LruCache<qint64, qint64> cache(100);
        for (qint64 i = 0; i < 100000; ++i)
            cache.insert(i, i);
        QCOMPARE(cache.size(), 100);
        QVERIFY(cache.find(99999));
        QVERIFY(!cache.find(99899));
    }

    void removeAndClear() {
        LruCache<qint64, int> cache(4);
        cache.insert(1, 1);
        cache.insert(2, 2);
        QVERIFY(cache.remove(1));
        QVERIFY(!cache.remove(1));
        QCOMPARE(cache.size(), 1);
        cache.clear();
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache.capacity(), 4);
    }
};

QTEST_GUILESS_MAIN(TestLruCache)
#include "TestLruCache.moc"

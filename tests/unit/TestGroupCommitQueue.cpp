// GroupCommitQueue: what is submitted in one event-loop turn goes as one batch, one batch at a
// time, written on the writer's thread and finished on this one.
#include "service/booking/BatchWriter.h"
#include "service/booking/GroupCommitQueue.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace slotdesk;

class TestGroupCommitQueue : public QObject {
    Q_OBJECT

private:
    QList<int> m_batchSizes;
    QList<int> m_answered;
    std::atomic<bool> m_wroteElsewhere{false};
    bool m_fail = false;

    std::unique_ptr<GroupCommitQueue> makeQueue() {
        return std::make_unique<GroupCommitQueue>(
            [this](GroupCommitQueue::Batch &batch) {
                m_wroteElsewhere = QThread::currentThread() != thread();
                for (BookingWrite &write : batch)
                    write.written = !m_fail;
                if (m_fail)
                    return StoreError{StoreError::Kind::Io, QStringLiteral("disk full"), {}};
                return StoreError{};
            },
            [this](GroupCommitQueue::Batch &batch, const StoreError &) {
                QCOMPARE(QThread::currentThread(), thread());
                m_batchSizes.append(int(batch.size()));
                for (const BookingWrite &write : batch)
                    write.done(write.outcome);
            });
    }

    BookingWrite write(int n) {
        BookingWrite w;
        w.booking.id = n;
        w.done = [this, n](const WriteOutcome &) { m_answered.append(n); };
        return w;
    }

private Q_SLOTS:
    void init() {
        m_batchSizes.clear();
        m_answered.clear();
        m_fail = false;
    }

    void oneTurnIsOneBatch() {
        auto queue = makeQueue();
        for (int i = 0; i < 3; ++i)
            queue->submit(write(i));
        QCOMPARE(queue->queuedWrites(), 3);
        QTRY_COMPARE(m_answered, (QList<int>{0, 1, 2}));
        QCOMPARE(m_batchSizes, QList<int>{3});
        QCOMPARE(queue->batchesCommitted(), 1);
        QCOMPARE(queue->writesCommitted(), 3);
        QVERIFY(!m_wroteElsewhere);
    }

    void observerSeesEveryCommittedBatch() {
        BatchWriter writer([] { return true; }, [] {});
        QVERIFY(writer.start());
        auto queue = makeQueue();
        queue->setWriter(&writer);
        QList<qsizetype> sizes;
        QList<qint64> nanos;
        queue->setObserver([&](qsizetype writes, qint64 ns) {
            QCOMPARE(QThread::currentThread(), thread());
            sizes.append(writes);
            nanos.append(ns);
        });
        queue->submit(write(1));
        queue->submit(write(2));
        QTRY_COMPARE(sizes, QList<qsizetype>{2});
        QVERIFY(nanos.constFirst() > 0);
        m_fail = true; // a failed batch is not a committed one
        queue->submit(write(3));
        QTRY_COMPARE(m_answered.size(), 3);
        QCOMPARE(sizes, QList<qsizetype>{2});
    }

    void manualFlushWaitsForTheTest() {
        auto queue = makeQueue();
        queue->setAutoFlush(false);
        queue->submit(write(1));
        QTest::qWait(20);
        QVERIFY(m_answered.isEmpty());
        queue->submit(write(2));
        queue->flush();
        QCOMPARE(m_batchSizes, QList<int>{2});
    }

    void writerThreadCommitsWhileNextBatchQueues() {
        BatchWriter writer([] { return true; }, [] {});
        QVERIFY(writer.start());
        auto queue = makeQueue();
        queue->setAutoFlush(false);
        queue->setWriter(&writer);
        queue->submit(write(1));
        queue->startFlush();
        QVERIFY(queue->batchInFlight());
        queue->submit(write(2)); // joins the next batch
        queue->submit(write(3));
        queue->drain();
        QVERIFY(!queue->batchInFlight());
        QCOMPARE(m_batchSizes, QList<int>{1});
        QVERIFY(m_wroteElsewhere);
        queue->flush();
        QCOMPARE(m_batchSizes, (QList<int>{1, 2}));
        QCOMPARE(m_answered, (QList<int>{1, 2, 3}));
    }

    void failedBatchIsNotCounted() {
        auto queue = makeQueue();
        queue->setAutoFlush(false);
        m_fail = true;
        queue->submit(write(1));
        queue->flush();
        QCOMPARE(m_answered, QList<int>{1});
        QCOMPARE(queue->batchesCommitted(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGroupCommitQueue)
#include "TestGroupCommitQueue.moc"

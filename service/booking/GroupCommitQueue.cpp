#include "service/booking/GroupCommitQueue.h"

#include "service/booking/BatchWriter.h"

namespace slotdesk {

GroupCommitQueue::GroupCommitQueue(Write write, Finish finish, QObject *parent)
    : QObject(parent)
    , m_write(std::move(write))
    , m_finish(std::move(finish)) {}

void GroupCommitQueue::submit(BookingWrite &&write) {
    m_queue.push_back(std::move(write));
    scheduleFlush();
}

void GroupCommitQueue::scheduleFlush() {
    if (m_flushScheduled || !m_autoFlush)
        return;
    m_flushScheduled = true;
    // Everything submitted until the event loop comes back here joins the same transaction.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushScheduled = false;
            dispatch();
        },
        Qt::QueuedConnection);
}

void GroupCommitQueue::setWriter(BatchWriter *writer) {
    drain();
    m_writer = writer;
}

void GroupCommitQueue::flush() {
    drain();
    if (m_queue.empty())
        return;
    dispatch();
    drain();
}

void GroupCommitQueue::drain() {
    if (!m_inFlight)
        return;
    m_writer->waitIdle();
    collect();
}

void GroupCommitQueue::dispatch() {
    if (m_queue.empty() || m_inFlight)
        return;
    Batch batch;
    batch.swap(m_queue);
    m_batchTimer.start();
    if (!m_writer) {
        const StoreError failed = m_write(batch);
        finish(batch, failed);
        return;
    }
    m_inFlight = true;
    auto shared = std::make_shared<Batch>(std::move(batch));
    m_writer->post([this, shared] {
        const StoreError failed = m_write(*shared);
        {
            const std::lock_guard<std::mutex> lock(m_finishedMutex);
            m_finished.push_back({shared, failed});
        }
        QMetaObject::invokeMethod(
            this, [this] { collect(); }, Qt::QueuedConnection);
    });
}

void GroupCommitQueue::collect() {
    std::vector<Finished> finished;
    {
        const std::lock_guard<std::mutex> lock(m_finishedMutex);
        finished.swap(m_finished);
    }
    if (finished.empty())
        return;
    m_inFlight = false;
    for (Finished &done : finished)
        finish(*done.batch, done.error);
    if (m_autoFlush)
        dispatch();
}

void GroupCommitQueue::finish(Batch &batch, const StoreError &failed) {
    if (!failed) {
        ++m_batches;
        m_writes += qint64(batch.size());
        if (m_observer)
            m_observer(qsizetype(batch.size()), m_batchTimer.nsecsElapsed());
    }
    m_finish(batch, failed);
}

} // namespace slotdesk

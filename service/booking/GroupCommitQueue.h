#pragma once

#include "models/store/StoreError.h"
#include "service/booking/BookingWrite.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace slotdesk {

class BatchWriter;

// Group commit: writes submitted on this (the server) thread queue up; the queue goes as ONE
// batch to `write` — on the BatchWriter's thread when there is one (setWriter()), otherwise
// right here — and what arrives meanwhile becomes the next batch. One batch is in flight at a
// time. Back on this thread `finish` gets the batch and the batch-wide failure, if any.
class GroupCommitQueue : public QObject {
    Q_OBJECT
public:
    using Batch = std::vector<BookingWrite>;
    // Runs the store part of a batch; returns a batch-wide failure (then nothing was written).
    using Write = std::function<StoreError(Batch &)>;
    using Finish = std::function<void(Batch &, const StoreError &)>;
    // Told of every committed batch on this thread: its writes and the nanoseconds from taking
    // it off the queue to its commit being known here.
    using Observer = std::function<void(qsizetype writes, qint64 nanoseconds)>;

    GroupCommitQueue(Write write, Finish finish, QObject *parent = nullptr);

    // Queues a write; the batch starts when the event loop comes back (with auto-flush).
    void submit(BookingWrite &&write);
    void setWriter(BatchWriter *writer);
    // Commits every queued write now (waits for the batch in flight first) and finishes them.
    void flush();
    // Waits for the batch in flight, if any, and finishes it.
    void drain();
    // Starts the next batch without waiting for it.
    void startFlush() { dispatch(); }
    bool batchInFlight() const { return m_inFlight; }
    int queuedWrites() const { return int(m_queue.size()); }
    // Off: queued writes wait for an explicit flush().
    void setAutoFlush(bool on) { m_autoFlush = on; }
    // Batches committed so far and the writes in them.
    qint64 batchesCommitted() const { return m_batches; }
    qint64 writesCommitted() const { return m_writes; }
    void setObserver(Observer observer) { m_observer = std::move(observer); }

private:
    struct Finished {
        std::shared_ptr<Batch> batch;
        StoreError error;
    };
    void scheduleFlush();
    void dispatch();
    void collect();
    void finish(Batch &batch, const StoreError &failed);

    Write m_write;
    Finish m_finish;
    Observer m_observer;
    QElapsedTimer m_batchTimer; // one batch is in flight at a time
    Batch m_queue;
    bool m_flushScheduled = false;
    bool m_autoFlush = true;
    bool m_inFlight = false;
    BatchWriter *m_writer = nullptr;
    std::mutex m_finishedMutex;
    std::vector<Finished> m_finished; // written by the writer thread
    qint64 m_batches = 0;
    qint64 m_writes = 0;
};

} // namespace slotdesk

#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace slotdesk {

// A thread of its own for the booking engine's batch transactions, so that SQLite's work and
// its WAL writes run on the second core while the server thread goes on with HTTP. Qt Sql
// connections belong to the thread that opened them: `open` runs first on the new thread
// (opens the connection, builds the store on it), `close` last. Jobs run one at a time, in
// the order posted.
class BatchWriter {
public:
    using Job = std::function<void()>;
    BatchWriter(std::function<bool()> open, std::function<void()> close);
    ~BatchWriter(); // runs the jobs still queued, then `close`, and joins
    BatchWriter(const BatchWriter &) = delete;
    BatchWriter &operator=(const BatchWriter &) = delete;

    // Starts the thread and waits for `open`; false when it failed (the thread has ended).
    bool start();
    void post(Job job);
    // Blocks until every posted job has run.
    void waitIdle();

private:
    void run();

    std::function<bool()> m_open;
    std::function<void()> m_close;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    int m_opened = -1; // -1 not yet, 0 failed, 1 open
    std::thread m_thread;
};

} // namespace slotdesk

#include "service/booking/BatchWriter.h"

namespace slotdesk {

BatchWriter::BatchWriter(std::function<bool()> open, std::function<void()> close)
    : m_open(std::move(open))
    , m_close(std::move(close)) {}

BatchWriter::~BatchWriter() {
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

bool BatchWriter::start() {
    m_thread = std::thread([this] { run(); });
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_opened >= 0; });
    if (m_opened == 1)
        return true;
    lock.unlock();
    m_thread.join();
    return false;
}

void BatchWriter::post(Job job) {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_changed.notify_all();
}

void BatchWriter::waitIdle() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void BatchWriter::run() {
    const bool opened = m_open();
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_opened = opened ? 1 : 0;
    }
    m_changed.notify_all();
    if (!opened)
        return;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty())
            break; // stopping, nothing left
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        job();
        lock.lock();
        m_busy = false;
        m_changed.notify_all();
    }
    lock.unlock();
    m_close();
}

} // namespace slotdesk

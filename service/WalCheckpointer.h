#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace slotdesk {

// Runs SQLite WAL checkpoints on a thread of its own, with its own connection, so that the
// server thread never pays for copying pages back into the database file (and its fsync)
// inside a booking commit. The service connection sets wal_autocheckpoint = 0; this thread
// runs PASSIVE checkpoints (they never block the writer) every `intervalMs`.
// Durability is unchanged: a commit is in the WAL (written to the OS, with synchronous=FULL
// also synced) before the service answers; the checkpoint only moves it on.
class WalCheckpointer {
public:
    WalCheckpointer(QString databasePath, int intervalMs);
    ~WalCheckpointer(); // stops the thread, runs one last checkpoint
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    void start();

private:
    void run();

    QString m_path;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace slotdesk

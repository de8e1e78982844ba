#include "service/WalCheckpointer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>

namespace slotdesk {

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs)
    : m_path(std::move(databasePath))
    , m_intervalMs(intervalMs) {}

WalCheckpointer::~WalCheckpointer() {
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::start() {
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void WalCheckpointer::run() {
    const QString name = QStringLiteral("slotdesk-checkpoint-%1").arg(quintptr(this), 0, 16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery query(db);
            std::unique_lock<std::mutex> lock(m_mutex);
            for (;;) {
                const bool stopping = m_stop;
                lock.unlock();
                if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qWarning("WAL checkpoint failed: %s", qPrintable(query.lastError().text()));
                query.finish();
                lock.lock();
                if (stopping)
                    break;
                m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                                [this] { return m_stop; });
            }
        } else {
            qWarning("WAL checkpointer cannot open the database: %s",
                     qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace slotdesk

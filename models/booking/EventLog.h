#pragma once

#include "models/booking/Event.h"
#include "models/store/SqliteStatement.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <algorithm>
#include <memory>

namespace slotdesk {

// The `events` table. append() must be called inside the caller's write transaction; after
// the commit the caller publishes the returned events (EventHub in service/). Destroy it
// before its connection is closed: its SQLite statements belong to the connection, SQLite
// refuses to close a connection with open statements, and Qt 6.4 then loses the connection.
class EventLog {
public:
    // Reads the current maximum seq; call once after opening the database.
    explicit EventLog(QSqlDatabase db);
    ~EventLog();

    // Assigns the next seq and inserts the row (not committed: the caller's transaction is).
    // Returns the event with seq set, or seq 0 when the insert failed. `payload` is a compact
    // JSON object text (the booking writer renders its own).
    Event append(const QString &type, const QByteArray &payload, qint64 at);
    Event append(const QString &type, const QJsonObject &payload, qint64 at);
    // Must be called when the caller's transaction rolled back after append().
    void rollbackTo(qint64 lastCommittedSeq);
    qint64 lastSeq() const { return m_lastSeq; }
    // Several connections append events (the service's and the booking writer's), one write
    // transaction at a time: call resync() inside a write transaction before append() to
    // continue from the last committed seq, and noteCommitted() when another connection's
    // events were committed.
    bool resync();
    void noteCommitted(qint64 seq) { m_lastSeq = std::max(m_lastSeq, seq); }

    // Events with seq > afterSeq in order, at most `limit`.
    QList<Event> readAfter(qint64 afterSeq, int limit) const;

private:
    QSqlDatabase m_db;
    qint64 m_lastSeq = 0;
    // Prepared once: append() runs once per booking.
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<SqliteStatement> m_maxSeq;
};

} // namespace slotdesk

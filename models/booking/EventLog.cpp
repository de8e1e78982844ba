#include "models/booking/EventLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

EventLog::EventLog(QSqlDatabase db)
    : m_db(std::move(db))
    , m_insert(std::make_unique<SqliteStatement>())
    , m_maxSeq(std::make_unique<SqliteStatement>()) {
    resync();
}

Event EventLog::append(const QString &type, const QJsonObject &payload, qint64 at) {
    return append(type, QJsonDocument(payload).toJson(QJsonDocument::Compact), at);
}

Event EventLog::append(const QString &type, const QByteArray &payload, qint64 at) {
    Event event;
    event.seq = m_lastSeq + 1;
    event.at = at;
    event.type = type;
    event.payload = payload;

    if (!m_insert->prepare(SqliteStatement::handleOf(m_db),
                           "INSERT INTO events (seq, at, type, payload) VALUES (?, ?, ?, ?)"))
        return Event{};
    m_insert->bind(1, event.seq);
    m_insert->bind(2, at);
    m_insert->bind(3, type);
    m_insert->bindText(4, payload);
    const bool inserted = m_insert->step();
    m_insert->reset();
    if (!inserted)
        return Event{};
    // Only advanced after the row is in: a failed insert leaves no hole in the sequence.
    m_lastSeq = event.seq;
    return event;
}

EventLog::~EventLog() = default;

bool EventLog::resync() {
    if (!m_maxSeq->prepare(SqliteStatement::handleOf(m_db),
                           "SELECT COALESCE(MAX(seq), 0) FROM events") ||
        !m_maxSeq->step() || !m_maxSeq->row()) {
        m_maxSeq->reset();
        return false;
    }
    m_lastSeq = m_maxSeq->int64(0);
    m_maxSeq->reset();
    return true;
}

void EventLog::rollbackTo(qint64 lastCommittedSeq) {
    m_lastSeq = lastCommittedSeq;
}

QList<Event> EventLog::readAfter(qint64 afterSeq, int limit) const {
    QList<Event> events;
    if (limit <= 0)
        return events;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT seq, at, type, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!query.exec())
        return events;
    events.reserve(limit);
    while (query.next()) {
        Event event;
        event.seq = query.value(0).toLongLong();
        event.at = query.value(1).toLongLong();
        event.type = query.value(2).toString();
        event.payload = query.value(3).toString().toUtf8();
        events.append(std::move(event));
    }
    return events;
}

} // namespace slotdesk

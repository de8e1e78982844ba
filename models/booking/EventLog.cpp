#include "models/booking/EventLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

EventLog::EventLog(QSqlDatabase db)
    : m_db(std::move(db)) {
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) && query.next())
        m_lastSeq = query.value(0).toLongLong();
}

Event EventLog::append(const QString &type, const QJsonObject &payload, qint64 at) {
    Event event;
    event.seq = m_lastSeq + 1;
    event.at = at;
    event.type = type;
    event.payload = payload;

    if (!m_insert) {
        m_insert = std::make_unique<QSqlQuery>(m_db);
        m_insert->prepare(
            QStringLiteral("INSERT INTO events (seq, at, type, payload) VALUES (?, ?, ?, ?)"));
    }
    m_insert->bindValue(0, event.seq);
    m_insert->bindValue(1, at);
    m_insert->bindValue(2, type);
    m_insert->bindValue(3,
                        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    if (!m_insert->exec())
        return Event{};
    // Only advanced after the row is in: a failed insert leaves no hole in the sequence.
    m_lastSeq = event.seq;
    return event;
}

EventLog::~EventLog() = default;

bool EventLog::resync() {
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) || !query.next())
        return false;
    m_lastSeq = query.value(0).toLongLong();
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
        event.payload = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        events.append(std::move(event));
    }
    return events;
}

} // namespace slotdesk

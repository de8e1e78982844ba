#include "service/staff/StaffWriter.h"

namespace slotdesk {

StaffWriter::StaffWriter(QSqlDatabase db, EventLog &events, EventHub &hub, AuditLog &audit)
    : m_db(std::move(db))
    , m_events(events)
    , m_hub(hub)
    , m_audit(audit) {}

bool StaffWriter::Transaction::event(const QString &type, const QJsonObject &payload, qint64 at) {
    const Event appended = m_events.append(type, payload, at);
    if (appended.seq == 0)
        return false;
    m_appended.append(appended);
    return true;
}

bool StaffWriter::run(const std::function<bool(Transaction &)> &fn) {
    m_hub.settle();
    const qint64 committedSeq = m_events.lastSeq();
    if (!m_db.transaction())
        return false;
    Transaction tx(m_db, m_events, m_audit);
    if (!fn(tx) || !m_db.commit()) {
        m_db.rollback();
        m_events.rollbackTo(committedSeq);
        return false;
    }
    m_hub.publish(tx.m_appended);
    return true;
}

bool StaffWriter::auditOnly(const AuditLog::Entry &entry) {
    return run([&entry](Transaction &tx) { return tx.audit(entry); });
}

} // namespace slotdesk

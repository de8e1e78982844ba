#pragma once

#include "models/booking/EventLog.h"
#include "models/store/AuditLog.h"
#include "service/EventHub.h"

#include <QSqlDatabase>

#include <functional>

namespace slotdesk {

// Runs one staff change as a single transaction on the service's connection: the change, its
// audit row and its stream events commit together or not at all. Events go to the EventHub only
// after the commit; after a rollback the EventLog's counter is wound back so seq stays gap-free.
class StaffWriter {
public:
    StaffWriter(QSqlDatabase db, EventLog &events, EventHub &hub, AuditLog &audit);

    class Transaction {
    public:
        bool event(const QString &type, const QJsonObject &payload, qint64 at);
        bool audit(const AuditLog::Entry &entry) { return m_audit.append(entry); }
        QSqlDatabase db() const { return m_db; }

    private:
        friend class StaffWriter;
        Transaction(QSqlDatabase db, EventLog &events, AuditLog &audit)
            : m_db(std::move(db))
            , m_events(events)
            , m_audit(audit) {}
        QSqlDatabase m_db;
        EventLog &m_events;
        AuditLog &m_audit;
        QList<Event> m_appended;
    };

    // fn returns false to roll back. Returns true only when fn succeeded and the commit did.
    bool run(const std::function<bool(Transaction &)> &fn);
    // An audit row on its own (failed logins: nothing else changes).
    bool auditOnly(const AuditLog::Entry &entry);

private:
    QSqlDatabase m_db;
    EventLog &m_events;
    EventHub &m_hub;
    AuditLog &m_audit;
};

} // namespace slotdesk

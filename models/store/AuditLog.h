#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace slotdesk {

// The append-only audit_log table: who did what to which entity, and when. append() runs inside
// the caller's transaction so that a change and its audit row commit together; the table's
// triggers refuse UPDATE and DELETE.
class AuditLog {
public:
    explicit AuditLog(QSqlDatabase db);

    struct Entry {
        qint64 at = 0;      // Unix seconds UTC
        QString actor;      // staff login, or "system" / "bootstrap"
        QString action;     // "auth.login", "staff.create", "centre.publish", "checkin", ...
        QString entity;     // "staff_user", "centre", "slot", "booking", "session"
        QString entityId;   // login, uuid, booking code, ...
        QJsonObject detail; // never a password or token
    };

    bool append(const Entry &entry);
    // Newest first, for the admin/supervisor audit view.
    QList<Entry> latest(int limit, qint64 beforeId, QList<qint64> *ids) const;

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

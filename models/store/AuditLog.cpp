#include "models/store/AuditLog.h"

#include "models/store/SqlSupport.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace slotdesk {

AuditLog::AuditLog(QSqlDatabase db)
    : m_db(std::move(db)) {}

bool AuditLog::append(const Entry &entry) {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_id, "
                                 "detail) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.at);
    query.addBindValue(sql::notNullText(entry.actor));
    query.addBindValue(sql::notNullText(entry.action));
    query.addBindValue(sql::notNullText(entry.entity));
    query.addBindValue(sql::notNullText(entry.entityId));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)));
    if (query.exec())
        return true;
    qWarning("audit append: %s", qPrintable(query.lastError().text()));
    return false;
}

QList<AuditLog::Entry> AuditLog::latest(int limit, qint64 beforeId, QList<qint64> *ids) const {
    QList<Entry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_id, detail FROM "
                                 "audit_log WHERE id < ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    query.addBindValue(limit);
    if (!query.exec())
        return entries;
    while (query.next()) {
        if (ids)
            ids->append(query.value(0).toLongLong());
        entries.append(Entry{query.value(1).toLongLong(), query.value(2).toString(),
                             query.value(3).toString(), query.value(4).toString(),
                             query.value(5).toString(),
                             QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object()});
    }
    return entries;
}

} // namespace slotdesk

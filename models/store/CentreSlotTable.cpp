#include "models/store/CentreSlotTable.h"

#include "models/store/SqlSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

CentreSlotTable::CentreSlotTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

Stored<QList<CentreSlotTable::Slot>> CentreSlotTable::upcoming(qint64 centreId, qint64 from) const {
    Stored<QList<Slot>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::exec(q,
                   QStringLiteral("SELECT id, starts_at, minutes, capacity, booked FROM slots "
                                  "WHERE centre_id = ? AND starts_at >= ? AND withdrawn_at IS "
                                  "NULL ORDER BY starts_at, id"),
                   {centreId, from})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.append(Slot{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                 q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt()});
    return result;
}

StoreError CentreSlotTable::withdraw(const QList<qint64> &slotIds, qint64 now) {
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("UPDATE slots SET withdrawn_places = withdrawn_places + "
                                  "capacity - booked, capacity = booked, withdrawn_at = ? WHERE "
                                  "id = ? AND withdrawn_at IS NULL")))
        return sql::toStoreError(q.lastError());
    for (const qint64 id : slotIds) {
        q.bindValue(0, now);
        q.bindValue(1, id);
        if (!q.exec())
            return sql::toStoreError(q.lastError());
    }
    return {};
}

} // namespace slotdesk

#include "models/store/ProductTable.h"

#include "models/store/SqlSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

ProductTable::ProductTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

StoreError ProductTable::setInterval(const QString &service, Interval interval,
                                     Interval *previous) {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT interval_min_days, interval_max_days FROM services "
                                  "WHERE code = ?"),
                   {service}))
        return sql::toStoreError(q.lastError());
    if (!q.next())
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no such product"), {}};
    *previous = Interval{q.value(0).toInt(), q.value(1).toInt()};
    q.finish();
    if (!sql::exec(q,
                   QStringLiteral("UPDATE services SET interval_min_days = ?, interval_max_days = "
                                  "? WHERE code = ?"),
                   {interval.minDays, interval.maxDays, service}))
        return sql::toStoreError(q.lastError());
    return {};
}

} // namespace slotdesk

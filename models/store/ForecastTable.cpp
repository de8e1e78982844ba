#include "models/store/ForecastTable.h"

#include "models/store/SqlSupport.h"

#include <QStringBuilder>

namespace slotdesk {

namespace {

ForecastTable::Row rowFrom(const QSqlQuery &q) {
    ForecastTable::Row row;
    row.service = q.value(0).toString();
    row.week = q.value(1).toString();
    row.doses = q.value(2).toInt();
    row.updatedBy = q.value(3).toString();
    row.updatedAt = q.value(4).toLongLong();
    return row;
}

const QString rowColumns = QStringLiteral(
    "SELECT f.service_code, f.week, f.doses, COALESCE(u.login, ''), f.updated_at FROM forecasts f "
    "LEFT JOIN staff_users u ON u.id = f.updated_by ");

} // namespace

ForecastTable::ForecastTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

StoreError ForecastTable::put(const QString &service, const QString &week, int doses,
                              qint64 updatedBy, qint64 now, std::optional<int> *previous) {
    const Stored<std::optional<Row>> before = find(service, week);
    if (before.error)
        return before.error;
    *previous = before.value ? std::optional<int>(before.value->doses) : std::nullopt;
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("INSERT INTO forecasts (service_code, week, doses, updated_by, "
                                  "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (service_code, "
                                  "week) DO UPDATE SET doses = excluded.doses, updated_by = "
                                  "excluded.updated_by, updated_at = excluded.updated_at"),
                   {service, week, doses, updatedBy > 0 ? QVariant(updatedBy) : QVariant(), now}))
        return sql::toStoreError(q.lastError());
    return {};
}

Stored<std::optional<ForecastTable::Row>> ForecastTable::find(const QString &service,
                                                              const QString &week) const {
    Stored<std::optional<Row>> out;
    QSqlQuery q(m_db);
    if (!sql::exec(q, rowColumns % QStringLiteral("WHERE f.service_code = ? AND f.week = ?"),
                   {service, week})) {
        out.error = sql::toStoreError(q.lastError());
        return out;
    }
    if (q.next())
        out.value = rowFrom(q);
    return out;
}

Stored<QList<ForecastTable::Row>>
ForecastTable::list(const QString &service, const QString &fromWeek, const QString &toWeek) const {
    Stored<QList<Row>> out;
    QSqlQuery q(m_db);
    // An empty bound compares below every week; the upper one is replaced by a text above all.
    if (!sql::exec(q,
                   rowColumns % QStringLiteral("WHERE (? = '' OR f.service_code = ?) AND f.week "
                                               ">= ? AND f.week <= ? ORDER BY f.service_code, "
                                               "f.week"),
                   {sql::notNullText(service), sql::notNullText(service),
                    sql::notNullText(fromWeek),
                    toWeek.isEmpty() ? QStringLiteral("9999-W99") : toWeek})) {
        out.error = sql::toStoreError(q.lastError());
        return out;
    }
    while (q.next())
        out.value.append(rowFrom(q));
    return out;
}

Stored<int> ForecastTable::offeredPlaces(const QString &service, qint64 from, qint64 to) const {
    Stored<int> out;
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT COALESCE(SUM(capacity), 0) FROM slots WHERE "
                                  "service_code = ? AND starts_at >= ? AND starts_at < ?"),
                   {service, from, to})) {
        out.error = sql::toStoreError(q.lastError());
        return out;
    }
    if (q.next())
        out.value = q.value(0).toInt();
    return out;
}

Stored<int> ForecastTable::reservedSecondDoses(const QString &service, qint64 from,
                                               qint64 to) const {
    Stored<int> out;
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT COUNT(*) FROM slots s JOIN bookings b ON b.slot_id = "
                                  "s.id WHERE s.service_code = ? AND s.starts_at >= ? AND "
                                  "s.starts_at < ? AND b.dose = 2 AND b.state IN ('confirmed', "
                                  "'checked_in')"),
                   {service, from, to})) {
        out.error = sql::toStoreError(q.lastError());
        return out;
    }
    if (q.next())
        out.value = q.value(0).toInt();
    return out;
}

} // namespace slotdesk

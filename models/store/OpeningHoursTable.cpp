#include "models/store/OpeningHoursTable.h"

#include "models/store/SqlSupport.h"

#include <QStringBuilder>

namespace slotdesk {

namespace {

QString isoDate(const QDate &date) {
    return date.toString(Qt::ISODate);
}

} // namespace

OpeningHoursTable::OpeningHoursTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

StoreError OpeningHoursTable::write(const OpeningHours &hours) {
    QSqlQuery q(m_db);
    const qint64 id = hours.centreId;
    for (const QString &table : {QStringLiteral("opening_rules"), QStringLiteral("closures"),
                                 QStringLiteral("special_days")}) {
        if (!sql::exec(q, QStringLiteral("DELETE FROM ") % table % u" WHERE centre_id = ?", {id}))
            return sql::toStoreError(q.lastError());
    }
    for (const WeeklyInterval &w : hours.weekly) {
        if (!sql::exec(q,
                       QStringLiteral("INSERT INTO opening_rules (centre_id, weekday, "
                                      "start_minute, end_minute, kind) VALUES (?, ?, ?, ?, ?)"),
                       {id, w.weekday, w.range.startMinute, w.range.endMinute,
                        w.isBreak ? QStringLiteral("break") : QStringLiteral("open")}))
            return sql::toStoreError(q.lastError());
    }
    for (const Closure &c : hours.closures) {
        if (!sql::exec(q,
                       QStringLiteral("INSERT INTO closures (centre_id, first_day, last_day, "
                                      "reason) VALUES (?, ?, ?, ?)"),
                       {id, isoDate(c.first), isoDate(c.last), sql::trimmedText(c.reason)}))
            return sql::toStoreError(q.lastError());
    }
    for (const SpecialDay &d : hours.specialDays) {
        for (const TimeRange &r : d.open) {
            if (!sql::exec(
                    q,
                    QStringLiteral("INSERT INTO special_days (centre_id, day, label, "
                                   "start_minute, end_minute) VALUES (?, ?, ?, ?, ?)"),
                    {id, isoDate(d.date), sql::trimmedText(d.label), r.startMinute, r.endMinute}))
                return sql::toStoreError(q.lastError());
        }
    }
    return {};
}

} // namespace slotdesk

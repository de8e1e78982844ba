#include "models/store/SlotPlanTable.h"

#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"
#include "models/store/SqliteStatement.h"

#include <sqlite3.h>

namespace slotdesk {

namespace {

constexpr qint64 kProgressEvery = 8192;

// The first instant of a Berlin calendar day.
qint64 dayStart(QDate date) {
    return localToUtc(date, 0, berlinTimeZone(), Ambiguity::Earliest).toSecsSinceEpoch();
}

} // namespace

SlotPlanTable::SlotPlanTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

StoreError SlotPlanTable::replace(const SlotPlan &plan, Result *result, const Progress &progress) {
    *result = Result{};
    if (plan.dayCount() == 0)
        return {};
    if (StoreError error = removePlanned(plan, &result->removed))
        return error;
    return insertSlots(plan, result, progress);
}

StoreError SlotPlanTable::removePlanned(const SlotPlan &plan, qint64 *removed) {
    SqliteStatement remove;
    if (!remove.prepare(SqliteStatement::handleOf(m_db),
                        "DELETE FROM slots WHERE centre_id = ?1 AND service_code = ?2 "
                        "AND starts_at >= ?3 AND starts_at < ?4 AND release_id IS NULL "
                        "AND booked = 0"))
        return {StoreError::Kind::Io,
                tr("The slot plan cannot be saved: %1").arg(remove.errorText()),
                {}};
    const qint64 from = dayStart(plan.first);
    const qint64 to = dayStart(plan.last.addDays(1));
    for (qint64 centreId : plan.centreIds) {
        for (const QString &service : plan.services) {
            remove.reset();
            remove.bind(1, centreId);
            remove.bind(2, service);
            remove.bind(3, from);
            remove.bind(4, to);
            if (!remove.step())
                return {StoreError::Kind::Io,
                        tr("The slot plan cannot be saved: %1").arg(remove.errorText()),
                        {}};
            *removed += remove.changes();
        }
    }
    return {};
}

StoreError SlotPlanTable::insertSlots(const SlotPlan &plan, Result *result,
                                      const Progress &progress) {
    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    SqliteStatement insert;
    if (!insert.prepare(handle, "INSERT INTO slots (centre_id, service_code, starts_at, minutes, "
                                "capacity) VALUES (?1, ?2, ?3, ?4, ?5)"))
        return {StoreError::Kind::Io,
                tr("The slot plan cannot be saved: %1").arg(insert.errorText()),
                {}};
    QList<QByteArray> codes;
    for (const QString &service : plan.services)
        codes.append(service.toUtf8());

    const qint64 total = qint64(plan.slots.size());
    qint64 done = 0;
    for (const PlannedSlot &slot : plan.slots) {
        insert.reset();
        insert.bind(1, slot.centreId);
        insert.bindText(2, codes.at(slot.service));
        insert.bind(3, slot.startsAt);
        insert.bind(4, slot.minutes);
        insert.bind(5, slot.capacity);
        if (!insert.step()) {
            if ((sqlite3_errcode(handle) & 0xff) == SQLITE_CONSTRAINT)
                return {StoreError::Kind::Conflict,
                        tr("A slot of this plan (%1, %2) is already published. Nothing was "
                           "saved; plan from a later day or withdraw the published slots first.")
                            .arg(QDateTime::fromSecsSinceEpoch(slot.startsAt, berlinTimeZone())
                                     .toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                                 plan.services.value(slot.service)),
                        {}};
            return {StoreError::Kind::Io,
                    tr("The slot plan cannot be saved: %1").arg(insert.errorText()),
                    {}};
        }
        ++done;
        if (progress && done % kProgressEvery == 0 && !progress(done, total)) {
            result->cancelled = true;
            return {};
        }
    }
    result->inserted = done;
    if (progress && !progress(done, total))
        result->cancelled = true;
    return {};
}

qint64 SlotPlanTable::countPlanned(qint64 centreId, qint64 from, qint64 to) const {
    SqliteStatement count;
    if (!count.prepare(SqliteStatement::handleOf(m_db),
                       "SELECT count(*) FROM slots WHERE centre_id = ?1 AND starts_at >= ?2 "
                       "AND starts_at < ?3 AND release_id IS NULL"))
        return -1;
    count.bind(1, centreId);
    count.bind(2, from);
    count.bind(3, to);
    if (!count.step() || !count.row())
        return -1;
    return count.int64(0);
}

} // namespace slotdesk

#include "models/store/SlotPlanTable.h"

#include "models/core/Clock.h"
#include "models/rules/OpeningHoursRules.h"
#include "models/store/SqliteStatement.h"

#include <sqlite3.h>

#include <memory>

namespace slotdesk {

namespace {

constexpr qint64 kProgressEvery = 8192;
// Rows per INSERT statement: SQLite's work per statement run (cursors opened and closed, the
// statement halted and reset) is then shared by many rows. A divisor of kProgressEvery.
constexpr qint64 kRowsPerInsert = 64;
static_assert(kProgressEvery % kRowsPerInsert == 0);

struct FinalizeStatement {
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// INSERT INTO slots ... VALUES (?, ?, ?, ?, ?), ... with `rows` rows; null on error.
Statement prepareInsert(sqlite3 *handle, qint64 rows) {
    QByteArray sql = "INSERT INTO slots (centre_id, service_code, starts_at, minutes, capacity) "
                     "VALUES (?, ?, ?, ?, ?)";
    for (qint64 r = 1; r < rows; ++r)
        sql += ", (?, ?, ?, ?, ?)";
    sqlite3_stmt *statement = nullptr;
    if (!handle || sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement,
                                      nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    return Statement(statement);
}

// Binds `slot` as row `row` of an insert from prepareInsert. The service codes outlive the
// statement's runs, so SQLite reads them in place.
void bindSlot(sqlite3_stmt *insert, int row, const PlannedSlot &slot,
              const QList<QByteArray> &codes) {
    const int first = row * 5 + 1;
    const QByteArray &code = codes.at(slot.service);
    sqlite3_bind_int64(insert, first, slot.centreId);
    sqlite3_bind_text(insert, first + 1, code.constData(), int(code.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert, first + 2, slot.startsAt);
    sqlite3_bind_int(insert, first + 3, slot.minutes);
    sqlite3_bind_int(insert, first + 4, slot.capacity);
}

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
    const auto ioError = [handle] {
        return StoreError{
            StoreError::Kind::Io,
            tr("The slot plan cannot be saved: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))),
            {}};
    };
    const Statement many = prepareInsert(handle, kRowsPerInsert);
    const Statement one = prepareInsert(handle, 1);
    if (!many || !one)
        return ioError();
    QList<QByteArray> codes;
    for (const QString &service : plan.services)
        codes.append(service.toUtf8());

    const qint64 total = qint64(plan.slots.size());
    qint64 done = 0;
    while (done < total) {
        const bool full = total - done >= kRowsPerInsert;
        sqlite3_stmt *insert = full ? many.get() : one.get();
        const qint64 rows = full ? kRowsPerInsert : 1;
        for (qint64 r = 0; r < rows; ++r)
            bindSlot(insert, int(r), plan.slots[size_t(done + r)], codes);
        const int rc = sqlite3_step(insert);
        sqlite3_reset(insert);
        if (rc != SQLITE_DONE) {
            if ((rc & 0xff) != SQLITE_CONSTRAINT)
                return ioError();
            // The failed statement changed nothing: its rows one by one name the slot.
            for (qint64 r = 0; r < rows; ++r) {
                const PlannedSlot &slot = plan.slots[size_t(done + r)];
                bindSlot(one.get(), 0, slot, codes);
                const int single = sqlite3_step(one.get());
                sqlite3_reset(one.get());
                if ((single & 0xff) == SQLITE_CONSTRAINT)
                    return {StoreError::Kind::Conflict,
                            tr("A slot of this plan (%1, %2) is already published. Nothing was "
                               "saved; plan from a later day or withdraw the published slots "
                               "first.")
                                .arg(QDateTime::fromSecsSinceEpoch(slot.startsAt, berlinTimeZone())
                                         .toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                                     plan.services.value(slot.service)),
                            {}};
                if (single != SQLITE_DONE)
                    return ioError();
            }
            return ioError();
        }
        done += rows;
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

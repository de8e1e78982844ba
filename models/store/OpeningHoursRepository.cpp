#include "models/store/OpeningHoursRepository.h"

#include "models/store/OpeningHoursTable.h"

#include "models/rules/Validation.h"
#include "models/store/SqlSupport.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct Store {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

StoreError makeError(StoreError::Kind kind, const QString &message, FieldErrors fields = {}) {
    StoreError error;
    error.kind = kind;
    error.message = message;
    error.fields = std::move(fields);
    return error;
}

QDate fromIso(const QVariant &value) {
    return QDate::fromString(value.toString(), Qt::ISODate);
}

StoreError centreMissing(qint64 centreId) {
    return makeError(StoreError::Kind::NotFound,
                     Store::tr("The centre with the number %1 no longer exists.").arg(centreId));
}

} // namespace

// Rows are read in the order they were written (by id), so what was saved loads back equal.
Stored<OpeningHours> loadHours(const QSqlDatabase &db, qint64 centreId) {
    Stored<OpeningHours> result;
    result.value.centreId = centreId;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!sql::exec(q, QStringLiteral("SELECT 1 FROM centres WHERE id = ?"), {centreId})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    if (!q.next()) {
        result.error = centreMissing(centreId);
        return result;
    }
    if (!sql::exec(q,
                   QStringLiteral("SELECT weekday, start_minute, end_minute, kind FROM "
                                  "opening_rules WHERE centre_id = ? ORDER BY id"),
                   {centreId})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.weekly.append({q.value(0).toInt(),
                                    {q.value(1).toInt(), q.value(2).toInt()},
                                    q.value(3).toString() == u"break"});
    if (!sql::exec(q,
                   QStringLiteral("SELECT first_day, last_day, reason FROM closures WHERE "
                                  "centre_id = ? ORDER BY id"),
                   {centreId})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.closures.append(
            {fromIso(q.value(0)), fromIso(q.value(1)), q.value(2).toString()});
    if (!sql::exec(q,
                   QStringLiteral("SELECT day, label, start_minute, end_minute FROM special_days "
                                  "WHERE centre_id = ? ORDER BY id"),
                   {centreId})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    QList<SpecialDay> &days = result.value.specialDays;
    while (q.next()) {
        const QDate date = fromIso(q.value(0));
        const TimeRange range{q.value(2).toInt(), q.value(3).toInt()};
        auto it = std::find_if(days.begin(), days.end(),
                               [&](const SpecialDay &d) { return d.date == date; });
        if (it == days.end())
            days.append({date, q.value(1).toString(), {range}});
        else
            it->open.append(range);
    }
    return result;
}

namespace {

bool hasAny(const OpeningHours &hours) {
    return !hours.weekly.isEmpty() || !hours.closures.isEmpty() || !hours.specialDays.isEmpty();
}

} // namespace

OpeningHoursRepository::OpeningHoursRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock) {}

Stored<OpeningHours> OpeningHoursRepository::load(qint64 centreId) const {
    return loadHours(m_db.handle(), centreId);
}

StoreError OpeningHoursRepository::save(const OpeningHours &hours) {
    return saveAll({hours});
}

StoreError OpeningHoursRepository::saveAll(const QList<OpeningHours> &hours,
                                           const BatchOptions &options, BatchResult *result) {
    BatchResult local;
    BatchResult &out = result ? *result : local;
    out = {};
    QSqlDatabase db = m_db.handle();
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();

    const QDate today = m_clock.now().toTimeZone(berlinTimeZone()).date();
    QList<bool> existed;
    FieldErrors allFields;
    for (qsizetype i = 0; i < hours.size(); ++i) {
        const Stored<OpeningHours> stored = loadHours(db, hours.at(i).centreId);
        if (stored.error)
            return stored.error;
        existed.append(hasAny(stored.value));
        const FieldErrors fields = validateOpeningHours(hours.at(i), today, stored.value);
        for (const FieldError &f : fields) {
            allFields.append(f);
            out.failedItems.append(int(i));
        }
    }
    if (!allFields.isEmpty())
        return makeError(StoreError::Kind::Validation,
                         Store::tr("The opening hours were not saved. Please correct the marked "
                                   "entries."),
                         std::move(allFields));

    for (qsizetype i = 0; i < hours.size(); ++i) {
        if (StoreError e = OpeningHoursTable(db).write(hours.at(i))) {
            // Rolled back: the counts of rows written so far no longer hold.
            out.inserted = out.updated = 0;
            return e;
        }
        ++(existed.at(i) ? out.updated : out.inserted);
        if (options.progress && !options.progress(int(i) + 1, int(hours.size()))) {
            out = {};
            out.cancelled = true;
            return {};
        }
    }
    if (options.dryRun)
        return {};
    if (StoreError e = transaction.commit()) {
        out.inserted = out.updated = 0;
        return e;
    }
    return {};
}

} // namespace slotdesk

#include "models/store/CentreRepository.h"

#include "models/rules/Validation.h"
#include "models/store/CentreTable.h"
#include "models/store/SqlSupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

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

StoreError validationError(FieldErrors fields) {
    return makeError(StoreError::Kind::Validation,
                     Store::tr("The centre was not saved. Please correct the marked fields."),
                     std::move(fields));
}

const QString kSelectCentres = QStringLiteral(
    "SELECT id, uuid, name, street, postcode, city, kind, slot_minutes, phone, active, revision "
    "FROM centres");

Centre centreFromRow(const QSqlQuery &q) {
    Centre c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.name = q.value(2).toString();
    c.street = q.value(3).toString();
    c.postcode = q.value(4).toString();
    c.city = q.value(5).toString();
    centreKindFromString(q.value(6).toString(), &c.kind);
    c.slotMinutes = q.value(7).toInt();
    c.phone = q.value(8).toString();
    c.active = q.value(9).toInt() != 0;
    c.revision = q.value(10).toInt();
    c.lanes = 0;
    return c;
}

// Fills services and lanes of the loaded centres with two queries instead of two per centre.
bool loadDetails(const QSqlDatabase &db, QList<Centre> &centres, StoreError *error) {
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < centres.size(); ++i)
        index.insert(centres.at(i).id, i);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT centre_id, service_code FROM centre_services ORDER BY service_code"))) {
        *error = sql::toStoreError(q.lastError());
        return false;
    }
    // value() instead of an iterator: GCC 12 at -O2 reports a false "potential null pointer
    // dereference" inside QHash's iterator, which breaks the release build (-Werror).
    while (q.next()) {
        const qsizetype i = index.value(q.value(0).toLongLong(), -1);
        if (i >= 0)
            centres[i].serviceCodes.append(q.value(1).toString());
    }
    // Active lanes are 1..lanes; every lane of a centre has the same capacity.
    if (!q.exec(QStringLiteral("SELECT centre_id, count(*), min(capacity) FROM lanes "
                               "WHERE active = 1 GROUP BY centre_id"))) {
        *error = sql::toStoreError(q.lastError());
        return false;
    }
    while (q.next()) {
        const qsizetype i = index.value(q.value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        centres[i].lanes = q.value(1).toInt();
        centres[i].capacityPerLane = q.value(2).toInt();
    }
    return true;
}

QList<Centre> loadCentres(const QSqlDatabase &db, StoreError *error, const QString &where = {},
                          const QVariant &bound = {}) {
    QList<Centre> centres;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sqlText = where.isEmpty()
                                ? QString(kSelectCentres % QStringLiteral(" ORDER BY name_key, id"))
                                : QString(kSelectCentres % QStringLiteral(" WHERE ") % where);
    if (!(where.isEmpty() ? sql::exec(q, sqlText) : sql::exec(q, sqlText, {bound}))) {
        *error = sql::toStoreError(q.lastError());
        return {};
    }
    while (q.next())
        centres.append(centreFromRow(q));
    q.finish();
    if (!loadDetails(db, centres, error))
        return {};
    return centres;
}

Centre normalised(const Centre &centre) {
    Centre c = centre;
    c.name = sql::trimmedText(c.name);
    c.street = sql::trimmedText(c.street);
    c.postcode = sql::trimmedText(c.postcode);
    c.city = sql::trimmedText(c.city);
    c.phone = sql::trimmedText(c.phone);
    std::sort(c.serviceCodes.begin(), c.serviceCodes.end());
    return c;
}

QStringList namesExcept(const QList<Centre> &stored, qint64 id) {
    QStringList names;
    for (const Centre &c : stored) {
        if (c.id != id)
            names.append(c.name);
    }
    return names;
}

} // namespace

Stored<std::optional<Centre>> readCentreByUuid(const QSqlDatabase &db, const QString &uuid) {
    Stored<std::optional<Centre>> result;
    const QList<Centre> found = loadCentres(db, &result.error, QStringLiteral("uuid = ?"), uuid);
    if (!found.isEmpty())
        result.value = found.first();
    return result;
}

CentreRepository::CentreRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock) {}

QList<Centre> CentreRepository::list(StoreError *error) const {
    StoreError local;
    QList<Centre> centres = loadCentres(m_db.handle(), &local);
    if (error)
        *error = local;
    return centres;
}

std::optional<Centre> CentreRepository::find(qint64 id) const {
    StoreError error;
    const QList<Centre> found = loadCentres(m_db.handle(), &error, QStringLiteral("id = ?"), id);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<Centre> CentreRepository::findByName(const QString &name) const {
    StoreError error;
    const QList<Centre> found =
        loadCentres(m_db.handle(), &error, QStringLiteral("name_key = ?"), centreNameKey(name));
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

StoreError CentreRepository::save(Centre &centre) {
    QSqlDatabase db = m_db.handle();
    // The write lock is taken before validating, so the duplicate check sees every committed
    // centre, including ones the service wrote a moment ago.
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    const QList<Centre> stored = loadCentres(db, &error);
    if (error)
        return error;

    Centre c = normalised(centre);
    if (c.id != 0) {
        const auto it = std::find_if(stored.cbegin(), stored.cend(),
                                     [&](const Centre &s) { return s.id == c.id; });
        if (it == stored.cend())
            return makeError(StoreError::Kind::NotFound,
                             Store::tr("The centre \"%1\" no longer exists.").arg(c.name));
        if (it->revision != c.revision)
            return makeError(
                StoreError::Kind::Conflict,
                Store::tr("The centre \"%1\" was changed elsewhere after you opened it. "
                          "Reload it and enter your changes again.")
                    .arg(it->name));
    }
    if (FieldErrors fields = validateCentre(c, namesExcept(stored, c.id)); !fields.isEmpty())
        return validationError(std::move(fields));
    if (StoreError e = CentreTable(db).write(c, m_clock.now().toSecsSinceEpoch()))
        return e;
    if (StoreError e = transaction.commit())
        return e;
    centre = c;
    return {};
}

StoreError CentreRepository::setActive(qint64 id, bool active) {
    QSqlDatabase db = m_db.handle();
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery q(db);
    if (!sql::exec(q,
                   QStringLiteral("UPDATE centres SET active = ?, revision = revision + 1, "
                                  "updated_at = ? WHERE id = ?"),
                   {active ? 1 : 0, m_clock.now().toSecsSinceEpoch(), id}))
        return sql::toStoreError(q.lastError());
    if (q.numRowsAffected() == 0)
        return makeError(StoreError::Kind::NotFound, Store::tr("The centre no longer exists."));
    return transaction.commit();
}

StoreError CentreRepository::remove(qint64 id) {
    QSqlDatabase db = m_db.handle();
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery q(db);
    if (!sql::exec(q, QStringLiteral("SELECT name FROM centres WHERE id = ?"), {id}))
        return sql::toStoreError(q.lastError());
    if (!q.next())
        return makeError(StoreError::Kind::NotFound, Store::tr("The centre no longer exists."));
    const QString name = q.value(0).toString();
    if (!sql::exec(q,
                   QStringLiteral("SELECT EXISTS (SELECT 1 FROM slots WHERE centre_id = ?) OR "
                                  "EXISTS (SELECT 1 FROM check_ins WHERE centre_id = ?)"),
                   {id, id}))
        return sql::toStoreError(q.lastError());
    if (q.next() && q.value(0).toInt() != 0)
        return makeError(
            StoreError::Kind::Conflict,
            Store::tr("The centre \"%1\" already has appointments or check-ins and cannot "
                      "be deleted. Deactivate it instead; its history is kept.")
                .arg(name));
    q.finish();
    if (!sql::exec(q, QStringLiteral("DELETE FROM centres WHERE id = ?"), {id})) {
        StoreError error = sql::toStoreError(q.lastError());
        if (sql::primaryCode(q.lastError()) == sql::Constraint)
            error.message =
                Store::tr("The centre \"%1\" is still referenced by other data and cannot "
                          "be deleted. Deactivate it instead.")
                    .arg(name);
        return error;
    }
    return transaction.commit();
}

StoreError CentreRepository::saveAll(QList<Centre> &centres, const BatchOptions &options,
                                     BatchResult *result) {
    BatchResult local;
    BatchResult &out = result ? *result : local;
    out = {};
    QSqlDatabase db = m_db.handle();
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    const QList<Centre> stored = loadCentres(db, &error);
    if (error)
        return error;

    QHash<QString, const Centre *> storedByKey;
    for (const Centre &s : stored)
        storedByKey.insert(centreNameKey(s.name), &s);

    // Match by name, then validate every row against the stored centres it does not replace
    // and against the other rows, before anything is written.
    QList<Centre> batch;
    batch.reserve(centres.size());
    QSet<qint64> replaced;
    for (const Centre &incoming : std::as_const(centres)) {
        Centre c = normalised(incoming);
        if (const Centre *match = storedByKey.value(centreNameKey(c.name))) {
            c.id = match->id;
            c.uuid = match->uuid;
            c.revision = match->revision;
            replaced.insert(match->id);
        } else {
            c.id = 0;
            c.revision = 0;
        }
        batch.append(c);
    }
    FieldErrors allFields;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        QStringList others;
        for (const Centre &s : stored) {
            if (!replaced.contains(s.id))
                others.append(s.name);
        }
        for (qsizetype j = 0; j < batch.size(); ++j) {
            if (j != i)
                others.append(batch.at(j).name);
        }
        const FieldErrors fields = validateCentre(batch.at(i), others);
        for (const FieldError &f : fields) {
            allFields.append(f);
            out.failedItems.append(int(i));
        }
    }
    if (!allFields.isEmpty()) {
        StoreError e = validationError(std::move(allFields));
        e.message = Store::tr("Nothing was imported. Please correct the listed rows.");
        return e;
    }

    const qint64 now = m_clock.now().toSecsSinceEpoch();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Centre &c = batch[i];
        const bool insert = c.id == 0;
        if (StoreError e = CentreTable(db).write(c, now)) {
            // Rolled back: the counts of rows written so far no longer hold.
            out.inserted = out.updated = 0;
            if (e.kind == StoreError::Kind::Validation)
                out.failedItems.fill(int(i), e.fields.size());
            return e;
        }
        ++(insert ? out.inserted : out.updated);
        if (options.progress && !options.progress(int(i) + 1, int(batch.size()))) {
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
    centres = batch;
    return {};
}

} // namespace slotdesk

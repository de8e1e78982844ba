#include "models/store/CentreRepository.h"

#include "models/rules/Validation.h"
#include "models/store/SqlSupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace slotdesk {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("Store", text);
}

StoreError makeError(StoreError::Kind kind, const QString &message, FieldErrors fields = {}) {
    StoreError error;
    error.kind = kind;
    error.message = message;
    error.fields = std::move(fields);
    return error;
}

StoreError validationError(FieldErrors fields) {
    return makeError(StoreError::Kind::Validation,
                     tr("The centre was not saved. Please correct the marked fields."),
                     std::move(fields));
}

StoreError duplicateNameError(const QString &name) {
    return validationError(
        {{QStringLiteral("name"), tr("A centre named \"%1\" already exists.").arg(name)}});
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
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.cend())
            centres[*it].serviceCodes.append(q.value(1).toString());
    }
    // Active lanes are 1..lanes; every lane of a centre has the same capacity.
    if (!q.exec(QStringLiteral("SELECT centre_id, count(*), min(capacity) FROM lanes "
                               "WHERE active = 1 GROUP BY centre_id"))) {
        *error = sql::toStoreError(q.lastError());
        return false;
    }
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it == index.cend())
            continue;
        centres[*it].lanes = q.value(1).toInt();
        centres[*it].capacityPerLane = q.value(2).toInt();
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
    c.name = c.name.trimmed();
    c.street = c.street.trimmed();
    c.postcode = c.postcode.trimmed();
    c.city = c.city.trimmed();
    c.phone = c.phone.trimmed();
    std::sort(c.serviceCodes.begin(), c.serviceCodes.end());
    return c;
}

// Writes one validated centre inside the caller's transaction. For an update the caller has
// checked the revision.
StoreError writeCentre(const QSqlDatabase &db, Centre &c, qint64 now) {
    QSqlQuery q(db);
    const QString kind = centreKindToString(c.kind);
    const bool insert = c.id == 0;
    bool ok;
    if (insert) {
        if (c.uuid.isEmpty())
            c.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ok =
            sql::exec(q,
                      QStringLiteral("INSERT INTO centres (uuid, name, name_key, street, postcode, "
                                     "city, kind, slot_minutes, phone, active, revision, "
                                     "created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"),
                      {c.uuid, c.name, centreNameKey(c.name), c.street, c.postcode, c.city, kind,
                       c.slotMinutes, c.phone, c.active ? 1 : 0, now, now});
        if (ok) {
            c.id = q.lastInsertId().toLongLong();
            c.revision = 1;
        }
    } else {
        ok = sql::exec(q,
                       QStringLiteral("UPDATE centres SET name = ?, name_key = ?, street = ?, "
                                      "postcode = ?, city = ?, kind = ?, slot_minutes = ?, "
                                      "phone = ?, active = ?, revision = revision + 1, "
                                      "updated_at = ? WHERE id = ?"),
                       {c.name, centreNameKey(c.name), c.street, c.postcode, c.city, kind,
                        c.slotMinutes, c.phone, c.active ? 1 : 0, now, c.id});
        if (ok)
            ++c.revision;
    }
    if (!ok) {
        if (sql::isUniqueViolationOn(q.lastError(), QStringLiteral("name_key")))
            return duplicateNameError(c.name);
        return sql::toStoreError(q.lastError());
    }

    if (!sql::exec(q, QStringLiteral("DELETE FROM centre_services WHERE centre_id = ?"), {c.id}))
        return sql::toStoreError(q.lastError());
    for (const QString &code : std::as_const(c.serviceCodes)) {
        if (!sql::exec(q,
                       QStringLiteral(
                           "INSERT INTO centre_services (centre_id, service_code) VALUES (?, ?)"),
                       {c.id, code}))
            return sql::toStoreError(q.lastError());
    }
    // Lanes are never deleted: past slots may name them. Surplus lanes are switched off.
    for (int position = 1; position <= c.lanes; ++position) {
        if (!sql::exec(q,
                       QStringLiteral("INSERT INTO lanes (centre_id, position, name, capacity, "
                                      "active) VALUES (?, ?, ?, ?, 1) "
                                      "ON CONFLICT (centre_id, position) DO UPDATE SET "
                                      "capacity = excluded.capacity, active = 1"),
                       {c.id, position, QString::number(position), c.capacityPerLane}))
            return sql::toStoreError(q.lastError());
    }
    if (!sql::exec(q,
                   QStringLiteral("UPDATE lanes SET active = 0 WHERE centre_id = ? AND "
                                  "position > ?"),
                   {c.id, c.lanes}))
        return sql::toStoreError(q.lastError());
    return {};
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
                             tr("The centre \"%1\" no longer exists.").arg(c.name));
        if (it->revision != c.revision)
            return makeError(StoreError::Kind::Conflict,
                             tr("The centre \"%1\" was changed elsewhere after you opened it. "
                                "Reload it and enter your changes again.")
                                 .arg(it->name));
    }
    if (FieldErrors fields = validateCentre(c, namesExcept(stored, c.id)); !fields.isEmpty())
        return validationError(std::move(fields));
    if (StoreError e = writeCentre(db, c, m_clock.now().toSecsSinceEpoch()))
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
        return makeError(StoreError::Kind::NotFound, tr("The centre no longer exists."));
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
        return makeError(StoreError::Kind::NotFound, tr("The centre no longer exists."));
    const QString name = q.value(0).toString();
    if (!sql::exec(q,
                   QStringLiteral("SELECT EXISTS (SELECT 1 FROM slots WHERE centre_id = ?1) OR "
                                  "EXISTS (SELECT 1 FROM check_ins WHERE centre_id = ?1)"),
                   {id}))
        return sql::toStoreError(q.lastError());
    if (q.next() && q.value(0).toInt() != 0)
        return makeError(StoreError::Kind::Conflict,
                         tr("The centre \"%1\" already has appointments or check-ins and cannot "
                            "be deleted. Deactivate it instead; its history is kept.")
                             .arg(name));
    q.finish();
    if (!sql::exec(q, QStringLiteral("DELETE FROM centres WHERE id = ?"), {id})) {
        StoreError error = sql::toStoreError(q.lastError());
        if (sql::primaryCode(q.lastError()) == sql::Constraint)
            error.message = tr("The centre \"%1\" is still referenced by other data and cannot "
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
        e.message = tr("Nothing was imported. Please correct the listed rows.");
        return e;
    }

    const qint64 now = m_clock.now().toSecsSinceEpoch();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Centre &c = batch[i];
        const bool insert = c.id == 0;
        if (StoreError e = writeCentre(db, c, now)) {
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

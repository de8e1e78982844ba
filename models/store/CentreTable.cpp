#include "models/store/CentreTable.h"

#include "models/store/SqlSupport.h"

#include <QCoreApplication>
#include <QUuid>

namespace slotdesk {

namespace {

// The same context and texts as CentreRepository's own validation, so one translation serves
// both (another writer can take the name between validation and write).
StoreError duplicateNameError(const QString &name) {
    StoreError error;
    error.kind = StoreError::Kind::Validation;
    error.message = QCoreApplication::translate(
        "Store", "The centre was not saved. Please correct the marked fields.");
    error.fields = {
        {QStringLiteral("name"),
         QCoreApplication::translate("Store", "A centre named \"%1\" already exists.").arg(name)}};
    return error;
}

} // namespace

CentreTable::CentreTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

std::optional<CentreTable::Identity> CentreTable::findByUuid(const QString &uuid) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q, QStringLiteral("SELECT id, revision FROM centres WHERE uuid = ?"), {uuid}) ||
        !q.next())
        return std::nullopt;
    return Identity{q.value(0).toLongLong(), q.value(1).toInt()};
}

StoreError CentreTable::bumpRevision(qint64 id, qint64 now) {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("UPDATE centres SET revision = revision + 1, updated_at = ? "
                                  "WHERE id = ?"),
                   {now, id}))
        return sql::toStoreError(q.lastError());
    if (q.numRowsAffected() != 1)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("unknown_centre"), {}};
    return {};
}

bool CentreTable::nameTakenByOther(const QString &name, const QString &uuid) const {
    QSqlQuery q(m_db);
    return sql::exec(q, QStringLiteral("SELECT 1 FROM centres WHERE name_key = ? AND uuid <> ?"),
                     {centreNameKey(name), uuid}) &&
           q.next();
}

StoreError CentreTable::write(Centre &c, qint64 now) {
    c.name = sql::trimmedText(c.name);
    c.street = sql::trimmedText(c.street);
    c.postcode = sql::trimmedText(c.postcode);
    c.city = sql::trimmedText(c.city);
    c.phone = sql::trimmedText(c.phone);
    QSqlQuery q(m_db);
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

} // namespace slotdesk

#include "models/store/ReleaseTable.h"

#include "models/rules/Eligibility.h"
#include "models/store/SqlSupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QStringBuilder>

namespace slotdesk {

namespace {

// The "?" of `now` comes first, then the WHERE clause's bindings.
const QString releaseColumns = QStringLiteral(
    "SELECT r.id, r.uuid, r.name, r.opens_at, r.state, COALESCE(r.opened_at, 0), "
    "COALESCE(r.withdrawn_at, 0), COALESCE(u.login, ''), r.created_at, COUNT(s.id), "
    "COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.booked), 0), "
    "COALESCE(SUM(CASE WHEN s.starts_at > ? THEN s.capacity - s.booked ELSE 0 END), 0), "
    "COALESCE(SUM(s.withdrawn_places), 0), COALESCE(GROUP_CONCAT(DISTINCT s.centre_id), ''), "
    "r.eligibility, (SELECT COUNT(*) FROM release_invitations i WHERE i.release_id = r.id), "
    "(SELECT COUNT(*) FROM release_invitations i WHERE i.release_id = r.id AND i.booking_id IS "
    "NOT NULL), COALESCE(SUM(s.hotline_places), 0) FROM releases r LEFT JOIN staff_users u ON u.id "
    "= r.created_by "
    "LEFT JOIN slots s ON s.release_id = r.id ");

Release rowToRelease(const QSqlQuery &q) {
    Release r;
    r.id = q.value(0).toLongLong();
    r.uuid = q.value(1).toString();
    r.name = q.value(2).toString();
    r.opensAt = q.value(3).toLongLong();
    r.storedState = q.value(4).toString();
    r.openedAt = q.value(5).toLongLong();
    r.withdrawnAt = q.value(6).toLongLong();
    r.createdBy = q.value(7).toString();
    r.createdAt = q.value(8).toLongLong();
    r.slots = q.value(9).toInt();
    r.capacity = q.value(10).toInt();
    r.booked = q.value(11).toInt();
    r.remaining = q.value(12).toInt();
    r.withdrawn = q.value(13).toInt();
    const QStringList centres = q.value(14).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &c : centres)
        r.centreIds.append(c.toLongLong());
    std::sort(r.centreIds.begin(), r.centreIds.end());
    // As the rules read it: keys of older rows that nothing checks are not shown.
    r.eligibility =
        Eligibility::fromJson(QJsonDocument::fromJson(q.value(15).toByteArray()).object()).toJson();
    r.invitations = q.value(16).toInt();
    r.invitationsUsed = q.value(17).toInt();
    r.hotlinePlaces = q.value(18).toInt();
    return r;
}

QString marks(qsizetype count) {
    QStringList list;
    list.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        list.append(QStringLiteral("?"));
    return list.join(u',');
}

} // namespace

ReleaseTable::ReleaseTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

StoreError ReleaseTable::insert(const NewRelease &release, qint64 now, qint64 *id) {
    QSqlQuery q(m_db);
    if (!sql::exec(
            q,
            QStringLiteral("INSERT INTO releases (uuid, name, opens_at, state, created_by, "
                           "created_at, opened_at, idempotency_key, request_hash, eligibility) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {release.uuid, sql::notNullText(release.name), release.opensAt,
             release.openNow ? QStringLiteral("open") : QStringLiteral("scheduled"),
             release.createdBy > 0 ? QVariant(release.createdBy) : QVariant(), now,
             release.openNow ? QVariant(now) : QVariant(),
             release.idempotencyKey.isEmpty() ? QVariant() : QVariant(release.idempotencyKey),
             sql::notNullText(release.requestHash),
             QString::fromUtf8(QJsonDocument(release.eligibility).toJson(QJsonDocument::Compact))}))
        return sql::toStoreError(q.lastError());
    *id = q.lastInsertId().toLongLong();
    return {};
}

StoreError ReleaseTable::insertSlots(qint64 releaseId, QList<SlotRecord> *slots) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO slots (centre_id, service_code, starts_at, minutes, "
                             "capacity, booked, release_id, hotline_places) VALUES (?, ?, ?, ?, "
                             "?, 0, ?, ?)"));
    for (SlotRecord &slot : *slots) {
        q.addBindValue(slot.centreId);
        q.addBindValue(slot.service);
        q.addBindValue(slot.startsAt);
        q.addBindValue(slot.minutes);
        q.addBindValue(slot.capacity);
        q.addBindValue(releaseId);
        q.addBindValue(slot.hotlinePlaces);
        if (!q.exec())
            return sql::toStoreError(q.lastError());
        slot.id = q.lastInsertId().toLongLong();
        slot.booked = 0;
        slot.releaseId = releaseId;
    }
    return {};
}

StoreError ReleaseTable::insertInvitations(qint64 releaseId, const QList<QByteArray> &hashes) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO release_invitations (release_id, code_hash) VALUES (?, "
                             "?)"));
    for (const QByteArray &hash : hashes) {
        q.addBindValue(releaseId);
        q.addBindValue(QString::fromLatin1(hash));
        if (!q.exec())
            return sql::toStoreError(q.lastError());
    }
    return {};
}

Stored<QList<ReleaseTable::Admission>> ReleaseTable::admissions() const {
    Stored<QList<Admission>> result;
    QSqlQuery q(m_db);
    if (!sql::exec(q, QStringLiteral("SELECT id, eligibility FROM releases WHERE state <> "
                                     "'withdrawn' AND eligibility <> '{}'"))) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.append(Admission{q.value(0).toLongLong(),
                                      QJsonDocument::fromJson(q.value(1).toByteArray()).object()});
    return result;
}

Stored<QList<ReleaseTable::InvitationRow>> ReleaseTable::invitations() const {
    Stored<QList<InvitationRow>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::exec(q, QStringLiteral("SELECT i.release_id, i.code_hash, i.booking_id IS NOT NULL "
                                     "FROM release_invitations i JOIN releases r ON r.id = "
                                     "i.release_id WHERE r.state <> 'withdrawn'"))) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.append(
            InvitationRow{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toBool()});
    return result;
}

std::optional<qint64> ReleaseTable::existingSlot(qint64 centreId, const QString &service,
                                                 qint64 startsAt) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT id FROM slots WHERE centre_id = ? AND service_code = ? "
                                  "AND starts_at = ?"),
                   {centreId, service, startsAt}) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<ReleaseTable::Stamp> ReleaseTable::stampByKey(const QString &idempotencyKey) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT uuid, request_hash FROM releases WHERE "
                                  "idempotency_key = ?"),
                   {idempotencyKey}) ||
        !q.next())
        return std::nullopt;
    return Stamp{q.value(0).toString(), q.value(1).toString()};
}

std::optional<ReleaseTable::Stamp> ReleaseTable::stampByUuid(const QString &uuid) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q, QStringLiteral("SELECT uuid, request_hash FROM releases WHERE uuid = ?"),
                   {uuid}) ||
        !q.next())
        return std::nullopt;
    return Stamp{q.value(0).toString(), q.value(1).toString()};
}

Stored<QList<Release>> ReleaseTable::read(const QString &where, const QVariantList &binds,
                                          qint64 now) const {
    Stored<QList<Release>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(releaseColumns % where % QStringLiteral(" GROUP BY r.id ORDER BY r.opens_at, r.id"));
    q.addBindValue(now);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec()) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.append(rowToRelease(q));
    return result;
}

Stored<QList<Release>> ReleaseTable::list(qint64 now) const {
    return read(QString(), {}, now);
}

Stored<std::optional<Release>> ReleaseTable::find(const QString &uuid, qint64 now) const {
    const Stored<QList<Release>> rows = read(QStringLiteral("WHERE r.uuid = ?"), {uuid}, now);
    Stored<std::optional<Release>> result;
    result.error = rows.error;
    if (!rows.value.isEmpty())
        result.value = rows.value.constFirst();
    return result;
}

Stored<QList<Release>> ReleaseTable::scheduled(qint64 now) const {
    return read(QStringLiteral("WHERE r.state = 'scheduled'"), {}, now);
}

bool ReleaseTable::markOpen(qint64 releaseId, qint64 now) {
    QSqlQuery q(m_db);
    return sql::exec(q,
                     QStringLiteral("UPDATE releases SET state = 'open', opened_at = ? WHERE id = "
                                    "? AND state = 'scheduled'"),
                     {now, releaseId}) &&
           q.numRowsAffected() == 1;
}

StoreError ReleaseTable::withdraw(qint64 releaseId, const QList<qint64> &slotIds, qint64 now,
                                  QList<qint64> *changed) {
    QVariantList ids;
    const QSet<qint64> distinct(slotIds.cbegin(), slotIds.cend());
    for (qint64 id : distinct)
        ids.append(id);
    const QString listed =
        ids.isEmpty() ? QString() : QStringLiteral(" AND id IN (") % marks(ids.size()) % u')';
    const auto run = [&](const QString &text, QVariantList head, QSqlQuery &q) {
        q.prepare(text % listed);
        for (const QVariant &v : std::as_const(head) + ids)
            q.addBindValue(v);
        return q.exec();
    };
    QSqlQuery q(m_db);
    if (!ids.isEmpty()) {
        if (!run(QStringLiteral("SELECT COUNT(*) FROM slots WHERE release_id = ?"), {releaseId},
                 q) ||
            !q.next())
            return sql::toStoreError(q.lastError());
        if (q.value(0).toLongLong() != ids.size())
            return StoreError{
                StoreError::Kind::NotFound, QStringLiteral("slot_not_in_release"), {}};
    }
    q.finish();
    if (!run(QStringLiteral("SELECT id FROM slots WHERE release_id = ? AND withdrawn_at IS NULL"),
             {releaseId}, q))
        return sql::toStoreError(q.lastError());
    while (q.next())
        changed->append(q.value(0).toLongLong());
    q.finish();
    // SET expressions read the row as it was: the places taken away are the old free ones.
    if (!run(QStringLiteral("UPDATE slots SET withdrawn_places = withdrawn_places + capacity - "
                            "booked, capacity = booked, withdrawn_at = ? WHERE release_id = ? AND "
                            "withdrawn_at IS NULL"),
             {now, releaseId}, q))
        return sql::toStoreError(q.lastError());
    if (ids.isEmpty() &&
        !sql::exec(q,
                   QStringLiteral("UPDATE releases SET state = 'withdrawn', withdrawn_at = ? "
                                  "WHERE id = ?"),
                   {now, releaseId}))
        return sql::toStoreError(q.lastError());
    return {};
}

} // namespace slotdesk

#include "models/store/StaffTokenTable.h"

#include "models/store/SqlSupport.h"

namespace slotdesk {

StaffTokenTable::StaffTokenTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

bool StaffTokenTable::insert(const QString &tokenHash, qint64 staffId, qint64 now,
                             qint64 expiresAt) {
    QSqlQuery query(m_db);
    return sql::exec(query,
                     QStringLiteral("INSERT INTO staff_tokens (token_hash, staff_id, created_at, "
                                    "expires_at) VALUES (?, ?, ?, ?)"),
                     {tokenHash, staffId, now, expiresAt});
}

std::optional<StaffTokenTable::Session> StaffTokenTable::lookup(const QString &tokenHash,
                                                                qint64 now) const {
    QSqlQuery query(m_db);
    if (!sql::exec(query,
                   QStringLiteral("SELECT staff_id, expires_at FROM staff_tokens WHERE token_hash "
                                  "= ? AND revoked_at IS NULL AND expires_at > ?"),
                   {tokenHash, now}) ||
        !query.next())
        return std::nullopt;
    return Session{query.value(0).toLongLong(), query.value(1).toLongLong()};
}

bool StaffTokenTable::revoke(const QString &tokenHash, qint64 now) {
    QSqlQuery query(m_db);
    return sql::exec(query,
                     QStringLiteral("UPDATE staff_tokens SET revoked_at = ? WHERE token_hash = ? "
                                    "AND revoked_at IS NULL"),
                     {now, tokenHash}) &&
           query.numRowsAffected() > 0;
}

bool StaffTokenTable::revokeAll(qint64 staffId, qint64 now) {
    QSqlQuery query(m_db);
    return sql::exec(query,
                     QStringLiteral("UPDATE staff_tokens SET revoked_at = ? WHERE staff_id = ? "
                                    "AND revoked_at IS NULL"),
                     {now, staffId});
}

} // namespace slotdesk

#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace slotdesk {

// The staff_tokens table: sessions by the hash of their bearer token (the token itself is never
// stored; TokenStore makes and hashes it).
class StaffTokenTable {
public:
    explicit StaffTokenTable(QSqlDatabase db);

    bool insert(const QString &tokenHash, qint64 staffId, qint64 now, qint64 expiresAt);
    struct Session {
        qint64 staffId = 0;
        qint64 expiresAt = 0;
    };
    // A session only when the hash exists, is not revoked and now < expires_at.
    std::optional<Session> lookup(const QString &tokenHash, qint64 now) const;
    // False when no open session had this hash.
    bool revoke(const QString &tokenHash, qint64 now);
    bool revokeAll(qint64 staffId, qint64 now);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

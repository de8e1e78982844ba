#pragma once

#include "models/store/StaffTokenTable.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace slotdesk {

// Bearer tokens of staff sessions: 256 random bits, base64url on the wire, only their SHA-256
// stored (StaffTokenTable). Valid until expires_at or revocation.
class TokenStore {
public:
    explicit TokenStore(QSqlDatabase db);

    struct Issued {
        QString token;
        qint64 expiresAt = 0;
    };
    struct Session {
        qint64 staffId = 0;
        qint64 expiresAt = 0;
    };

    // Empty token on a database error.
    Issued issue(qint64 staffId, qint64 now, qint64 ttlSeconds);
    // A session only when the token exists, is not revoked and now < expiresAt.
    std::optional<Session> lookup(const QString &token, qint64 now) const;
    bool revoke(const QString &token, qint64 now);
    // Ends every session of one account (deactivation, password or role change).
    bool revokeAll(qint64 staffId, qint64 now);

    static QString hashToken(const QString &token);

private:
    StaffTokenTable m_table;
};

} // namespace slotdesk

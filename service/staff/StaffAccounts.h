#pragma once

#include "service/staff/PasswordHasher.h"
#include "service/staff/StaffRole.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// The staff_users table. Passwords only ever exist here as Argon2id hashes.
class StaffAccounts {
public:
    StaffAccounts(QSqlDatabase db, const PasswordHasher &hasher);

    enum class Error { None, InvalidLogin, WeakPassword, DuplicateLogin, NotFound, LastAdmin, Io };
    struct Result {
        StaffUser user;
        Error error = Error::None;
    };

    QList<StaffUser> list() const;
    std::optional<StaffUser> find(qint64 id) const;
    std::optional<StaffUser> findByLogin(const QString &login) const;
    int activeAdminCount() const;

    // Runs inside the caller's transaction (so the audit row commits with it).
    Result create(const QString &login, const QString &displayName, StaffRole role,
                  const QString &password, qint64 now);
    struct Changes {
        std::optional<QString> displayName;
        std::optional<StaffRole> role;
        std::optional<bool> active;
        std::optional<QString> password;
    };
    // Refuses to leave the service without an active admin (LastAdmin).
    Result update(qint64 id, const Changes &changes, qint64 now);

    // The active account whose password matches, or nothing; spends the same Argon2 time for
    // unknown logins.
    std::optional<StaffUser> verify(const QString &login, const QString &password) const;

    static bool isValidLogin(const QString &login);    // [a-z0-9._-], 3..64
    static bool isStrongPassword(const QString &text); // 10..1024 characters

private:
    QSqlDatabase m_db;
    const PasswordHasher &m_hasher;
};

} // namespace slotdesk

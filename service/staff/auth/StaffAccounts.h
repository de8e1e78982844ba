#pragma once

#include "service/staff/auth/CentreScope.h"
#include "service/staff/auth/PasswordHasher.h"
#include "service/staff/auth/StaffRole.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// The staff_users table and each account's centres (staff_centres). Passwords only ever exist
// here as Argon2id hashes.
class StaffAccounts {
public:
    StaffAccounts(QSqlDatabase db, const PasswordHasher &hasher);

    enum class Error {
        None,
        InvalidLogin,
        WeakPassword,
        DuplicateLogin,
        NotFound,
        LastAdmin,
        UnknownCentre,
        Io
    };
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

    // The centres an account is limited to (none: every centre).
    CentreScope centresOf(qint64 staffId) const;
    // Replaces them (distinct centre uuids; empty: every centre), inside the caller's transaction.
    // UnknownCentre when a uuid names no centre.
    Error setCentres(qint64 staffId, const QStringList &centreUuids);

    // What a login needs to check a password off the server thread: the active account's id
    // and stored hash, or nothing for an unknown or inactive login.
    struct Credentials {
        qint64 id = 0;
        QString passwordHash;
    };
    std::optional<Credentials> credentials(const QString &login) const;
    // The active account whose password matches, or nothing; spends the same Argon2 time for
    // unknown logins. On the calling thread: for the command line and tests.
    std::optional<StaffUser> verify(const QString &login, const QString &password) const;

    static bool isValidLogin(const QString &login);    // [a-z0-9._-], 3..64
    static bool isStrongPassword(const QString &text); // 10..1024 characters

private:
    QSqlDatabase m_db;
    const PasswordHasher &m_hasher;
};

} // namespace slotdesk

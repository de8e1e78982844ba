#pragma once

#include "models/domain/StaffRole.h"
#include "models/store/StaffAccountTable.h"
#include "service/staff/auth/CentreScope.h"
#include "service/staff/auth/PasswordHasher.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// Staff accounts with their rules (valid logins, strong passwords, always one active admin) on
// top of StaffAccountTable. Passwords only ever reach the table as Argon2id hashes.
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

    QList<StaffUser> list() const { return m_table.list(); }
    std::optional<StaffUser> find(qint64 id) const { return m_table.find(id); }
    std::optional<StaffUser> findByLogin(const QString &login) const {
        return m_table.findByLogin(login);
    }

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
    using Credentials = StaffAccountTable::Credentials;
    std::optional<Credentials> credentials(const QString &login) const {
        return m_table.credentials(login);
    }

    static bool isValidLogin(const QString &login);    // [a-z0-9._-], 3..64
    static bool isStrongPassword(const QString &text); // 10..1024 characters

private:
    StaffAccountTable m_table;
    const PasswordHasher &m_hasher;
};

} // namespace slotdesk

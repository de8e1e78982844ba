#pragma once

#include "models/domain/StaffRole.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>
#include <utility>

namespace slotdesk {

// The staff_users table and each account's centres (staff_centres). Runs inside the caller's
// transaction where it writes; the rules (valid logins, strong passwords, the last admin) and
// the password hashing are StaffAccounts'.
class StaffAccountTable {
public:
    explicit StaffAccountTable(QSqlDatabase db);

    QList<StaffUser> list() const; // by login
    std::optional<StaffUser> find(qint64 id) const;
    std::optional<StaffUser> findByLogin(const QString &login) const;
    int activeAdminCount() const;

    // The new account's id, or 0 when the insert failed.
    qint64 insert(const StaffUser &user, const QString &passwordHash);
    // Writes every field of `user` (by id); an empty passwordHash keeps the stored one.
    bool update(const StaffUser &user, const QString &passwordHash);

    struct Credentials {
        qint64 id = 0;
        QString passwordHash;
    };
    // The active account with this login.
    std::optional<Credentials> credentials(const QString &login) const;

    // The account's centres as (id, uuid) by uuid; nullopt when they could not be read.
    std::optional<QList<std::pair<qint64, QString>>> centresOf(qint64 staffId) const;
    enum class CentresResult { Ok, UnknownCentre, Io };
    // Replaces them with the centres of these distinct uuids.
    CentresResult setCentres(qint64 staffId, const QStringList &centreUuids);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

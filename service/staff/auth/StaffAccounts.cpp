#include "service/staff/auth/StaffAccounts.h"

#include "models/store/SqlSupport.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT id, login, display_name, role, active, created_at, updated_at FROM staff_users ");

StaffUser rowToUser(const QSqlQuery &query) {
    StaffUser user;
    user.id = query.value(0).toLongLong();
    user.login = query.value(1).toString();
    user.displayName = query.value(2).toString();
    staffRoleFromString(query.value(3).toString(), &user.role);
    user.active = query.value(4).toInt() == 1;
    user.createdAt = query.value(5).toLongLong();
    user.updatedAt = query.value(6).toLongLong();
    return user;
}

} // namespace

StaffAccounts::StaffAccounts(QSqlDatabase db, const PasswordHasher &hasher)
    : m_db(std::move(db))
    , m_hasher(hasher) {}

bool StaffAccounts::isValidLogin(const QString &login) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]{3,64}$"));
    return pattern.match(login).hasMatch();
}

bool StaffAccounts::isStrongPassword(const QString &text) {
    return text.size() >= 10 && text.size() <= 1024;
}

QList<StaffUser> StaffAccounts::list() const {
    QList<StaffUser> users;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(selectColumns % QStringLiteral("ORDER BY login")))
        return users;
    while (query.next())
        users.append(rowToUser(query));
    return users;
}

std::optional<StaffUser> StaffAccounts::find(qint64 id) const {
    QSqlQuery query(m_db);
    query.prepare(selectColumns % QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return rowToUser(query);
}

std::optional<StaffUser> StaffAccounts::findByLogin(const QString &login) const {
    QSqlQuery query(m_db);
    query.prepare(selectColumns % QStringLiteral("WHERE login = ?"));
    query.addBindValue(login);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return rowToUser(query);
}

int StaffAccounts::activeAdminCount() const {
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND active = 1")) ||
        !query.next())
        return 0;
    return query.value(0).toInt();
}

StaffAccounts::Result StaffAccounts::create(const QString &login, const QString &displayName,
                                            StaffRole role, const QString &password, qint64 now) {
    if (!isValidLogin(login))
        return {{}, Error::InvalidLogin};
    if (!isStrongPassword(password))
        return {{}, Error::WeakPassword};
    if (findByLogin(login))
        return {{}, Error::DuplicateLogin};
    const QString hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return {{}, Error::Io};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO staff_users (login, display_name, role, "
                                 "password_hash, active, created_at, updated_at) VALUES (?, ?, ?, "
                                 "?, 1, ?, ?)"));
    query.addBindValue(login);
    query.addBindValue(sql::notNullText(displayName));
    query.addBindValue(staffRoleToString(role));
    query.addBindValue(hash);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        qWarning("staff account insert: %s", qPrintable(query.lastError().text()));
        return {{}, Error::Io};
    }
    StaffUser user{query.lastInsertId().toLongLong(), login, displayName, role, true, now, now};
    return {user, Error::None};
}

StaffAccounts::Result StaffAccounts::update(qint64 id, const Changes &changes, qint64 now) {
    std::optional<StaffUser> current = find(id);
    if (!current)
        return {{}, Error::NotFound};
    StaffUser user = *current;
    if (changes.displayName)
        user.displayName = *changes.displayName;
    if (changes.role)
        user.role = *changes.role;
    if (changes.active)
        user.active = *changes.active;
    const bool wasActiveAdmin = current->active && current->role == StaffRole::Admin;
    const bool isActiveAdmin = user.active && user.role == StaffRole::Admin;
    if (wasActiveAdmin && !isActiveAdmin && activeAdminCount() <= 1)
        return {*current, Error::LastAdmin};

    QString hash;
    if (changes.password) {
        if (!isStrongPassword(*changes.password))
            return {*current, Error::WeakPassword};
        hash = m_hasher.hash(*changes.password);
        if (hash.isEmpty())
            return {*current, Error::Io};
    }
    user.updatedAt = now;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE staff_users SET display_name = ?, role = ?, active = ?, updated_at = ?, "
        "password_hash = COALESCE(?, password_hash) WHERE id = ?"));
    query.addBindValue(sql::notNullText(user.displayName));
    query.addBindValue(staffRoleToString(user.role));
    query.addBindValue(user.active ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(hash.isEmpty() ? QVariant() : QVariant(hash));
    query.addBindValue(id);
    if (!query.exec())
        return {*current, Error::Io};
    return {user, Error::None};
}

CentreScope StaffAccounts::centresOf(qint64 staffId) const {
    QList<CentreRef> centres;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.id, c.uuid FROM staff_centres sc JOIN centres c ON "
                                 "c.id = sc.centre_id WHERE sc.staff_id = ? ORDER BY c.uuid"));
    query.addBindValue(staffId);
    if (!query.exec())
        return CentreScope({CentreRef{-1, QString()}}); // unreadable: allow nothing
    while (query.next())
        centres.append({query.value(0).toLongLong(), query.value(1).toString()});
    return CentreScope(std::move(centres));
}

StaffAccounts::Error StaffAccounts::setCentres(qint64 staffId, const QStringList &centreUuids) {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM staff_centres WHERE staff_id = ?"));
    query.addBindValue(staffId);
    if (!query.exec())
        return Error::Io;
    query.prepare(QStringLiteral("INSERT INTO staff_centres (staff_id, centre_id) SELECT ?, id "
                                 "FROM centres WHERE uuid = ?"));
    for (const QString &uuid : centreUuids) {
        query.addBindValue(staffId);
        query.addBindValue(uuid);
        if (!query.exec())
            return Error::Io;
        if (query.numRowsAffected() != 1)
            return Error::UnknownCentre;
    }
    return Error::None;
}

std::optional<StaffAccounts::Credentials> StaffAccounts::credentials(const QString &login) const {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, password_hash FROM staff_users WHERE login = ? AND "
                                 "active = 1"));
    query.addBindValue(login);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Credentials{query.value(0).toLongLong(), query.value(1).toString()};
}

std::optional<StaffUser> StaffAccounts::verify(const QString &login,
                                               const QString &password) const {
    const std::optional<Credentials> found = credentials(login);
    if (!found) {
        m_hasher.verifyDummy(password);
        return std::nullopt;
    }
    if (!m_hasher.verify(found->passwordHash, password))
        return std::nullopt;
    return find(found->id);
}

} // namespace slotdesk

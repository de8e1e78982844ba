#include "models/store/StaffAccountTable.h"

#include "models/store/SqlSupport.h"

#include <QStringBuilder>

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

StaffAccountTable::StaffAccountTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

QList<StaffUser> StaffAccountTable::list() const {
    QList<StaffUser> users;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(selectColumns % QStringLiteral("ORDER BY login")))
        return users;
    while (query.next())
        users.append(rowToUser(query));
    return users;
}

std::optional<StaffUser> StaffAccountTable::find(qint64 id) const {
    QSqlQuery query(m_db);
    if (!sql::exec(query, selectColumns % QStringLiteral("WHERE id = ?"), {id}) || !query.next())
        return std::nullopt;
    return rowToUser(query);
}

std::optional<StaffUser> StaffAccountTable::findByLogin(const QString &login) const {
    QSqlQuery query(m_db);
    if (!sql::exec(query, selectColumns % QStringLiteral("WHERE login = ?"), {login}) ||
        !query.next())
        return std::nullopt;
    return rowToUser(query);
}

int StaffAccountTable::activeAdminCount() const {
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND active = 1")) ||
        !query.next())
        return 0;
    return query.value(0).toInt();
}

qint64 StaffAccountTable::insert(const StaffUser &user, const QString &passwordHash) {
    QSqlQuery query(m_db);
    if (!sql::exec(query,
                   QStringLiteral("INSERT INTO staff_users (login, display_name, role, "
                                  "password_hash, active, created_at, updated_at) VALUES (?, ?, "
                                  "?, ?, ?, ?, ?)"),
                   {user.login, sql::notNullText(user.displayName), staffRoleToString(user.role),
                    passwordHash, user.active ? 1 : 0, user.createdAt, user.updatedAt})) {
        qWarning("staff account insert: %s", qPrintable(query.lastError().text()));
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

bool StaffAccountTable::update(const StaffUser &user, const QString &passwordHash) {
    QSqlQuery query(m_db);
    return sql::exec(query,
                     QStringLiteral("UPDATE staff_users SET display_name = ?, role = ?, active = "
                                    "?, updated_at = ?, password_hash = COALESCE(?, "
                                    "password_hash) WHERE id = ?"),
                     {sql::notNullText(user.displayName), staffRoleToString(user.role),
                      user.active ? 1 : 0, user.updatedAt,
                      passwordHash.isEmpty() ? QVariant() : QVariant(passwordHash), user.id});
}

std::optional<StaffAccountTable::Credentials>
StaffAccountTable::credentials(const QString &login) const {
    QSqlQuery query(m_db);
    if (!sql::exec(query,
                   QStringLiteral("SELECT id, password_hash FROM staff_users WHERE login = ? AND "
                                  "active = 1"),
                   {login}) ||
        !query.next())
        return std::nullopt;
    return Credentials{query.value(0).toLongLong(), query.value(1).toString()};
}

std::optional<QList<std::pair<qint64, QString>>>
StaffAccountTable::centresOf(qint64 staffId) const {
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!sql::exec(query,
                   QStringLiteral("SELECT c.id, c.uuid FROM staff_centres sc JOIN centres c ON "
                                  "c.id = sc.centre_id WHERE sc.staff_id = ? ORDER BY c.uuid"),
                   {staffId}))
        return std::nullopt;
    QList<std::pair<qint64, QString>> centres;
    while (query.next())
        centres.append({query.value(0).toLongLong(), query.value(1).toString()});
    return centres;
}

StaffAccountTable::CentresResult StaffAccountTable::setCentres(qint64 staffId,
                                                               const QStringList &centreUuids) {
    QSqlQuery query(m_db);
    if (!sql::exec(query, QStringLiteral("DELETE FROM staff_centres WHERE staff_id = ?"),
                   {staffId}))
        return CentresResult::Io;
    for (const QString &uuid : centreUuids) {
        if (!sql::exec(query,
                       QStringLiteral("INSERT INTO staff_centres (staff_id, centre_id) SELECT ?, "
                                      "id FROM centres WHERE uuid = ?"),
                       {staffId, uuid}))
            return CentresResult::Io;
        if (query.numRowsAffected() != 1)
            return CentresResult::UnknownCentre;
    }
    return CentresResult::Ok;
}

} // namespace slotdesk

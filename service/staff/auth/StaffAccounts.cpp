#include "service/staff/auth/StaffAccounts.h"

#include <QRegularExpression>

namespace slotdesk {

StaffAccounts::StaffAccounts(QSqlDatabase db, const PasswordHasher &hasher)
    : m_table(std::move(db))
    , m_hasher(hasher) {}

bool StaffAccounts::isValidLogin(const QString &login) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]{3,64}$"));
    return pattern.match(login).hasMatch();
}

bool StaffAccounts::isStrongPassword(const QString &text) {
    return text.size() >= 10 && text.size() <= 1024;
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
    StaffUser user{0, login, displayName, role, true, now, now};
    user.id = m_table.insert(user, hash);
    if (user.id == 0)
        return {{}, Error::Io};
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
    if (wasActiveAdmin && !isActiveAdmin && m_table.activeAdminCount() <= 1)
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
    if (!m_table.update(user, hash))
        return {*current, Error::Io};
    return {user, Error::None};
}

CentreScope StaffAccounts::centresOf(qint64 staffId) const {
    const std::optional<QList<std::pair<qint64, QString>>> rows = m_table.centresOf(staffId);
    if (!rows)
        return CentreScope({CentreRef{-1, QString()}}); // unreadable: allow nothing
    QList<CentreRef> centres;
    for (const auto &[id, uuid] : *rows)
        centres.append({id, uuid});
    return CentreScope(std::move(centres));
}

StaffAccounts::Error StaffAccounts::setCentres(qint64 staffId, const QStringList &centreUuids) {
    switch (m_table.setCentres(staffId, centreUuids)) {
    case StaffAccountTable::CentresResult::Ok:
        return Error::None;
    case StaffAccountTable::CentresResult::UnknownCentre:
        return Error::UnknownCentre;
    case StaffAccountTable::CentresResult::Io:
        break;
    }
    return Error::Io;
}

} // namespace slotdesk

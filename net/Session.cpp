#include "net/Session.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace slotdesk {

namespace {

struct Roles {
    Q_DECLARE_TR_FUNCTIONS(Roles)
};

} // namespace

Session::Session(QObject *parent)
    : QObject(parent) {}

bool Session::startFromLogin(const QJsonObject &answer) {
    const QString token = answer.value(QStringLiteral("token")).toString();
    const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
    StaffRole role = StaffRole::Desk;
    const QDateTime expires =
        QDateTime::fromString(answer.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    if (token.isEmpty() ||
        !staffRoleFromString(user.value(QStringLiteral("role")).toString(), &role) ||
        !expires.isValid())
        return false;
    m_token = token;
    m_role = role;
    m_login = user.value(QStringLiteral("login")).toString();
    m_displayName = user.value(QStringLiteral("display_name")).toString();
    m_expiresAt = expires.toUTC();
    Q_EMIT changed();
    return true;
}

void Session::clear() {
    if (m_token.isEmpty())
        return;
    m_token.clear();
    m_login.clear();
    m_displayName.clear();
    m_expiresAt = {};
    Q_EMIT changed();
}

QString staffRoleTitle(StaffRole role) {
    switch (role) {
    case StaffRole::Admin:
        return Roles::tr("Administration");
    case StaffRole::Supervisor:
        return Roles::tr("Supervision");
    case StaffRole::Desk:
        return Roles::tr("Desk");
    }
    return {};
}

RolePermissions permissionsFor(const Session &session) {
    RolePermissions permissions;
    if (!session.isSignedIn()) {
        permissions.editCentres = true; // the local store needs no service
        return permissions;
    }
    switch (session.role()) {
    case StaffRole::Admin:
        return {true, true, true, true};
    case StaffRole::Supervisor:
        permissions.liveBookings = true;
        return permissions;
    case StaffRole::Desk:
        permissions.checkIn = true;
        return permissions;
    }
    return permissions;
}

} // namespace slotdesk

#include "models/domain/StaffRole.h"

namespace slotdesk {

QString staffRoleToString(StaffRole role) {
    switch (role) {
    case StaffRole::Admin:
        return QStringLiteral("admin");
    case StaffRole::Desk:
        return QStringLiteral("desk");
    case StaffRole::Supervisor:
        return QStringLiteral("supervisor");
    }
    return {};
}

bool staffRoleFromString(const QString &text, StaffRole *role) {
    if (text == u"admin")
        *role = StaffRole::Admin;
    else if (text == u"desk")
        *role = StaffRole::Desk;
    else if (text == u"supervisor")
        *role = StaffRole::Supervisor;
    else
        return false;
    return true;
}

} // namespace slotdesk

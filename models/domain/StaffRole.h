#pragma once

#include <QList>
#include <QString>

namespace slotdesk {

// admin configures centres and releases slots, desk checks people in, supervisor reads.
enum class StaffRole { Admin, Desk, Supervisor };

QString staffRoleToString(StaffRole role); // "admin" | "desk" | "supervisor" (database and wire)
bool staffRoleFromString(const QString &text, StaffRole *role);

struct StaffUser {
    qint64 id = 0;
    QString login;
    QString displayName;
    StaffRole role = StaffRole::Desk;
    bool active = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace slotdesk

#pragma once

#include "models/domain/StaffRole.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace slotdesk {

// Who is signed in to the service. The token lives in memory only: it is never written to
// disk or QSettings, so a console that ends ends its sign-in too.
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    bool isSignedIn() const { return !m_token.isEmpty(); }
    QString login() const { return m_login; }
    QString displayName() const { return m_displayName; }
    StaffRole role() const { return m_role; }
    QString token() const { return m_token; }
    QDateTime expiresAt() const { return m_expiresAt; } // UTC

    // From the body of POST /api/v1/auth/login; false (and nothing changed) when it is not one.
    bool startFromLogin(const QJsonObject &answer);
    void clear();

Q_SIGNALS:
    void changed();

private:
    QString m_login;
    QString m_displayName;
    StaffRole m_role = StaffRole::Desk;
    QString m_token;
    QDateTime m_expiresAt;
};

// A role's name as staff read it ("Administration", translated).
QString staffRoleTitle(StaffRole role);

// What a role may do in the console: admin everything, supervisor reads and watches live,
// desk checks people in. Without a sign-in only the local pages work.
struct RolePermissions {
    bool editCentres = false; // centres, opening hours, CSV import
    bool releaseSlots = false;
    bool checkIn = false;
    bool liveBookings = false;
};
RolePermissions permissionsFor(const Session &session);

} // namespace slotdesk

#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/domain/Release.h"
#include "net/ReleaseClient.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "tests/integration/ServiceFixture.h"
#include "ui/release/ReleaseWizard.h"

#include <memory>

namespace slotdesk::test {

// A real service on loopback (Monday 2 March 2026, 08:00 Berlin) with an admin signed in through
// the console's client, and the console's side of releases: centres published to the service,
// a generated slot plan of them and a ReleaseClient. The console's clock shows the same time.
class ReleaseFixture {
public:
    static const QString adminPassword;

    ReleaseFixture();
    ~ReleaseFixture();

    bool start();
    // Stops the service and starts it again on the same database (a new port).
    bool restartService();

    // A centre in the console's terms (id, uuid), published to the service. Opening hours for
    // the plan: Monday to Friday 09:00-12:00.
    Centre publishCentre(const QString &name, const QStringList &services, int lanes = 2,
                         int capacityPerLane = 3);
    // The plan of `centres` from `first` to `last` (all their services).
    ReleaseSource plan(const QList<Centre> &centres, QDate first, QDate last) const;
    // The same plan holding only its first `count` slots.
    static ReleaseSource firstSlotsOnly(ReleaseSource source, int count = 1);
    bool setForecast(const QString &service, const QString &week, int doses);
    // Creates a release directly (not through the wizard); returns its uuid or empty.
    QString createRelease(const ReleaseSource &source, const ReleaseDraft &draft);
    QList<Release> releases();
    int releaseCount() { return int(releases().size()); }
    // A slot id of the service in `release` (the first), or 0.
    qint64 firstSlotOf(const QString &releaseUuid) const;
    // Books a place of `slotId` for a caller through the hotline route; the code or empty.
    QString bookByHotline(qint64 slotId, const QString &familyName);

    ServiceFixture fx;
    FixedClock clock;
    Session session;
    std::unique_ptr<ServiceClient> client;
    std::unique_ptr<ReleaseClient> releaseClient;

private:
    qint64 m_nextCentreId = 1;
};

// The appointment days of the fixture's plans: Tuesday 3 and Wednesday 4 March 2026 (ISO week
// 2026-W10).
inline QDate firstPlanDay() {
    return QDate(2026, 3, 3);
}
inline QDate lastPlanDay() {
    return QDate(2026, 3, 4);
}

} // namespace slotdesk::test

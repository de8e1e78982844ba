#pragma once

#include "models/core/Clock.h"
#include "models/domain/OpeningHours.h"
#include "models/store/Batch.h"
#include "models/store/Database.h"

namespace slotdesk {

// A centre's weekly rules, closures and special days on any connection (the service reads what
// it published with it).
Stored<OpeningHours> loadHours(const QSqlDatabase &db, qint64 centreId);

class OpeningHoursRepository {
public:
    OpeningHoursRepository(Database &db, const Clock &clock);

    Stored<OpeningHours> load(qint64 centreId) const;
    // Validates against the stored hours (today from the clock, Europe/Berlin), then replaces
    // the centre's weekly rules, closures and special days in one transaction.
    StoreError save(const OpeningHours &hours);
    // All or nothing, for CSV import. A centre with stored hours counts as updated, one
    // without as inserted.
    StoreError saveAll(const QList<OpeningHours> &hours, const BatchOptions &options = {},
                       BatchResult *result = nullptr);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace slotdesk

#pragma once

#include "models/domain/OpeningHours.h"
#include "models/store/StoreError.h"

#include <QSqlDatabase>

namespace slotdesk {

// The one writer of a centre's opening_rules, closures and special_days, shared by the
// console's OpeningHoursRepository and the service's publish route. Runs inside the caller's
// transaction; validation is the caller's.
class OpeningHoursTable {
public:
    explicit OpeningHoursTable(QSqlDatabase db);

    // Replaces the weekly rules, closures and special days of hours.centreId.
    StoreError write(const OpeningHours &hours);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

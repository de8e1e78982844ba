#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

namespace slotdesk {

// The products of the service catalogue (table `services`): the interval between the two doses
// of a two-dose product is set by admins. Writes run inside the caller's transaction
// (StaffWriter); the caller validated the figures.
class ProductTable {
public:
    explicit ProductTable(QSqlDatabase db);

    struct Interval {
        int minDays = 0;
        int maxDays = 0;
    };
    // Sets the interval of `service`; *previous: the one stored before.
    StoreError setInterval(const QString &service, Interval interval, Interval *previous);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

#pragma once

#include "models/store/StoreError.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace slotdesk {

// Vaccine delivery forecasts per product (service code) and ISO week ("2026-W10"), and the
// doses the service's slots offer in a span of time. Writes run inside the caller's
// transaction (StaffWriter); validation of codes and weeks is the caller's.
class ForecastTable {
public:
    explicit ForecastTable(QSqlDatabase db);

    struct Row {
        QString service;
        QString week;
        int doses = 0;
        QString updatedBy; // staff login; empty when the account is gone
        qint64 updatedAt = 0;
    };

    // Inserts or replaces the forecast. *previous: the doses stored before, nullopt if none.
    StoreError put(const QString &service, const QString &week, int doses, qint64 updatedBy,
                   qint64 now, std::optional<int> *previous);
    Stored<std::optional<Row>> find(const QString &service, const QString &week) const;
    // Forecasts between two weeks (inclusive; empty: unbounded), for one service or all (empty),
    // by service and week.
    Stored<QList<Row>> list(const QString &service, const QString &fromWeek,
                            const QString &toWeek) const;
    // Places of the service's slots starting in [from, to): what releases and published slots
    // offer that week. Withdrawn places no longer count (their capacity went to booked).
    Stored<int> offeredPlaces(const QString &service, qint64 from, qint64 to) const;
    // Active second-dose bookings of the service whose appointment starts in [from, to): the
    // doses that week keeps for people whose first dose is booked.
    Stored<int> reservedSecondDoses(const QString &service, qint64 from, qint64 to) const;

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

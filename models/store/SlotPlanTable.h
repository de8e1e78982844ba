#pragma once

#include "models/rules/SlotGenerator.h"
#include "models/store/StoreError.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>

namespace slotdesk {

// The writer of planned slots (slots.release_id NULL: generated, not yet published). Runs inside
// the caller's transaction with one prepared statement on the QSQLITE connection's own handle,
// because a year of slots is millions of rows.
class SlotPlanTable {
    Q_DECLARE_TR_FUNCTIONS(SlotPlanTable)
public:
    explicit SlotPlanTable(QSqlDatabase db);

    // Called every few thousand rows; returning false stops the write (the caller rolls back).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Result {
        qint64 removed = 0; // planned slots of the plan's centres, services and days replaced
        qint64 inserted = 0;
        bool cancelled = false;
    };

    // Replaces the planned slots of the plan's centres and services on its days by the plan.
    // Published slots are never touched: a planned slot at the start of a published one is a
    // Conflict. On any error or cancellation the caller must roll back.
    StoreError replace(const SlotPlan &plan, Result *result, const Progress &progress = {});

    // Planned slots of a centre starting in [from, to) (UTC epoch seconds); -1 on error.
    qint64 countPlanned(qint64 centreId, qint64 from, qint64 to) const;

private:
    StoreError removePlanned(const SlotPlan &plan, qint64 *removed);
    StoreError insertSlots(const SlotPlan &plan, Result *result, const Progress &progress);

    QSqlDatabase m_db;
};

} // namespace slotdesk

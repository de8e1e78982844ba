#pragma once

#include "models/rules/SlotGenerator.h"

#include <QAbstractTableModel>

#include <memory>

namespace slotdesk {

// A slot plan as a calendar: one row per month of the plan, one column per day of the month
// (1..31). A cell holds the slots and places of that day for the chosen service (or all of
// them); days outside the plan or the month are empty and not selectable.
class SlotPlanModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        DateRole = Qt::UserRole + 1, // QDate; invalid outside the plan
        SlotsRole,                   // qint64
        PlacesRole,                  // qint64
        IntensityRole,               // double 0..1: places relative to the busiest day
    };
    static constexpr int allServices = -1;

    explicit SlotPlanModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setPlan(std::shared_ptr<const SlotPlan> plan);
    std::shared_ptr<const SlotPlan> plan() const { return m_plan; }
    // An index into SlotPlan::services, or allServices.
    void setService(int service);
    int service() const { return m_service; }

    QModelIndex indexOf(QDate date) const; // invalid when the date is not in the plan
    SlotDayTotal dayTotal(QDate date) const;
    SlotDayTotal total() const { return m_total; } // over the plan, for the chosen service
    qint64 busiestPlaces() const { return m_busiest; }

    // "Mo 12.04.: 144 slots, 288 places" (translated), as cells read to screen readers.
    static QString describeDay(QDate date, const SlotDayTotal &total);

private:
    void recount();
    QDate monthOfRow(int row) const;

    std::shared_ptr<const SlotPlan> m_plan;
    int m_service = allServices;
    SlotDayTotal m_total;
    qint64 m_busiest = 0;
};

} // namespace slotdesk

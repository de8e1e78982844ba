#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace slotdesk {

class SlotPlanModel;

// A SlotPlanModel as a calendar heatmap: months down, days of the month across, each day
// coloured between the palette's base and highlight by its places relative to the busiest day,
// with a legend. Cells are ordinary view items: arrow keys move between days and a screen
// reader reads each day's text ("Mo 12.04.: 144 Termine, 288 Plätze").
class CalendarHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit CalendarHeatmap(QWidget *parent = nullptr);

    void setModel(SlotPlanModel *model);
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void currentDayChanged(const QString &description);

private:
    void updateLegend();

    SlotPlanModel *m_model = nullptr;
    QTableView *m_view;
    QWidget *m_legendBar;
    QLabel *m_legendLow;
    QLabel *m_legendHigh;
};

} // namespace slotdesk

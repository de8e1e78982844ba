#pragma once

#include "models/rules/OpeningHoursRules.h"

#include <QWidget>

class QPainter;

namespace slotdesk {

// Seven day rows drawn as a timeline: open intervals as bars in wall-clock time, closures
// hatched with their reason, special days in their own colour, and per day the real open
// hours (DST-correct) and slot count.
class WeekTimeline final : public QWidget {
    Q_OBJECT
public:
    explicit WeekTimeline(QWidget *parent = nullptr);
    void setPlans(const QList<DayPlan> &plans, QDate today);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Text shown for a day: "Open", "Closed", "Closure: reason", "Special: label".
    static QString statusText(const DayPlan &plan);
    static double openHours(const DayPlan &plan);
    static QString slotsText(int slots);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    int rowAt(int y) const;
    void paintLegend(QPainter &p, int top);
    void paintClockChange(QPainter &p, const QRect &lane, int minute, int shift);
    QRect timelineRect(int row) const;
    int xForMinute(const QRect &lane, int minute) const;

    QList<DayPlan> m_plans;
    QDate m_today;
    int m_firstHour = 6;
    int m_lastHour = 20;
};

} // namespace slotdesk

#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/rules/OpeningHoursRules.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QToolButton;

namespace slotdesk {

class WeekTimeline;

// The week a set of opening hours produces for one centre: per day the status, the open
// intervals, the real open hours and the slot count, recomputed whenever hours, centre or week
// change. The numbers are readable here so callers (and tests) need not parse the drawing.
class WeekPreview final : public QWidget {
    Q_OBJECT
public:
    explicit WeekPreview(const Clock &clock, QWidget *parent = nullptr);
    // The controls in the order Tab visits them: week navigation, then the timeline.
    QList<QWidget *> focusOrder() const;

    void setHours(const OpeningHours &hours);
    void setCentre(const Centre &centre);
    void setWeek(QDate anyDay);

    QDate weekStart() const { return m_weekStart; }
    QList<DayPlan> plans() const { return m_plans; }
    double openHours(int dayIndex) const; // 0 = Monday; DST-correct real hours
    int slots(int dayIndex) const;
    int totalSlots() const;

Q_SIGNALS:
    void updated();

private:
    void recompute();
    QDate today() const;

    const Clock &m_clock;
    OpeningHours m_hours;
    Centre m_centre;
    QDate m_weekStart;
    QList<DayPlan> m_plans;

    QDateEdit *m_dateEdit = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QToolButton *m_todayButton = nullptr;
    QLabel *m_totals = nullptr;
    WeekTimeline *m_timeline = nullptr;
};

} // namespace slotdesk

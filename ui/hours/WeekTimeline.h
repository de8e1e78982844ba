#pragma once

#include "models/rules/OpeningHoursRules.h"

#include <QWidget>

class QPainter;

namespace slotdesk {

// Seven day rows drawn as a timeline: open intervals as bars in wall-clock time, closures
// hatched with their reason, special days in their own colour, and per day the real open
// hours (DST-correct) and slot count.
//
// Keyboard users reach what the mouse sees in tooltips: the timeline takes focus, the arrow
// keys (Home/End) move between days, and the current day's text is the widget's accessible
// description and shows as a tooltip at its row. Sizes follow the font.
class WeekTimeline final : public QWidget {
    Q_OBJECT
public:
    explicit WeekTimeline(QWidget *parent = nullptr);
    void setPlans(const QList<DayPlan> &plans, QDate today);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The day the keyboard is on (0 = Monday), and everything the timeline knows about a day.
    int currentDay() const { return m_current; }
    void setCurrentDay(int day);
    QString dayText(int day) const;

    // Text shown for a day: "Open", "Closed", "Closure: reason", "Special: label".
    static QString statusText(const DayPlan &plan);
    static double openHours(const DayPlan &plan);
    static QString slotsText(int slots);

Q_SIGNALS:
    void currentDayChanged(int day);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Metrics {
        int line;   // height of a line of text
        int header; // hour labels
        int minRow; // two lines of text and air
        int maxRow;
        int legend;  // room for two lines of legend
        int label;   // day name and status
        int summary; // hours and slots
        int margin;
    };
    Metrics metrics() const;
    void showCurrentDay();
    int rowHeight() const;
    int rowAt(int y) const;
    void paintLegend(QPainter &p, int top);
    void paintClockChange(QPainter &p, const QRect &lane, int minute, int shift);
    QRect timelineRect(int row) const;
    int xForMinute(const QRect &lane, int minute) const;

    QList<DayPlan> m_plans;
    int m_current = 0;
    QDate m_today;
    int m_firstHour = 6;
    int m_lastHour = 20;
};

} // namespace slotdesk

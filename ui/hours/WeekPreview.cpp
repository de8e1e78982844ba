#include "ui/hours/WeekPreview.h"

#include "ui/hours/TimeText.h"
#include "ui/hours/WeekTimeline.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

QDate mondayOf(QDate day) {
    return day.addDays(1 - day.dayOfWeek());
}

} // namespace

WeekPreview::WeekPreview(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock) {
    setObjectName(QStringLiteral("weekPreview"));
    auto *title = new QLabel(tr("Week preview"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);

    m_previousButton = new QToolButton(this);
    m_previousButton->setObjectName(QStringLiteral("previousWeekButton"));
    m_previousButton->setArrowType(Qt::LeftArrow);
    m_previousButton->setToolTip(tr("Previous week (Alt+Left)"));
    m_previousButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previousButton->setAccessibleName(tr("Previous week"));
    m_nextButton = new QToolButton(this);
    m_nextButton->setObjectName(QStringLiteral("nextWeekButton"));
    m_nextButton->setArrowType(Qt::RightArrow);
    m_nextButton->setToolTip(tr("Next week (Alt+Right)"));
    m_nextButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_nextButton->setAccessibleName(tr("Next week"));
    m_todayButton = new QToolButton(this);
    m_todayButton->setObjectName(QStringLiteral("todayButton"));
    m_todayButton->setText(tr("This week"));
    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("previewDate"));
    m_dateEdit->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setToolTip(tr("Any day of the week to preview"));
    m_dateEdit->setAccessibleName(tr("Day of the previewed week"));
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("weekTotals"));
    m_totals->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_timeline = new WeekTimeline(this);

    // Title and week totals above the navigation, so the preview stays narrow enough to sit
    // beside the editors on small screens.
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_totals);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previousButton);
    bar->addWidget(m_dateEdit);
    bar->addWidget(m_nextButton);
    bar->addWidget(m_todayButton);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(bar);
    layout->addWidget(m_timeline, 1);

    connect(m_previousButton, &QToolButton::clicked, this,
            [this] { setWeek(m_weekStart.addDays(-7)); });
    connect(m_nextButton, &QToolButton::clicked, this, [this] { setWeek(m_weekStart.addDays(7)); });
    connect(m_todayButton, &QToolButton::clicked, this, [this] { setWeek(today()); });
    connect(m_dateEdit, &QDateEdit::dateChanged, this, [this](QDate date) { setWeek(date); });
    setWeek(today());
}

QList<QWidget *> WeekPreview::focusOrder() const {
    return {m_previousButton, m_dateEdit, m_nextButton, m_todayButton, m_timeline};
}

QDate WeekPreview::today() const {
    return berlinToday(m_clock);
}

void WeekPreview::setHours(const OpeningHours &hours) {
    m_hours = hours;
    recompute();
}

void WeekPreview::setCentre(const Centre &centre) {
    m_centre = centre;
    recompute();
}

void WeekPreview::setWeek(QDate anyDay) {
    if (!anyDay.isValid())
        return;
    const QDate monday = mondayOf(anyDay);
    if (mondayOf(m_dateEdit->date()) != monday) {
        const QSignalBlocker blocker(m_dateEdit);
        m_dateEdit->setDate(anyDay);
    }
    if (monday == m_weekStart)
        return;
    m_weekStart = monday;
    recompute();
}

double WeekPreview::openHours(int dayIndex) const {
    return dayIndex >= 0 && dayIndex < m_plans.size()
               ? WeekTimeline::openHours(m_plans.at(dayIndex))
               : 0.0;
}

int WeekPreview::slots(int dayIndex) const {
    return dayIndex >= 0 && dayIndex < m_plans.size() ? m_plans.at(dayIndex).slots : 0;
}

int WeekPreview::totalSlots() const {
    int total = 0;
    for (const DayPlan &plan : m_plans)
        total += plan.slots;
    return total;
}

void WeekPreview::recompute() {
    if (!m_weekStart.isValid())
        return;
    m_plans = planWeek(m_hours, m_weekStart, std::max(1, m_centre.slotMinutes),
                       m_centre.capacityPerSlot(), berlinTimeZone());
    double hours = 0;
    for (int day = 0; day < m_plans.size(); ++day)
        hours += openHours(day);
    m_totals->setText(
        tr("Week %1: %2 h open, %3")
            .arg(m_weekStart.weekNumber())
            .arg(QLocale().toString(hours, 'f', 1), WeekTimeline::slotsText(totalSlots())));
    m_timeline->setPlans(m_plans, today());
    Q_EMIT updated();
}

} // namespace slotdesk

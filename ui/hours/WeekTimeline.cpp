#include "ui/hours/WeekTimeline.h"

#include "ui/hours/TimeText.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace slotdesk {

namespace {

constexpr int kHeaderHeight = 24;
constexpr int kMinRowHeight = 46;
constexpr int kMaxRowHeight = 72;
constexpr int kLegendHeight = 48; // room for two lines
constexpr int kLabelWidth = 140;
constexpr int kSummaryWidth = 100;
constexpr int kMargin = 8;

const QColor kOpenColour(0x2f, 0x85, 0x5a);
const QColor kSpecialColour(0xd9, 0x82, 0x1e);
const QColor kClosureColour(0x9c, 0xa3, 0xaf);
const QColor kLaneColour(0xf1, 0xf3, 0xf5);
const QColor kGridColour(0xd5, 0xd9, 0xde);
const QColor kLaneGridColour(0xe1, 0xe4, 0xe8);
const QColor kTodayColour(0x25, 0x63, 0xeb);
const QColor kClockChangeColour(0x25, 0x63, 0xeb, 70);

// The wall-clock minutes a clock change skips (spring, positive length) or repeats (autumn,
// negative) on `date`; {0, 0} on ordinary days.
struct ClockChange {
    int minute = 0;
    int shiftMinutes = 0;
};

ClockChange clockChangeOn(QDate date) {
    const QTimeZone zone = berlinTimeZone();
    const QDateTime from = date.startOfDay(zone);
    const QDateTime to = date.addDays(1).startOfDay(zone);
    const QTimeZone::OffsetDataList transitions = zone.transitions(from, to.addSecs(-1));
    if (transitions.isEmpty())
        return {};
    const QTimeZone::OffsetData &t = transitions.constFirst();
    const int before = zone.offsetFromUtc(t.atUtc.addSecs(-1));
    const QTime wall = t.atUtc.addSecs(before).toUTC().time();
    return {wall.hour() * 60 + wall.minute(), (t.offsetFromUtc - before) / 60};
}

} // namespace

WeekTimeline::WeekTimeline(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("weekTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void WeekTimeline::setPlans(const QList<DayPlan> &plans, QDate today) {
    m_plans = plans;
    m_today = today;
    // Show the hours that matter, with some air, but never less than a working day.
    int first = 24 * 60;
    int last = 0;
    for (const DayPlan &plan : plans) {
        for (const TimeRange &range : plan.wallClock) {
            first = std::min(first, range.startMinute);
            last = std::max(last, range.endMinute);
        }
    }
    if (first >= last) {
        m_firstHour = 6;
        m_lastHour = 20;
    } else {
        m_firstHour = std::max(0, first / 60 - 1);
        m_lastHour = std::min(24, (last + 59) / 60 + 1);
        while (m_lastHour - m_firstHour < 8) {
            m_firstHour = std::max(0, m_firstHour - 1);
            m_lastHour = std::min(24, m_lastHour + 1);
        }
    }
    update();
}

QSize WeekTimeline::sizeHint() const {
    return {720, kHeaderHeight + 7 * 56 + kLegendHeight};
}

QSize WeekTimeline::minimumSizeHint() const {
    return {kLabelWidth + kSummaryWidth + 160, kHeaderHeight + 7 * kMinRowHeight + kLegendHeight};
}

int WeekTimeline::rowHeight() const {
    return std::clamp((height() - kHeaderHeight - kLegendHeight) / 7, kMinRowHeight, kMaxRowHeight);
}

QString WeekTimeline::slotsText(int slots) {
    return slots == 1 ? tr("1 slot") : tr("%1 slots").arg(QLocale().toString(slots));
}

QString WeekTimeline::statusText(const DayPlan &plan) {
    switch (plan.status) {
    case DayStatus::Open:
        return tr("Open");
    case DayStatus::Closed:
        return tr("Closed");
    case DayStatus::ClosedByClosure:
        return plan.note.isEmpty() ? tr("Closure") : tr("Closure: %1").arg(plan.note);
    case DayStatus::SpecialHours:
        return plan.note.isEmpty() ? tr("Special hours") : tr("Special: %1").arg(plan.note);
    }
    return {};
}

double WeekTimeline::openHours(const DayPlan &plan) {
    qint64 seconds = 0;
    for (const OpenInterval &interval : plan.intervals)
        seconds += interval.seconds();
    return static_cast<double>(seconds) / 3600.0;
}

QRect WeekTimeline::timelineRect(int row) const {
    const int top = kHeaderHeight + row * rowHeight();
    const int barHeight = std::min(30, rowHeight() - 16);
    return QRect(kLabelWidth, top + (rowHeight() - barHeight) / 2,
                 width() - kLabelWidth - kSummaryWidth, barHeight);
}

int WeekTimeline::xForMinute(const QRect &lane, int minute) const {
    const int span = (m_lastHour - m_firstHour) * 60;
    const int clamped = std::clamp(minute - m_firstHour * 60, 0, span);
    return lane.left() + lane.width() * clamped / span;
}

int WeekTimeline::rowAt(int y) const {
    if (y < kHeaderHeight)
        return -1;
    const int row = (y - kHeaderHeight) / rowHeight();
    return row < m_plans.size() ? row : -1;
}

bool WeekTimeline::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos().y());
        if (row < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const DayPlan &plan = m_plans.at(row);
        QString text =
            QLocale().toString(plan.date, QLocale::LongFormat) % u'\n' % statusText(plan);
        if (!plan.wallClock.isEmpty())
            text += u'\n' % formatRanges(plan.wallClock);
        const ClockChange change = clockChangeOn(plan.date);
        if (change.shiftMinutes > 0)
            text += u'\n' % tr("Clocks go forward: %1\u2013%2 does not exist.")
                                .arg(formatMinute(change.minute),
                                     formatMinute(change.minute + change.shiftMinutes));
        else if (change.shiftMinutes < 0)
            text += u'\n' % tr("Clocks go back: %1\u2013%2 happens twice.")
                                .arg(formatMinute(change.minute + change.shiftMinutes),
                                     formatMinute(change.minute));
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void WeekTimeline::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    const QFont baseFont = font();
    QFont smallFont = baseFont;
    smallFont.setPointSizeF(baseFont.pointSizeF() * 0.85);
    QFont boldFont = baseFont;
    boldFont.setBold(true);

    // Hour grid and labels.
    const QRect firstLane = timelineRect(0);
    p.setFont(smallFont);
    // Labels every 1, 2, 3, 4 or 6 hours, whichever first leaves room between them.
    const int labelWidth = p.fontMetrics().horizontalAdvance(QStringLiteral("00:00")) + 8;
    const int pixelsPerHour = firstLane.width() / std::max(1, m_lastHour - m_firstHour);
    int step = 1;
    for (int candidate : {1, 2, 3, 4, 6}) {
        step = candidate;
        if (candidate * pixelsPerHour >= labelWidth)
            break;
    }
    for (int hour = m_firstHour; hour <= m_lastHour; hour += step) {
        const int x = xForMinute(firstLane, hour * 60);
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(x - 20, 2, 40, kHeaderHeight - 6), Qt::AlignCenter,
                   formatMinute(hour * 60));
    }

    for (int row = 0; row < m_plans.size(); ++row) {
        const DayPlan &plan = m_plans.at(row);
        const int top = kHeaderHeight + row * rowHeight();
        const QRect lane = timelineRect(row);
        if (plan.date == m_today)
            p.fillRect(QRect(0, top + 4, 3, rowHeight() - 8), kTodayColour);

        // Day label and status.
        p.setPen(palette().color(QPalette::Text));
        p.setFont(boldFont);
        const int middle = top + rowHeight() / 2;
        p.drawText(QRect(kMargin, middle - 19, kLabelWidth - 2 * kMargin, 18),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QLocale().toString(plan.date, QStringLiteral("ddd dd.MM.")));
        p.setFont(smallFont);
        p.setPen(plan.status == DayStatus::Open ? palette().color(QPalette::PlaceholderText)
                                                : QColor(0x6b, 0x46, 0x00));
        const QString status =
            clockChangeOn(plan.date).shiftMinutes != 0
                ? statusText(plan) % QStringLiteral(" \u00b7 ") % tr("clock change")
                : statusText(plan);
        p.drawText(QRect(kMargin, middle + 1, kLabelWidth - 2 * kMargin, 18),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(status, Qt::ElideRight, kLabelWidth - 2 * kMargin));

        // Lane with its bars.
        p.setPen(Qt::NoPen);
        p.setBrush(kLaneColour);
        p.drawRoundedRect(lane, 4, 4);
        p.setPen(kLaneGridColour);
        for (int hour = m_firstHour + 1; hour < m_lastHour; ++hour) {
            const int x = xForMinute(lane, hour * 60);
            p.drawLine(x, lane.top() + 1, x, lane.bottom() - 1);
        }
        p.setPen(Qt::NoPen);
        if (plan.status == DayStatus::ClosedByClosure) {
            p.setBrush(QBrush(kClosureColour, Qt::BDiagPattern));
            p.drawRoundedRect(lane, 4, 4);
            p.setPen(QColor(0x4b, 0x55, 0x63));
            p.drawText(lane, Qt::AlignCenter, statusText(plan));
        }
        const QColor barColour =
            plan.status == DayStatus::SpecialHours ? kSpecialColour : kOpenColour;
        QList<QRect> bars;
        for (const TimeRange &range : plan.wallClock) {
            bars.append(QRect(QPoint(xForMinute(lane, range.startMinute), lane.top()),
                              QPoint(xForMinute(lane, range.endMinute) - 1, lane.bottom())));
            p.setPen(Qt::NoPen);
            p.setBrush(barColour);
            p.drawRoundedRect(bars.constLast(), 4, 4);
        }
        // The clock change goes between the bars and their labels, so both stay readable.
        const ClockChange change = clockChangeOn(plan.date);
        paintClockChange(p, lane, change.minute, change.shiftMinutes);
        p.setFont(smallFont);
        for (qsizetype i = 0; i < bars.size(); ++i) {
            const TimeRange &range = plan.wallClock.at(i);
            const QString text =
                formatMinute(range.startMinute) % u'\u2013' % formatMinute(range.endMinute);
            if (p.fontMetrics().horizontalAdvance(text) + 8 < bars.at(i).width()) {
                p.setPen(Qt::white);
                p.drawText(bars.at(i), Qt::AlignCenter, text);
            }
        }

        // Summary: real open hours and slots.
        const int summaryLeft = width() - kSummaryWidth + kMargin;
        const int summaryWidth = kSummaryWidth - 2 * kMargin;
        p.setPen(plan.intervals.isEmpty() ? palette().color(QPalette::PlaceholderText)
                                          : palette().color(QPalette::Text));
        p.setFont(boldFont);
        p.drawText(QRect(summaryLeft, middle - 19, summaryWidth, 18),
                   Qt::AlignRight | Qt::AlignVCenter,
                   tr("%1 h").arg(QLocale().toString(openHours(plan), 'f', 1)));
        p.setFont(smallFont);
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(summaryLeft, middle + 1, summaryWidth, 18),
                   Qt::AlignRight | Qt::AlignVCenter, slotsText(plan.slots));
        p.setPen(kGridColour);
        p.drawLine(0, top + rowHeight() - 1, width(), top + rowHeight() - 1);
    }
    paintLegend(p, kHeaderHeight + 7 * rowHeight() + 8);
}

void WeekTimeline::paintClockChange(QPainter &p, const QRect &lane, int minute, int shift) {
    if (shift == 0)
        return;
    // Spring: the hour after `minute` does not exist. Autumn: the hour before it runs twice.
    const int first = shift > 0 ? minute : minute + shift;
    const int last = shift > 0 ? minute + shift : minute;
    const QRect band(QPoint(xForMinute(lane, first), lane.top() - 3),
                     QPoint(xForMinute(lane, last), lane.bottom() + 3));
    p.save();
    p.setPen(QPen(kTodayColour, 1, Qt::DashLine));
    p.setBrush(kClockChangeColour);
    p.drawRect(band);
    p.restore();
}

void WeekTimeline::paintLegend(QPainter &p, int top) {
    struct Entry {
        QBrush brush;
        QString text;
    };
    const Entry entries[] = {
        {kOpenColour, tr("Open (weekly hours)")},
        {kSpecialColour, tr("Special day")},
        {QBrush(kClosureColour, Qt::BDiagPattern), tr("Closure")},
        {kTodayColour, tr("Today")},
        {QBrush(QColor(0xc7, 0xd7, 0xfb)), tr("Clock change")},
    };
    // Entries flow into a second line when the preview is narrow.
    int x = kMargin;
    int y = top;
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (const Entry &entry : entries) {
        const int entryWidth = 20 + p.fontMetrics().horizontalAdvance(entry.text);
        if (x > kMargin && x + entryWidth > width() - kMargin) {
            x = kMargin;
            y += 20;
        }
        const QRect swatch(x, y + 3, 14, 12);
        p.fillRect(swatch, kLaneColour);
        p.fillRect(swatch, entry.brush);
        x += swatch.width() + 6;
        const int textWidth = p.fontMetrics().horizontalAdvance(entry.text);
        p.drawText(QRect(x, y, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        x += textWidth + 18;
    }
}

} // namespace slotdesk

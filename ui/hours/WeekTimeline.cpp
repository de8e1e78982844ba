#include "ui/hours/WeekTimeline.h"

#include "ui/hours/TimeText.h"
#include "ui/shell/Tones.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace slotdesk {

namespace {

constexpr int kDays = 7;
// Column widths in average characters, so they grow with the font.
constexpr int kLabelColumns = 18;
constexpr int kSummaryColumns = 13;

// The bars keep their meaning in every theme; their labels pick black or white by contrast.
const QColor kOpenColour(0x2f, 0x85, 0x5a);
const QColor kSpecialColour(0xd9, 0x82, 0x1e);
const QColor kClosureColour(0x9c, 0xa3, 0xaf);

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
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Week timeline"));
}

WeekTimeline::Metrics WeekTimeline::metrics() const {
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int margin = std::max(4, line / 2);
    const int minRow = 2 * line + margin + 4;
    return {line,
            line + 6,
            minRow,
            minRow + 2 * margin + 8,
            2 * (line + 4) + margin,
            fm.averageCharWidth() * kLabelColumns,
            fm.averageCharWidth() * kSummaryColumns,
            margin};
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
    m_current = std::clamp(m_current, 0, std::max(0, int(m_plans.size()) - 1));
    setAccessibleDescription(dayText(m_current));
    update();
}

QSize WeekTimeline::sizeHint() const {
    const Metrics m = metrics();
    return {m.label + m.summary + 30 * fontMetrics().averageCharWidth(),
            m.header + kDays * (m.minRow + m.maxRow) / 2 + m.legend};
}

QSize WeekTimeline::minimumSizeHint() const {
    const Metrics m = metrics();
    return {m.label + m.summary + 16 * fontMetrics().averageCharWidth(),
            m.header + kDays * m.minRow + m.legend};
}

int WeekTimeline::rowHeight() const {
    const Metrics m = metrics();
    return std::clamp((height() - m.header - m.legend) / kDays, m.minRow, m.maxRow);
}

QString WeekTimeline::dayText(int day) const {
    if (day < 0 || day >= m_plans.size())
        return {};
    const DayPlan &plan = m_plans.at(day);
    QString text = QLocale().toString(plan.date, QLocale::LongFormat) % u'\n' % statusText(plan);
    if (!plan.wallClock.isEmpty())
        text += u'\n' % formatRanges(plan.wallClock);
    text +=
        u'\n' %
        tr("%1 h open, %2").arg(QLocale().toString(openHours(plan), 'f', 1), slotsText(plan.slots));
    const ClockChange change = clockChangeOn(plan.date);
    if (change.shiftMinutes > 0)
        text += u'\n' % tr("Clocks go forward: %1\u2013%2 does not exist.")
                            .arg(formatMinute(change.minute),
                                 formatMinute(change.minute + change.shiftMinutes));
    else if (change.shiftMinutes < 0)
        text += u'\n' % tr("Clocks go back: %1\u2013%2 happens twice.")
                            .arg(formatMinute(change.minute + change.shiftMinutes),
                                 formatMinute(change.minute));
    return text;
}

void WeekTimeline::setCurrentDay(int day) {
    if (m_plans.isEmpty())
        return;
    day = std::clamp(day, 0, int(m_plans.size()) - 1);
    if (day == m_current)
        return;
    m_current = day;
    setAccessibleDescription(dayText(day));
    update();
    Q_EMIT currentDayChanged(day);
}

void WeekTimeline::showCurrentDay() {
    if (m_current >= m_plans.size())
        return;
    const QRect row(0, metrics().header + m_current * rowHeight(), width(), rowHeight());
    QToolTip::showText(mapToGlobal(row.bottomLeft()), dayText(m_current), this, row);
}

void WeekTimeline::keyPressEvent(QKeyEvent *event) {
    int day = m_current;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        --day;
        break;
    case Qt::Key_Down:
    case Qt::Key_Right:
        ++day;
        break;
    case Qt::Key_Home:
        day = 0;
        break;
    case Qt::Key_End:
        day = kDays - 1;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setCurrentDay(day);
    showCurrentDay();
}

void WeekTimeline::focusInEvent(QFocusEvent *event) {
    QWidget::focusInEvent(event);
    update();
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
        showCurrentDay();
}

void WeekTimeline::mousePressEvent(QMouseEvent *event) {
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0)
        setCurrentDay(row);
    QWidget::mousePressEvent(event);
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
    const Metrics m = metrics();
    const int top = m.header + row * rowHeight();
    const int barHeight = std::min(m.line * 2, rowHeight() - 2 * m.margin);
    return QRect(m.label, top + (rowHeight() - barHeight) / 2, width() - m.label - m.summary,
                 barHeight);
}

int WeekTimeline::xForMinute(const QRect &lane, int minute) const {
    const int span = (m_lastHour - m_firstHour) * 60;
    const int clamped = std::clamp(minute - m_firstHour * 60, 0, span);
    return lane.left() + lane.width() * clamped / span;
}

int WeekTimeline::rowAt(int y) const {
    const int header = metrics().header;
    if (y < header)
        return -1;
    const int row = (y - header) / rowHeight();
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
        QToolTip::showText(help->globalPos(), dayText(row), this);
        return true;
    }
    return QWidget::event(event);
}

void WeekTimeline::paintEvent(QPaintEvent *) {
    const Metrics m = metrics();
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor lane = tones::shade(pal, 0.06);
    const QColor laneGrid = tones::shade(pal, 0.14);
    const QColor grid = tones::shade(pal, 0.2);
    const QColor today = pal.color(QPalette::Highlight);

    QPainter p(this);
    p.fillRect(rect(), base);
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
    const int labelWidth = p.fontMetrics().horizontalAdvance(QStringLiteral("00:00")) + m.margin;
    const int pixelsPerHour = firstLane.width() / std::max(1, m_lastHour - m_firstHour);
    int step = 1;
    for (int candidate : {1, 2, 3, 4, 6}) {
        step = candidate;
        if (candidate * pixelsPerHour >= labelWidth)
            break;
    }
    p.setPen(muted);
    for (int hour = m_firstHour; hour <= m_lastHour; hour += step) {
        const int x = xForMinute(firstLane, hour * 60);
        p.drawText(QRect(x - labelWidth / 2, 2, labelWidth, m.header - 4), Qt::AlignCenter,
                   formatMinute(hour * 60));
    }

    const int textWidth = m.label - 2 * m.margin;
    for (int row = 0; row < m_plans.size(); ++row) {
        const DayPlan &plan = m_plans.at(row);
        const int top = m.header + row * rowHeight();
        const QRect laneRect = timelineRect(row);
        if (plan.date == m_today)
            p.fillRect(QRect(0, top + 4, 3, rowHeight() - 8), today);
        if (hasFocus() && row == m_current) {
            p.save();
            p.setPen(QPen(today, 1, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRect(1, top + 1, width() - 3, rowHeight() - 3));
            p.restore();
        }

        // Day label and status, one line each around the middle of the row.
        const int middle = top + rowHeight() / 2;
        p.setPen(text);
        p.setFont(boldFont);
        p.drawText(QRect(m.margin, middle - m.line - 1, textWidth, m.line),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QLocale().toString(plan.date, QStringLiteral("ddd dd.MM.")));
        p.setFont(smallFont);
        p.setPen(plan.status == DayStatus::Open ? muted
                                                : tones::ink(tones::warningAccent(), base, pal));
        const QString status =
            clockChangeOn(plan.date).shiftMinutes != 0
                ? statusText(plan) % QStringLiteral(" \u00b7 ") % tr("clock change")
                : statusText(plan);
        p.drawText(QRect(m.margin, middle + 1, textWidth, m.line), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(status, Qt::ElideRight, textWidth));

        // Lane with its bars.
        p.setPen(Qt::NoPen);
        p.setBrush(lane);
        p.drawRoundedRect(laneRect, 4, 4);
        p.setPen(laneGrid);
        for (int hour = m_firstHour + 1; hour < m_lastHour; ++hour) {
            const int x = xForMinute(laneRect, hour * 60);
            p.drawLine(x, laneRect.top() + 1, x, laneRect.bottom() - 1);
        }
        p.setPen(Qt::NoPen);
        if (plan.status == DayStatus::ClosedByClosure) {
            p.setBrush(QBrush(kClosureColour, Qt::BDiagPattern));
            p.drawRoundedRect(laneRect, 4, 4);
            p.setPen(text);
            p.drawText(laneRect, Qt::AlignCenter, statusText(plan));
        }
        const QColor barColour =
            plan.status == DayStatus::SpecialHours ? kSpecialColour : kOpenColour;
        QList<QRect> bars;
        for (const TimeRange &range : plan.wallClock) {
            bars.append(
                QRect(QPoint(xForMinute(laneRect, range.startMinute), laneRect.top()),
                      QPoint(xForMinute(laneRect, range.endMinute) - 1, laneRect.bottom())));
            p.setPen(Qt::NoPen);
            p.setBrush(barColour);
            p.drawRoundedRect(bars.constLast(), 4, 4);
        }
        // The clock change goes between the bars and their labels, so both stay readable.
        const ClockChange change = clockChangeOn(plan.date);
        paintClockChange(p, laneRect, change.minute, change.shiftMinutes);
        p.setFont(smallFont);
        p.setPen(tones::readableOn(barColour, pal));
        for (qsizetype i = 0; i < bars.size(); ++i) {
            const TimeRange &range = plan.wallClock.at(i);
            const QString label =
                formatMinute(range.startMinute) % u'\u2013' % formatMinute(range.endMinute);
            if (p.fontMetrics().horizontalAdvance(label) + m.margin < bars.at(i).width())
                p.drawText(bars.at(i), Qt::AlignCenter, label);
        }

        // Summary: real open hours and slots.
        const int summaryLeft = width() - m.summary + m.margin;
        const int summaryWidth = m.summary - 2 * m.margin;
        p.setPen(plan.intervals.isEmpty() ? muted : text);
        p.setFont(boldFont);
        p.drawText(QRect(summaryLeft, middle - m.line - 1, summaryWidth, m.line),
                   Qt::AlignRight | Qt::AlignVCenter,
                   tr("%1 h").arg(QLocale().toString(openHours(plan), 'f', 1)));
        p.setFont(smallFont);
        p.setPen(muted);
        p.drawText(QRect(summaryLeft, middle + 1, summaryWidth, m.line),
                   Qt::AlignRight | Qt::AlignVCenter, slotsText(plan.slots));
        p.setPen(grid);
        p.drawLine(0, top + rowHeight() - 1, width(), top + rowHeight() - 1);
    }
    p.setFont(baseFont);
    paintLegend(p, m.header + kDays * rowHeight() + m.margin);
}

void WeekTimeline::paintClockChange(QPainter &p, const QRect &lane, int minute, int shift) {
    if (shift == 0)
        return;
    // Spring: the hour after `minute` does not exist. Autumn: the hour before it runs twice.
    const int first = shift > 0 ? minute : minute + shift;
    const int last = shift > 0 ? minute + shift : minute;
    const QRect band(QPoint(xForMinute(lane, first), lane.top() - 3),
                     QPoint(xForMinute(lane, last), lane.bottom() + 3));
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(70);
    p.save();
    p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
    p.setBrush(fill);
    p.drawRect(band);
    p.restore();
}

void WeekTimeline::paintLegend(QPainter &p, int top) {
    struct Entry {
        QBrush brush;
        QString text;
    };
    const QColor highlight = palette().color(QPalette::Highlight);
    const Entry entries[] = {
        {kOpenColour, tr("Open (weekly hours)")},
        {kSpecialColour, tr("Special day")},
        {QBrush(kClosureColour, Qt::BDiagPattern), tr("Closure")},
        {highlight, tr("Today")},
        {tones::blend(palette().color(QPalette::Base), highlight, 0.3), tr("Clock change")},
    };
    // Entries flow into a second line when the preview is narrow.
    const Metrics m = metrics();
    const int swatchWidth = m.line;
    int x = m.margin;
    int y = top;
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (const Entry &entry : entries) {
        const int textWidth = p.fontMetrics().horizontalAdvance(entry.text);
        const int entryWidth = swatchWidth + m.margin + textWidth;
        if (x > m.margin && x + entryWidth > width() - m.margin) {
            x = m.margin;
            y += m.line + 4;
        }
        const QRect swatch(x, y + m.line / 4, swatchWidth, m.line / 2 + 2);
        p.fillRect(swatch, tones::shade(palette(), 0.06));
        p.fillRect(swatch, entry.brush);
        x += swatch.width() + m.margin / 2;
        p.drawText(QRect(x, y, textWidth, m.line), Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        x += textWidth + 2 * m.margin;
    }
}

} // namespace slotdesk

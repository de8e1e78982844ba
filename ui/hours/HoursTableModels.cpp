#include "ui/hours/HoursTableModels.h"

#include "ui/hours/TimeText.h"
#include "ui/shell/Tones.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QStyle>

namespace slotdesk {

namespace {

QString formatDate(QDate date) {
    return date.isValid() ? date.toString(QStringLiteral("ddd dd.MM.yyyy")) : QString();
}

} // namespace

int HoursTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : itemCount();
}

int HoursTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(headers().size());
}

QVariant HoursTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    return role == Qt::DisplayRole ? QVariant(headers().value(section)) : QVariant();
}

QVariant HoursTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto error = m_rowErrors.constFind(index.row());
    if (error != m_rowErrors.cend()) {
        // Background and text together, so the row reads in light and dark themes alike.
        const QPalette palette = QGuiApplication::palette();
        const QColor background = tones::tint(tones::errorAccent(), palette);
        if (role == Qt::BackgroundRole)
            return QBrush(background);
        if (role == Qt::ForegroundRole)
            return QBrush(tones::readableOn(background, palette));
        if (role == Qt::ToolTipRole)
            return *error;
        // The mark stays visible on a selected row, where the background is not.
        if (role == Qt::DecorationRole && index.column() == 0)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return cellData(index.row(), index.column(), role);
}

Qt::ItemFlags HoursTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool HoursTableModel::removeRows(int row, int count, const QModelIndex &parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > itemCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    eraseItems(row, count);
    endRemoveRows();
    // Row numbers shifted: old messages would point at the wrong rows.
    setRowErrors({});
    return true;
}

void HoursTableModel::setRowErrors(const QHash<int, QString> &errors) {
    if (errors.isEmpty() && m_rowErrors.isEmpty())
        return;
    m_rowErrors = errors;
    if (itemCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(itemCount() - 1, columnCount() - 1),
                           {Qt::BackgroundRole, Qt::ToolTipRole});
}

void HoursTableModel::cellEdited(const QModelIndex &index) {
    const bool hadError = m_rowErrors.remove(index.row());
    if (hadError)
        Q_EMIT dataChanged(this->index(index.row(), 0),
                           this->index(index.row(), columnCount() - 1));
    else
        Q_EMIT dataChanged(index, index);
}

// Weekly rules

QStringList WeeklyRulesModel::weekdayNames() {
    QStringList names;
    for (int day = 1; day <= 7; ++day)
        names.append(QLocale().dayName(day, QLocale::LongFormat));
    return names;
}

QStringList WeeklyRulesModel::kindNames() {
    return {tr("Open"), tr("Break")};
}

QStringList WeeklyRulesModel::headers() const {
    return {tr("Weekday"), tr("From"), tr("To"), tr("Kind")};
}

QString WeeklyRulesModel::headerToolTip(int section) const {
    return section == ToColumn
               ? tr("An end time of 00:00 means midnight at the end of the day (24:00).")
               : QString();
}

QVariant WeeklyRulesModel::cellData(int row, int column, int role) const {
    const WeeklyInterval &w = m_rows.at(row);
    // Every other weekday shaded, so the rows of one day read as a group; the text colour goes
    // with the shade.
    const bool shaded = w.weekday % 2 == 0;
    if (role == Qt::BackgroundRole || role == Qt::ForegroundRole) {
        const QPalette palette = QGuiApplication::palette();
        const QColor background = shaded ? tones::shade(palette) : palette.color(QPalette::Base);
        if (role == Qt::BackgroundRole)
            return shaded ? QVariant(QBrush(background)) : QVariant();
        if (column == KindColumn && w.isBreak)
            return QBrush(tones::ink(tones::warningAccent(), background, palette));
        return shaded ? QVariant(QBrush(tones::readableOn(background, palette))) : QVariant();
    }
    if (role == Qt::TextAlignmentRole && (column == FromColumn || column == ToColumn))
        return Qt::AlignCenter;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    switch (column) {
    case WeekdayColumn:
        return edit ? QVariant(w.weekday) : QVariant(weekdayNames().value(w.weekday - 1));
    case FromColumn:
        return edit ? QVariant(minuteToTime(w.range.startMinute))
                    : QVariant(formatMinute(w.range.startMinute));
    case ToColumn:
        return edit ? QVariant(minuteToTime(w.range.endMinute))
                    : QVariant(formatMinute(w.range.endMinute));
    case KindColumn:
        return edit ? QVariant(w.isBreak ? 1 : 0) : QVariant(kindNames().value(w.isBreak ? 1 : 0));
    default:
        return {};
    }
}

bool WeeklyRulesModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    WeeklyInterval &w = m_rows[index.row()];
    switch (index.column()) {
    case WeekdayColumn:
        if (value.toInt() < 1 || value.toInt() > 7)
            return false;
        w.weekday = value.toInt();
        break;
    case FromColumn:
        w.range.startMinute = timeToStartMinute(value.toTime());
        break;
    case ToColumn:
        w.range.endMinute = timeToEndMinute(value.toTime());
        break;
    case KindColumn:
        w.isBreak = value.toInt() == 1;
        break;
    default:
        return false;
    }
    cellEdited(index);
    return true;
}

// Closures

QStringList ClosuresModel::headers() const {
    return {tr("First day"), tr("Last day"), tr("Reason")};
}

QString ClosuresModel::headerToolTip(int section) const {
    return section == ReasonColumn ? tr("Shown in the week preview and to staff") : QString();
}

QVariant ClosuresModel::cellData(int row, int column, int role) const {
    const Closure &c = m_rows.at(row);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    switch (column) {
    case FirstColumn:
        return edit ? QVariant(c.first) : QVariant(formatDate(c.first));
    case LastColumn:
        return edit ? QVariant(c.last) : QVariant(formatDate(c.last));
    case ReasonColumn:
        return c.reason;
    default:
        return {};
    }
}

bool ClosuresModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Closure &c = m_rows[index.row()];
    switch (index.column()) {
    case FirstColumn:
        c.first = value.toDate();
        break;
    case LastColumn:
        c.last = value.toDate();
        break;
    case ReasonColumn:
        c.reason = value.toString().trimmed();
        break;
    default:
        return false;
    }
    cellEdited(index);
    return true;
}

// Special days

QStringList SpecialDaysModel::headers() const {
    return {tr("Date"), tr("Label"), tr("Open hours")};
}

QString SpecialDaysModel::headerToolTip(int section) const {
    return section == HoursColumn ? tr("One or more intervals, e.g. 08:00-12:00, 13:00-15:00")
                                  : QString();
}

QVariant SpecialDaysModel::cellData(int row, int column, int role) const {
    const SpecialDayRow &d = m_rows.at(row);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case DateColumn:
        return role == Qt::EditRole ? QVariant(d.date) : QVariant(formatDate(d.date));
    case LabelColumn:
        return d.label;
    case HoursColumn:
        return d.hoursText;
    default:
        return {};
    }
}

bool SpecialDaysModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    SpecialDayRow &d = m_rows[index.row()];
    switch (index.column()) {
    case DateColumn:
        d.date = value.toDate();
        break;
    case LabelColumn:
        d.label = value.toString().trimmed();
        break;
    case HoursColumn: {
        // Normalise text that parses, keep a typo as typed so it can be corrected.
        QList<TimeRange> ranges;
        d.hoursText = parseRanges(value.toString(), &ranges) ? formatRanges(ranges)
                                                             : value.toString().trimmed();
        break;
    }
    default:
        return false;
    }
    cellEdited(index);
    return true;
}

void SpecialDaysModel::setSpecialDays(const QList<SpecialDay> &days) {
    QList<SpecialDayRow> rows;
    rows.reserve(days.size());
    for (const SpecialDay &day : days)
        rows.append({day.date, day.label, formatRanges(day.open)});
    setRows(rows);
}

QList<SpecialDay> SpecialDaysModel::specialDays(QList<int> *unparsable) const {
    QList<SpecialDay> days;
    days.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const SpecialDayRow &row = m_rows.at(i);
        SpecialDay day{row.date, row.label, {}};
        if (!parseRanges(row.hoursText, &day.open) && unparsable)
            unparsable->append(static_cast<int>(i));
        days.append(day);
    }
    return days;
}

} // namespace slotdesk

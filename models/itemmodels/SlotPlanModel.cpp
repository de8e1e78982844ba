#include "models/itemmodels/SlotPlanModel.h"

#include <QLocale>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kDaysInLongestMonth = 31;

} // namespace

SlotPlanModel::SlotPlanModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int SlotPlanModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() || !m_plan || m_plan->dayCount() == 0)
        return 0;
    const QDate first = m_plan->first;
    const QDate last = m_plan->last;
    return (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
}

int SlotPlanModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : kDaysInLongestMonth;
}

QDate SlotPlanModel::monthOfRow(int row) const {
    if (!m_plan)
        return {};
    const QDate first = m_plan->first;
    return QDate(first.year(), first.month(), 1).addMonths(row);
}

QModelIndex SlotPlanModel::indexOf(QDate date) const {
    if (!m_plan || !date.isValid() || date < m_plan->first || date > m_plan->last)
        return {};
    const QDate first = m_plan->first;
    const int row = (date.year() - first.year()) * 12 + date.month() - first.month();
    return index(row, date.day() - 1);
}

SlotDayTotal SlotPlanModel::dayTotal(QDate date) const {
    if (!m_plan || !date.isValid() || date < m_plan->first || date > m_plan->last)
        return {};
    const int day = int(m_plan->first.daysTo(date));
    return m_service == allServices ? m_plan->dayTotal(day) : m_plan->total(day, m_service);
}

QVariant SlotPlanModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QDate month = monthOfRow(index.row());
    const QDate date = index.column() < month.daysInMonth()
                           ? QDate(month.year(), month.month(), index.column() + 1)
                           : QDate();
    const bool inPlan = date.isValid() && date >= m_plan->first && date <= m_plan->last;
    if (role == DateRole)
        return inPlan ? date : QDate();
    if (!inPlan)
        return {};
    const SlotDayTotal total = dayTotal(date);
    switch (role) {
    case Qt::DisplayRole:
    case SlotsRole:
        return total.slots;
    case PlacesRole:
        return total.places;
    case IntensityRole:
        return m_busiest > 0 ? double(total.places) / double(m_busiest) : 0.0;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return describeDay(date, total);
    default:
        return {};
    }
}

QVariant SlotPlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section + 1;
    const QDate month = monthOfRow(section);
    return month.isValid() ? QLocale().toString(month, QStringLiteral("MMMM yyyy")) : QString();
}

Qt::ItemFlags SlotPlanModel::flags(const QModelIndex &index) const {
    if (!index.isValid() || !data(index, DateRole).toDate().isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void SlotPlanModel::setPlan(std::shared_ptr<const SlotPlan> plan) {
    beginResetModel();
    m_plan = std::move(plan);
    if (!m_plan || m_service >= m_plan->services.size())
        m_service = allServices;
    recount();
    endResetModel();
}

void SlotPlanModel::setService(int service) {
    if (!m_plan || service < allServices || service >= m_plan->services.size())
        service = allServices;
    if (service == m_service)
        return;
    m_service = service;
    recount();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void SlotPlanModel::recount() {
    m_total = {};
    m_busiest = 0;
    if (!m_plan)
        return;
    for (int day = 0; day < m_plan->dayCount(); ++day) {
        const SlotDayTotal t =
            m_service == allServices ? m_plan->dayTotal(day) : m_plan->total(day, m_service);
        m_total.slots += t.slots;
        m_total.places += t.places;
        m_busiest = std::max(m_busiest, t.places);
    }
}

QString SlotPlanModel::describeDay(QDate date, const SlotDayTotal &total) {
    QString weekday = QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat);
    if (weekday.endsWith(u'.'))
        weekday.chop(1);
    const QString day = weekday + u' ' + date.toString(QStringLiteral("dd.MM."));
    return tr("%1: %2 slots, %3 places")
        .arg(day, QLocale().toString(total.slots), QLocale().toString(total.places));
}

} // namespace slotdesk

#include "models/itemmodels/CentreTableModel.h"

#include "models/domain/ServiceCatalogue.h"

#include <algorithm>

namespace slotdesk {

namespace {

QString addressText(const Centre &c) {
    QString text = c.street;
    const QString place = QStringList{c.postcode, c.city}.join(u' ').trimmed();
    if (!place.isEmpty())
        text = text.isEmpty() ? place : QString(text % QStringLiteral(", ") % place);
    return text;
}

QString servicesText(const Centre &c) {
    QStringList names;
    for (const QString &code : c.serviceCodes)
        names.append(serviceDisplayName(code));
    return names.join(QStringLiteral(", "));
}

// models links no Qt Gui, so QColor is reached through the meta-type system: in the console
// Qt Gui registers the QString -> QColor conversion; without Gui the role simply stays empty.
QVariant inactiveForeground() {
    QVariant colour(QStringLiteral("#808080"));
    if (!colour.convert(QMetaType(QMetaType::QColor)))
        return {};
    return colour;
}

} // namespace

CentreTableModel::CentreTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int CentreTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_centres.size());
}

int CentreTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CentreTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Centre &c = m_centres.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Kind:
            return c.kind == CentreKind::TestCentre ? tr("Test centre") : tr("Vaccination centre");
        case Address:
            return addressText(c);
        case Services:
            return servicesText(c);
        case Lanes:
            return c.lanes;
        case SlotMinutes:
            return tr("%n min", nullptr, c.slotMinutes);
        case Phone:
            return c.phone;
        case Active:
            return c.active ? tr("Active") : tr("Inactive");
        case Publication:
            if (const std::optional<PublishInfo> info = publishInfo(c.id))
                return publishStateText(info->state);
            return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Publication) {
            const std::optional<PublishInfo> info = publishInfo(c.id);
            if (info && info->state == PublishState::Conflict && !info->conflict.isEmpty())
                return tr("Conflict with the service: %1").arg(info->conflict);
            return {};
        }
        if (index.column() == Lanes)
            return tr("%n lane(s) with %1 person(s) each per slot", nullptr, c.lanes)
                .arg(c.capacityPerLane);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Lanes || index.column() == SlotMinutes)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        // Inactive centres stay listed (their history matters) but recede visually.
        return c.active ? QVariant() : inactiveForeground();
    case PublishStateRole:
        if (const std::optional<PublishInfo> info = publishInfo(c.id))
            return int(info->state);
        return {};
    case CentreIdRole:
        return c.id;
    case CentreRole:
        return QVariant::fromValue(c);
    case SearchTextRole:
        return QStringList{c.name, c.street,        c.postcode,
                           c.city, servicesText(c), c.serviceCodes.join(u' '),
                           c.phone}
            .join(u'\n');
    }
    return {};
}

QVariant CentreTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Address:
        return tr("Address");
    case Services:
        return tr("Services");
    case Lanes:
        return tr("Lanes");
    case SlotMinutes:
        return tr("Slot length");
    case Phone:
        return tr("Phone");
    case Active:
        return tr("Status");
    case Publication:
        return tr("Publishing");
    }
    return {};
}

void CentreTableModel::setCentres(const QList<Centre> &centres) {
    beginResetModel();
    m_centres = centres;
    endResetModel();
}

void CentreTableModel::upsert(const Centre &centre) {
    const int row = rowOf(centre.id);
    if (row >= 0) {
        m_centres[row] = centre;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int end = int(m_centres.size());
    beginInsertRows({}, end, end);
    m_centres.append(centre);
    endInsertRows();
}

void CentreTableModel::removeById(qint64 id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_centres.removeAt(row);
    endRemoveRows();
}

int CentreTableModel::rowOf(qint64 id) const {
    for (qsizetype i = 0; i < m_centres.size(); ++i) {
        if (m_centres.at(i).id == id)
            return int(i);
    }
    return -1;
}

CentreFilterModel::CentreFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CentreFilterModel::setSearchText(const QString &text) {
    const QString simplified = text.simplified();
    if (simplified == m_search)
        return;
    m_search = simplified;
    invalidateFilter();
}

void CentreFilterModel::setShowInactive(bool show) {
    if (show == m_showInactive)
        return;
    m_showInactive = show;
    invalidateFilter();
}

bool CentreFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const Centre centre = index.data(CentreTableModel::CentreRole).value<Centre>();
    if (!m_showInactive && !centre.active)
        return false;
    if (m_search.isEmpty())
        return true;
    const QString haystack = index.data(CentreTableModel::SearchTextRole).toString();
    // Every word must match somewhere, so "berlin pcr" narrows instead of widening.
    const QStringList words = m_search.split(u' ', Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
        return haystack.contains(word, Qt::CaseInsensitive);
    });
}

void CentreTableModel::setPublishStates(const QHash<qint64, PublishInfo> &states) {
    m_publish = states;
    if (!m_centres.isEmpty())
        Q_EMIT dataChanged(index(0, Publication), index(rowCount() - 1, Publication));
}

std::optional<CentreTableModel::PublishInfo> CentreTableModel::publishInfo(qint64 id) const {
    // value() rather than an iterator: GCC 12 -O2 warns inside QHash's inlined iterators.
    if (!m_publish.contains(id))
        return std::nullopt;
    return m_publish.value(id);
}

} // namespace slotdesk

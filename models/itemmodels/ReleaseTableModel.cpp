#include "models/itemmodels/ReleaseTableModel.h"

#include "models/domain/ServiceCatalogue.h"
#include "models/rules/ReleaseDraft.h"

#include <QDateTime>
#include <QLocale>

namespace slotdesk {

ReleaseTableModel::ReleaseTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int ReleaseTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReleaseTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

ReleaseState ReleaseTableModel::stateOf(const Release &release) {
    // The service computes the state at its "now"; the list shows that, not the console's.
    if (release.storedState == u"withdrawn")
        return ReleaseState::Withdrawn;
    if (release.storedState == u"sold_out")
        return ReleaseState::SoldOut;
    if (release.storedState == u"open")
        return ReleaseState::Open;
    return ReleaseState::Scheduled;
}

QString ReleaseTableModel::stateText(ReleaseState state) {
    switch (state) {
    case ReleaseState::Scheduled:
        return tr("scheduled");
    case ReleaseState::Open:
        return tr("open");
    case ReleaseState::SoldOut:
        return tr("sold out");
    case ReleaseState::Withdrawn:
        return tr("withdrawn");
    }
    return {};
}

QString ReleaseTableModel::centresText(const Release &release) const {
    QStringList names;
    for (const qint64 id : release.centreIds)
        names.append(m_centreNames.value(id, QStringLiteral("#%1").arg(id)));
    return names.join(QStringLiteral(", "));
}

QVariant ReleaseTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Release &r = m_rows.at(index.row());
    if (role == UuidRole)
        return r.uuid;
    if (role == StateRole)
        return int(stateOf(r));
    if (role == Qt::TextAlignmentRole && index.column() == Places)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Name:
        return r.name;
    case Centres:
        return centresText(r);
    case Services: {
        QStringList names;
        for (const QString &code : m_services.value(r.uuid))
            names.append(serviceDisplayName(code));
        return names.join(QStringLiteral(", "));
    }
    case OpensAt:
        return ReleaseDraftRules::openingText(QDateTime::fromSecsSinceEpoch(r.opensAt, Qt::UTC));
    case State:
        return stateText(stateOf(r));
    case Places:
        return tr("%1 / %2").arg(locale.toString(r.remaining), locale.toString(r.capacity));
    default:
        return {};
    }
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal ||
        (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (section) {
    case Name:
        return tr("Release");
    case Centres:
        return tr("Centres");
    case Services:
        return tr("Services");
    case OpensAt:
        return tr("Opens");
    case State:
        return tr("State");
    case Places:
        return tr("Remaining / total");
    default:
        return {};
    }
}

void ReleaseTableModel::setReleases(const QList<Release> &releases) {
    QHash<QString, int> incoming;
    for (int i = 0; i < releases.size(); ++i)
        incoming.insert(releases.at(i).uuid, i);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).uuid))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (const Release &release : releases) {
        const int row = rowOf(release.uuid);
        if (row >= 0) {
            m_rows[row] = release;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(release);
        endInsertRows();
    }
}

void ReleaseTableModel::setCentreNames(const QHash<qint64, QString> &names) {
    m_centreNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Centres), index(int(m_rows.size()) - 1, Centres));
}

void ReleaseTableModel::setServices(const QString &uuid, const QStringList &services) {
    m_services.insert(uuid, services);
    const int row = rowOf(uuid);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, Services), index(row, Services));
}

const Release *ReleaseTableModel::release(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ReleaseTableModel::rowOf(const QString &uuid) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).uuid == uuid)
            return row;
    }
    return -1;
}

} // namespace slotdesk

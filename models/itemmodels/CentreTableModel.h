#pragma once

#include "models/domain/Centre.h"
#include "models/rules/PublishState.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace slotdesk {

// The centres as a table. It holds a copy of the stored rows; the page that owns it refreshes
// it from the asynchronous store, so the view never waits for the disk.
class CentreTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Kind,
        Address,
        Services,
        Lanes,
        SlotMinutes,
        Phone,
        Active,
        Publication,
        ColumnCount
    };
    enum Role {
        CentreIdRole = Qt::UserRole + 1,
        CentreRole,
        SearchTextRole,
        PublishStateRole // int(PublishState); absent until the states are known
    };

    explicit CentreTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setCentres(const QList<Centre> &centres);
    void upsert(const Centre &centre); // insert or replace by id, emitting minimal signals
    void removeById(qint64 id);
    const QList<Centre> &centres() const { return m_centres; }
    int rowOf(qint64 id) const; // -1 when absent
    // Where each centre stands with the service, with the service's reason for a conflict.
    struct PublishInfo {
        PublishState state = PublishState::NotPublished;
        QString conflict;
    };
    void setPublishStates(const QHash<qint64, PublishInfo> &states);
    std::optional<PublishInfo> publishInfo(qint64 id) const;

private:
    QList<Centre> m_centres;
    QHash<qint64, PublishInfo> m_publish;
};

// Case-insensitive search over name, address, services and phone; optionally hides inactive.
class CentreFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CentreFilterModel(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    void setShowInactive(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    bool m_showInactive = true;
};

} // namespace slotdesk

#pragma once

#include "models/domain/Release.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace slotdesk {

// The service's releases as staff read them: name, centres, services, opening time ("Mi 10.02.
// 10:00", Berlin), state (geplant / offen / ausgebucht / zurückgezogen) and remaining / total
// places. Refreshing keeps rows in place (matched by uuid) so a selection survives the timer.
class ReleaseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Centres, Services, OpensAt, State, Places, ColumnCount };
    enum Role {
        UuidRole = Qt::UserRole + 1, // QString
        StateRole,                   // int (ReleaseState)
    };

    explicit ReleaseTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows with `releases`: changed rows are updated, new ones appended, gone ones
    // removed.
    void setReleases(const QList<Release> &releases);
    // The service's centre ids → names (from GET /api/v1/centres).
    void setCentreNames(const QHash<qint64, QString> &names);
    // Services of releases, by uuid; the service's list does not carry them, the console
    // knows those of the releases it sent.
    void setServices(const QString &uuid, const QStringList &services);

    const Release *release(int row) const;
    int rowOf(const QString &uuid) const;

    static ReleaseState stateOf(const Release &release);
    static QString stateText(ReleaseState state);

private:
    QString centresText(const Release &release) const;

    QList<Release> m_rows;
    QHash<qint64, QString> m_centreNames;
    QHash<QString, QStringList> m_services;
};

} // namespace slotdesk

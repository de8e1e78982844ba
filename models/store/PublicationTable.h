#pragma once

#include "models/rules/PublishState.h"
#include "models/store/StoreError.h"

#include <QHash>
#include <QSqlDatabase>

namespace slotdesk {

// The console's record of what it published per centre (centre_publications).
class PublicationTable {
public:
    explicit PublicationTable(QSqlDatabase db);

    // By centre id; a centre without a row has never been answered by the service.
    QHash<qint64, CentrePublication> all(StoreError *error) const;
    CentrePublication find(qint64 centreId, StoreError *error) const;
    // A successful publish: the revisions and digest sent, the conflict cleared.
    StoreError markPublished(const CentrePublication &publication);
    // Keeps what was last published; only the conflict and the service's version change.
    StoreError markConflict(qint64 centreId, const QString &reason,
                            const QJsonObject &serviceVersion);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

#pragma once

#include "models/domain/Centre.h"
#include "models/store/StoreError.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// The one writer of the centres table with its centre_services and lanes rows, shared by the
// console's CentreRepository, the service's publish route and the booking store. Runs inside
// the caller's transaction; validation is the caller's.
class CentreTable {
public:
    explicit CentreTable(QSqlDatabase db);

    // id == 0: inserts (assigns the uuid when empty, revision 1). Otherwise updates the row
    // with that id and bumps centre.revision (the caller read or checked it). Text fields are
    // stored trimmed. Lanes are never deleted (past slots may name them): surplus lanes are
    // switched off.
    StoreError write(Centre &centre, qint64 now);

    struct Identity {
        qint64 id = 0;
        int revision = 0;
    };
    std::optional<Identity> findByUuid(const QString &uuid) const;
    // revision + 1 for a change that belongs to the centre but not to its row (the service
    // counts a change of opening hours as a new revision of the centre).
    StoreError bumpRevision(qint64 id, qint64 now);
    // Whether a centre other than `uuid` has this folded name.
    bool nameTakenByOther(const QString &name, const QString &uuid) const;

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

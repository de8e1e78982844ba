#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/store/Batch.h"
#include "models/store/Database.h"

#include <optional>

namespace slotdesk {

// One centre with its services and lanes, by UUID, on any connection (the service reads what
// it published with it); empty value when there is none.
Stored<std::optional<Centre>> readCentreByUuid(const QSqlDatabase &db, const QString &uuid);

class CentreRepository {
public:
    CentreRepository(Database &db, const Clock &clock);

    QList<Centre> list(StoreError *error = nullptr) const; // active and inactive, by name
    std::optional<Centre> find(qint64 id) const;
    std::optional<Centre> findByName(const QString &name) const; // by centreNameKey

    // Validates, then inserts (id == 0: assigns id, uuid, revision 1) or updates (the stored
    // revision must equal centre.revision, else Conflict) together with services and lanes.
    StoreError save(Centre &centre);
    // Deactivation keeps the centre and all its history; it only hides it from new releases.
    StoreError setActive(qint64 id, bool active);
    // Only a centre without any history (slots, bookings) can be removed: used to undo a creation.
    StoreError remove(qint64 id);
    // All or nothing: every centre is validated first (against the stored ones and each other);
    // rows whose name matches a stored centre update it, others are inserted. Validation
    // errors name the item's fields as in save(); result->failedItems says which item each is.
    StoreError saveAll(QList<Centre> &centres, const BatchOptions &options = {},
                       BatchResult *result = nullptr);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace slotdesk

#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

namespace slotdesk {

// Opens the service's SQLite database: WAL (a commit survives kill -9 of the process),
// synchronous NORMAL or FULL, foreign keys, a generous page cache, and the schema migrated to
// the newest :/migrations file (PRAGMA user_version holds the version). No automatic WAL
// checkpoints on this connection: run a WalCheckpointer next to it.
// Interim: this carries its own small migration runner until models/store/Database (branch
// `store`) is merged; then it should become a thin wrapper around Database::open().
StoreError openServiceDatabase(const QString &path, bool syncFull, const QString &connectionName,
                               QSqlDatabase *db);

} // namespace slotdesk

#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

namespace slotdesk {

// Opens the service's SQLite database: WAL (a commit survives kill -9 of the process),
// synchronous NORMAL or FULL, foreign keys, a generous page cache, and the schema migrated by
// Database::migrate (the schema_version table the console uses too). No automatic WAL
// checkpoints on this connection: run a WalCheckpointer next to it.
StoreError openServiceDatabase(const QString &path, bool syncFull, const QString &connectionName,
                               QSqlDatabase *db);

} // namespace slotdesk

#include "service/ServiceDatabase.h"

#include "models/store/Database.h"
#include "models/store/WalWriteBuffer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

namespace {

StoreError ioError(const QString &message) {
    return StoreError{StoreError::Kind::Io, message, {}};
}

} // namespace

StoreError openServiceDatabase(const QString &path, bool syncFull, const QString &connectionName,
                               QSqlDatabase *db) {
    // One pwrite per commit instead of two per page (see WalWriteBuffer.h).
    installWalWriteBuffer();
    *db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db->setDatabaseName(path);
    if (!db->open())
        return ioError(db->lastError().text());
    const QString pragmas[] = {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        syncFull ? QStringLiteral("PRAGMA synchronous = FULL")
                 : QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA cache_size = -65536"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        // Checkpoints run on the WalCheckpointer's thread, not inside a booking commit.
        QStringLiteral("PRAGMA wal_autocheckpoint = 0"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(*db);
        if (!query.exec(pragma))
            return ioError(pragma % u": " % query.lastError().text());
    }
    // The same migrations and schema_version table as the console: one schema, one history.
    return Database::migrate(*db, Database::latestSchemaVersion());
}

} // namespace slotdesk

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
        // Database pages read through a memory map instead of one pread each: with 10 million
        // bookings the indexes no longer fit SQLite's cache, and every confirm reads several
        // random leaf pages (bench-results.md has the side-by-side runs). SQLite caps it at its
        // build's maximum (2 GB on Debian). Writes still go through the WAL; an I/O error on a
        // mapped page ends the process (SIGBUS) instead of failing one request, which a service on
        // its own disk can accept.
        QStringLiteral("PRAGMA mmap_size = 2147418112"),
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

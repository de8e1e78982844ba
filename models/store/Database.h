#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

#include <map>

namespace slotdesk {

// One SQLite connection (Qt Sql connections are per thread: create a Database in the thread that
// uses it). open() creates the file if needed, turns on WAL and foreign keys, and migrates the
// schema to latestSchemaVersion() with the .sql files under :/migrations.
class Database {
public:
    // FULL syncs every commit (the console: a power cut must not lose a saved form); NORMAL
    // only syncs at WAL checkpoints, which the booking service needs for its write rate.
    enum class Synchronous { Full, Normal };

    explicit Database(const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    StoreError open(const QString &path, Synchronous synchronous = Synchronous::Full);
    void close();
    bool isOpen() const;
    int schemaVersion() const;
    QSqlDatabase handle() const;

    static int latestSchemaVersion();
    // Migrates an open database up to `target` (for tests that build old fixtures).
    static StoreError migrate(QSqlDatabase &db, int target);
    // The version recorded in schema_version (0 for a new, empty database; -1 when unreadable).
    static int schemaVersion(const QSqlDatabase &db);

private:
    static StoreError migrateScripts(QSqlDatabase &db, int current,
                                     const std::map<int, QString> &pending);

    QString m_connectionName;
};

} // namespace slotdesk

#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

namespace slotdesk {

// One SQLite connection (Qt Sql connections are per thread: create a Database in the thread that
// uses it). open() creates the file if needed, turns on WAL and foreign keys, and migrates the
// schema to latestSchemaVersion() with the .sql files under :/migrations.
class Database {
public:
    explicit Database(const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    StoreError open(const QString &path);
    void close();
    bool isOpen() const;
    int schemaVersion() const;
    QSqlDatabase handle() const;

    static int latestSchemaVersion();
    // Migrates an open database up to `target` (for tests that build old fixtures).
    static StoreError migrate(QSqlDatabase &db, int target);

private:
    QString m_connectionName;
};

} // namespace slotdesk

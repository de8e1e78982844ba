#include "models/store/Database.h"

#include "models/store/SqlSupport.h"
#include "resources/ResourcePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>

#include <map>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct Store {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

StoreError makeError(StoreError::Kind kind, const QString &message) {
    StoreError error;
    error.kind = kind;
    error.message = message;
    return error;
}

// version -> resource path, from the NNNN_name.sql files compiled into the binary.
std::map<int, QString> migrationFiles() {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[A-Za-z0-9_]+\\.sql$"));
    std::map<int, QString> files;
    const QDir dir(migrationsResourceDir());
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch())
            files.emplace(match.captured(1).toInt(), dir.filePath(name));
    }
    return files;
}

bool hasTable(const QSqlDatabase &db, const QString &table) {
    QSqlQuery query(db);
    return sql::exec(
               query,
               QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"),
               {table}) &&
           query.next();
}

// A database that is not a SQLite file at all is refused before SQLite sees it: SQLite would
// only fail at the first statement, with a less helpful message.
bool looksLikeSqlite(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // let SQLite report the real problem
    const QByteArray head = file.read(16);
    return head.isEmpty() || head == QByteArrayLiteral("SQLite format 3\0");
}

StoreError newerSchemaError(int version) {
    return makeError(StoreError::Kind::Corrupt,
                     Store::tr("This database was created by a newer Slotdesk version (schema %1; "
                               "this version knows up to %2). Please update Slotdesk.")
                         .arg(version)
                         .arg(Database::latestSchemaVersion()));
}

int pragmaValue(QSqlDatabase &db, const QString &statement) {
    QSqlQuery query(db);
    return query.exec(statement) && query.next() ? query.value(0).toInt() : -1;
}

StoreError pragma(QSqlDatabase &db, const QString &statement) {
    QSqlQuery query(db);
    if (!query.exec(statement))
        return sql::toStoreError(query.lastError());
    return {};
}

} // namespace

Database::Database(const QString &connectionName)
    : m_connectionName(connectionName) {}

Database::~Database() {
    close();
}

StoreError Database::open(const QString &path, Synchronous synchronous) {
    close();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(
            StoreError::Kind::Io,
            Store::tr("The folder %1 cannot be created. Check the path and your access "
                      "rights.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));
    if (info.exists() && !looksLikeSqlite(path))
        return makeError(StoreError::Kind::Corrupt,
                         Store::tr("The file %1 is not a Slotdesk database.")
                             .arg(QDir::toNativeSeparators(path)));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            StoreError error =
                makeError(StoreError::Kind::Io,
                          Store::tr("The database %1 cannot be opened: %2")
                              .arg(QDir::toNativeSeparators(path), db.lastError().databaseText()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return error;
        }
    }
    const StoreError error = [&]() -> StoreError {
        QSqlDatabase db = handle();
        // busy_timeout first: the service may hold the write lock for a moment.
        if (StoreError e = pragma(db, QStringLiteral("PRAGMA busy_timeout = 5000")))
            return e;
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            StoreError e = sql::toStoreError(probe.lastError());
            if (e.kind == StoreError::Kind::Corrupt)
                e.message = Store::tr("The file %1 is not a Slotdesk database.")
                                .arg(QDir::toNativeSeparators(path));
            return e;
        }
        probe.next();
        const int objects = probe.value(0).toInt();
        probe.finish();
        if (objects > 0 && !hasTable(db, QStringLiteral("schema_version")))
            return makeError(
                StoreError::Kind::Corrupt,
                Store::tr("The file %1 is a database of another program, not a Slotdesk "
                          "database.")
                    .arg(QDir::toNativeSeparators(path)));
        // Refused before anything is written (even the journal mode), so that the newer
        // version still finds its file exactly as it left it.
        if (const int version = schemaVersion(db); version > latestSchemaVersion())
            return newerSchemaError(version);
        QSqlQuery wal(db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return sql::toStoreError(wal.lastError());
        if (!wal.next() || wal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
            return makeError(
                StoreError::Kind::Io,
                Store::tr("The database %1 cannot use write-ahead logging; is the folder "
                          "writable?")
                    .arg(QDir::toNativeSeparators(path)));
        wal.finish();
        if (StoreError e = pragma(db, QStringLiteral("PRAGMA foreign_keys = ON")))
            return e;
        if (StoreError e = pragma(db, synchronous == Synchronous::Full
                                          ? QStringLiteral("PRAGMA synchronous = FULL")
                                          : QStringLiteral("PRAGMA synchronous = NORMAL")))
            return e;
        return migrate(db, latestSchemaVersion());
    }();
    if (error)
        close();
    return error;
}

void Database::close() {
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const {
    return QSqlDatabase::contains(m_connectionName) && handle().isOpen();
}

int Database::schemaVersion() const {
    return isOpen() ? schemaVersion(handle()) : -1;
}

QSqlDatabase Database::handle() const {
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::latestSchemaVersion() {
    const std::map<int, QString> files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

int Database::schemaVersion(const QSqlDatabase &db) {
    if (!hasTable(db, QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) ||
        !query.next())
        return -1;
    return query.value(0).toInt();
}

StoreError Database::migrate(QSqlDatabase &db, int target) {
    const int current = schemaVersion(db);
    if (current < 0)
        return makeError(StoreError::Kind::Corrupt,
                         Store::tr("The schema version of the database cannot be read."));
    if (current > latestSchemaVersion())
        return newerSchemaError(current);

    std::map<int, QString> pending = migrationFiles();
    std::erase_if(
        pending, [&](const auto &entry) { return entry.first <= current || entry.first > target; });
    if (pending.empty())
        return {};

    // A migration may rebuild a table (SQLite cannot alter a constraint): SQLite's documented
    // procedure turns foreign keys off around it (the pragma is a no-op inside a transaction)
    // and checks them with foreign_key_check before committing.
    const bool foreignKeys = pragmaValue(db, QStringLiteral("PRAGMA foreign_keys")) == 1;
    if (foreignKeys) {
        if (StoreError e = pragma(db, QStringLiteral("PRAGMA foreign_keys = OFF")))
            return e;
    }
    const StoreError error = migrateScripts(db, current, pending);
    if (foreignKeys) {
        if (StoreError e = pragma(db, QStringLiteral("PRAGMA foreign_keys = ON")); e && !error)
            return e;
    }
    return error;
}

StoreError Database::migrateScripts(QSqlDatabase &db, int current,
                                    const std::map<int, QString> &pending) {
    // All pending versions commit together or not at all: a failing update leaves the file at
    // the version it had, never half-way between two versions.
    sql::Transaction transaction(db);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at INTEGER NOT NULL)")))
        return sql::toStoreError(query.lastError());
    for (const auto &[version, file] : pending) {
        QFile script(file);
        if (!script.open(QIODevice::ReadOnly))
            return makeError(
                StoreError::Kind::Corrupt,
                Store::tr("The database update %1 is missing from this build.").arg(file));
        const QStringList statements = sql::splitStatements(QString::fromUtf8(script.readAll()));
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                StoreError error = sql::toStoreError(query.lastError());
                error.message =
                    Store::tr("The database could not be updated to version %1; it was left "
                              "unchanged at version %2. (%3)")
                        .arg(version)
                        .arg(current)
                        .arg(query.lastError().databaseText());
                return error;
            }
        }
        if (!sql::exec(query,
                       QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                                      "VALUES (?, ?, CAST(strftime('%s', 'now') AS INTEGER))"),
                       {version, QFileInfo(file).completeBaseName()}))
            return sql::toStoreError(query.lastError());
    }
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return sql::toStoreError(query.lastError());
    if (query.next())
        return makeError(StoreError::Kind::Corrupt,
                         Store::tr("The database could not be updated: table %1 refers to rows "
                                   "that do not exist. It was left unchanged at version %2.")
                             .arg(query.value(0).toString())
                             .arg(current));
    query.finish();
    return transaction.commit();
}

} // namespace slotdesk

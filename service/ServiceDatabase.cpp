#include "service/ServiceDatabase.h"

#include "resources/ResourcePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

namespace {

StoreError ioError(const QString &message) {
    return StoreError{StoreError::Kind::Io, message, {}};
}

// Statements end with ';' at the end of a line; trigger bodies run from BEGIN to "END;".
QStringList splitStatements(const QString &script) {
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (current.trimmed().isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(u"--")))
            continue;
        current.append(line).append(u'\n');
        if (trimmed.startsWith(u"CREATE TRIGGER", Qt::CaseInsensitive))
            inTrigger = true;
        const QString code =
            trimmed.left(trimmed.indexOf(u"--") < 0 ? trimmed.size() : trimmed.indexOf(u"--"))
                .trimmed();
        if (inTrigger ? code.compare(u"END;", Qt::CaseInsensitive) == 0 : code.endsWith(u';')) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

StoreError migrate(QSqlDatabase &db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return ioError(query.lastError().text());
    const int current = query.value(0).toInt();
    query.finish();
    const QDir dir(migrationsResourceDir());
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    int newest = 0;
    for (const QString &name : files)
        newest = std::max(newest, name.left(4).toInt());
    if (current > newest)
        return StoreError{StoreError::Kind::Corrupt,
                          QCoreApplication::translate("ServiceDatabase",
                                                      "The database has schema version %1, newer "
                                                      "than this program knows (%2).")
                              .arg(current)
                              .arg(newest),
                          {}};
    for (const QString &name : files) {
        const int version = name.left(4).toInt();
        if (version <= current)
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return ioError(file.errorString());
        if (!db.transaction())
            return ioError(db.lastError().text());
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statements) {
            QSqlQuery step(db);
            if (!step.exec(statement)) {
                const QString message = name % u": " % step.lastError().text();
                db.rollback();
                return ioError(message);
            }
        }
        QSqlQuery version_(db);
        if (!version_.exec(u"PRAGMA user_version = " % QString::number(version)) || !db.commit()) {
            db.rollback();
            return ioError(db.lastError().text());
        }
    }
    return {};
}

} // namespace

StoreError openServiceDatabase(const QString &path, bool syncFull, const QString &connectionName,
                               QSqlDatabase *db) {
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
    return migrate(*db);
}

} // namespace slotdesk

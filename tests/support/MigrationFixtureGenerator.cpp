// Writes the migration fixtures tests/data/migrations/slotdesk-vN.sqlite: one database per
// earlier schema version, built the way a real installation grew. For every version k up to N it
// applies migration k (Database::migrate) and then fill-vk.sql, the rows an installation at that
// version would have written. See tests/data/migrations/README.md.

#include "models/store/Database.h"
#include "models/store/SqlSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTextStream>

using namespace slotdesk;

namespace {

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

bool exec(QSqlDatabase &db, const QString &statement) {
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    err() << statement << ": " << query.lastError().text() << Qt::endl;
    return false;
}

bool applyFill(QSqlDatabase &db, const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    const QStringList statements = sql::splitStatements(QString::fromUtf8(file.readAll()));
    sql::Transaction transaction(db);
    for (const QString &statement : statements) {
        if (!exec(db, statement))
            return false;
    }
    return transaction.commit().ok();
}

bool generate(const QDir &source, const QDir &output, int version) {
    const QString path = output.filePath(QStringLiteral("slotdesk-v%1.sqlite").arg(version));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    const QString connection = QStringLiteral("fixture-v%1").arg(version);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        // The pragmas Database::open sets, so the file looks like one a console had used.
        ok = db.open() && exec(db, QStringLiteral("PRAGMA journal_mode = WAL")) &&
             exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
        for (int k = 1; ok && k <= version; ++k) {
            const StoreError error = Database::migrate(db, k);
            if (error) {
                err() << path << ": " << error.message << Qt::endl;
                ok = false;
                break;
            }
            ok = applyFill(db, source.filePath(QStringLiteral("fill-v%1.sql").arg(k)));
        }
        // Fixed dates keep regenerated files comparable; the file is compacted and the WAL
        // folded in so that only the .sqlite file has to be committed.
        ok = ok &&
             exec(db, QStringLiteral("UPDATE schema_version SET applied_at = 1767225600 + "
                                     "version * 2592000")) &&
             exec(db, QStringLiteral("PRAGMA foreign_key_check")) &&
             exec(db, QStringLiteral("VACUUM")) &&
             exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (ok)
        QTextStream(stdout) << "wrote " << path << Qt::endl;
    return ok;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        err() << "usage: " << args.value(0)
              << " <tests/data/migrations> [version...]\n"
                 "Without versions, writes a fixture for every version before the latest ("
              << Database::latestSchemaVersion() << ")." << Qt::endl;
        return 2;
    }
    const QDir dir(args.at(1));
    QList<int> versions;
    for (qsizetype i = 2; i < args.size(); ++i)
        versions.append(args.at(i).toInt());
    if (versions.isEmpty()) {
        for (int v = 1; v < Database::latestSchemaVersion(); ++v)
            versions.append(v);
    }
    for (const int version : std::as_const(versions)) {
        if (version < 1 || version > Database::latestSchemaVersion()) {
            err() << "no schema version " << version << Qt::endl;
            return 2;
        }
        if (!generate(dir, dir, version))
            return 1;
    }
    return 0;
}

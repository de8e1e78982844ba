#pragma once

#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"

#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStringList>

namespace slotdesk::test {

// "Now" of the store tests: a Wednesday in late November 2026, 10:00 in Berlin.
QDateTime storeTestNow();

// A centre that passes validation; tests change single fields to provoke one error at a time.
Centre sampleCentre(const QString &name, CentreKind kind = CentreKind::TestCentre);
// Weekly hours with a break, a closure ahead of storeTestNow() and a special day with two
// intervals.
OpeningHours sampleHours(qint64 centreId);

// A plain Qt Sql connection to a database file, without Database's migrations or pragmas, so
// tests can look at (or prepare) a file exactly as it is. Closed when destroyed.
class RawConnection {
public:
    explicit RawConnection(const QString &path);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    // Runs one statement; on failure warns with the SQL error and returns false.
    bool exec(const QString &statement);

private:
    QString m_name;
    QSqlDatabase m_db;
};

qint64 countRows(const QSqlDatabase &db, const QString &table);
// The user tables (no sqlite_ internals), sorted.
QStringList tableNames(const QSqlDatabase &db);
QStringList columnNames(const QSqlDatabase &db, const QString &table);
// Every row of `table` as "column=value|..." in rowid order, restricted to `columns` (all when
// empty): compares the data before and after a migration that may add columns.
QStringList tableRows(const QSqlDatabase &db, const QString &table, QStringList columns = {});
// The schema in a normalised text form: every table with its columns, foreign keys and CHECKs,
// every index and trigger, sorted and with whitespace folded.
QStringList schemaDump(const QSqlDatabase &db);

QByteArray fileBytes(const QString &path);

// Waits (running the event loop) until the future has finished and returns its result.
template <typename T> T awaitResult(QFuture<T> future, int timeoutMs = 15000) {
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        if (!future.isFinished())
            finished.wait(timeoutMs);
    }
    return future.result();
}

} // namespace slotdesk::test

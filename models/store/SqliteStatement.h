#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <array>

struct sqlite3;
struct sqlite3_stmt;

namespace slotdesk {

// A statement prepared with SQLite's own API on the connection of a QSqlDatabase (the same
// sqlite3 handle, so it shares the connection's transactions). For the statements that run
// once per booking: QSqlQuery in Qt 6.4 builds a placeholder name with QString::arg for every
// bind and binds text as UTF-16, which SQLite
// then converts again. Text is bound as UTF-8 and kept alive here until the next bind.
class SqliteStatement {
public:
    // The connection's sqlite3 handle; nullptr when the database is not an open QSQLITE one.
    static sqlite3 *handleOf(const QSqlDatabase &db);

    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Prepares `sql` (once; later calls with the statement prepared do nothing) and resets it,
    // ready for binding. False when preparing failed (errorText() says why).
    bool prepare(sqlite3 *db, const char *sql);
    bool isPrepared() const { return m_stmt != nullptr; }

    // Parameters are numbered from 1, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, QStringView text);
    void bindText(int index, const QByteArray &utf8);
    void bindBlob(int index, const QByteArray &bytes);

    // Runs the statement: true when it finished (SQLITE_DONE) or produced a row (then row() is
    // true and the columns can be read until reset()). False on an error.
    bool step();
    bool row() const { return m_row; }
    qint64 int64(int column) const;
    // Ends the run: releases the statement's read snapshot and lets it be run again.
    void reset();

    // Rows changed by the last step of an INSERT/UPDATE/DELETE on this connection.
    int changes() const;
    qint64 lastInsertId() const;
    // SQLite's message for the last failure, e.g. "UNIQUE constraint failed: bookings.code".
    QString errorText() const;

private:
    static constexpr int maxTextParameters = 16;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_row = false;
    std::array<QByteArray, maxTextParameters> m_text; // UTF-8 bound without copying
};

} // namespace slotdesk

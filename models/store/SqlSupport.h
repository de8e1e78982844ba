#pragma once

#include "models/store/StoreError.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <initializer_list>

namespace slotdesk::sql {

// Primary SQLite result codes (the low byte of an extended code).
enum Code {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoErr = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADb = 26
};

int primaryCode(const QSqlError &error);
// Maps a failed statement to the store's error kinds with a message for staff.
StoreError toStoreError(const QSqlError &error);
bool isUniqueViolationOn(const QSqlError &error, const QString &column);

// Trimmed text for a NOT NULL column. QSqlQuery binds a null QString as SQL NULL, and an empty
// CSV cell or form field often is one.
QString trimmedText(const QString &text);

// Text as given, for a NOT NULL DEFAULT '' column: a null QString (an absent optional field)
// becomes the empty string instead of SQL NULL.
QString notNullText(const QString &text);

// Prepares and runs one statement with positional bindings.
bool exec(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values = {});

// BEGIN IMMEDIATE so that a writer takes the write lock up front (no deadlock upgrading a read
// lock in WAL mode); rolls back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const StoreError &beginError() const { return m_error; }
    StoreError commit();
    void rollback();

private:
    QSqlDatabase m_db;
    StoreError m_error;
    bool m_active = false;
};

// Splits a migration script into statements: ';' ends a statement outside quotes and comments,
// except inside a trigger body (BEGIN ... END), which stays whole.
QStringList splitStatements(const QString &script);

} // namespace slotdesk::sql

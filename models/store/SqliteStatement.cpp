#include "models/store/SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace slotdesk {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db) {
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // The QSQLITE driver hands out its sqlite3 pointer under this type name.
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_stmt);
}

bool SqliteStatement::prepare(sqlite3 *db, const char *sql) {
    if (!m_stmt) {
        m_db = db;
        if (!db || sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) !=
                       SQLITE_OK) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
            return false;
        }
    }
    reset();
    return true;
}

void SqliteStatement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, QStringView text) {
    bindText(index, text.toUtf8());
}

void SqliteStatement::bindText(int index, const QByteArray &utf8) {
    Q_ASSERT(index >= 1 && index <= maxTextParameters);
    // A null QByteArray would bind SQL NULL; the columns are NOT NULL DEFAULT ''.
    QByteArray &kept = m_text[std::size_t(index - 1)];
    kept = utf8.isNull() ? QByteArrayLiteral("") : utf8;
    sqlite3_bind_text(m_stmt, index, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes) {
    Q_ASSERT(index >= 1 && index <= maxTextParameters);
    QByteArray &kept = m_text[std::size_t(index - 1)];
    kept = bytes;
    sqlite3_bind_blob(m_stmt, index, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

bool SqliteStatement::step() {
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    m_row = rc == SQLITE_ROW;
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

void SqliteStatement::reset() {
    m_row = false;
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

int SqliteStatement::changes() const {
    return m_db ? sqlite3_changes(m_db) : 0;
}

qint64 SqliteStatement::lastInsertId() const {
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

QString SqliteStatement::errorText() const {
    if (!m_db)
        return QStringLiteral("not an SQLite connection");
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace slotdesk

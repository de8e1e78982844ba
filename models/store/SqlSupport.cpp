#include "models/store/SqlSupport.h"

#include <QCoreApplication>

namespace slotdesk::sql {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct Store {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

int primaryCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

bool isUniqueViolationOn(const QSqlError &error, const QString &column) {
    return primaryCode(error) == Constraint && error.databaseText().contains(u"UNIQUE") &&
           error.databaseText().contains(column);
}

StoreError toStoreError(const QSqlError &error) {
    StoreError result;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (primaryCode(error)) {
    case Full:
        result.kind = StoreError::Kind::Io;
        result.message =
            Store::tr("The disk is full. Nothing was saved; free some space and try again.");
        break;
    case ReadOnly:
        result.kind = StoreError::Kind::Io;
        result.message = Store::tr("The database file is read-only. Nothing was saved.");
        break;
    case Busy:
    case Locked:
        result.kind = StoreError::Kind::Io;
        result.message = Store::tr("The database is locked by another program. Nothing was saved; "
                                   "please try again.");
        break;
    case Corrupt:
    case NotADb:
        result.kind = StoreError::Kind::Corrupt;
        result.message =
            Store::tr("The database file is damaged or is not a Slotdesk database (%1).")
                .arg(detail);
        break;
    case Constraint:
        result.kind = StoreError::Kind::Conflict;
        result.message =
            Store::tr("The change conflicts with data already stored. Nothing was saved (%1).")
                .arg(detail);
        break;
    default:
        result.kind = StoreError::Kind::Io;
        result.message =
            Store::tr("The database could not be read or written. Nothing was saved (%1).")
                .arg(detail);
        break;
    }
    return result;
}

QString trimmedText(const QString &text) {
    const QString trimmed = text.trimmed();
    return trimmed.isNull() ? QStringLiteral("") : trimmed;
}

QString notNullText(const QString &text) {
    return text.isNull() ? QStringLiteral("") : text;
}

bool exec(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values) {
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)) {
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        m_active = true;
    else
        m_error = toStoreError(query.lastError());
}

Transaction::~Transaction() {
    rollback();
}

StoreError Transaction::commit() {
    if (!m_active)
        return m_error;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const StoreError error = toStoreError(query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback() {
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

QStringList splitStatements(const QString &script) {
    QStringList statements;
    QString current;
    QString firstWords; // the statement's leading words, to recognise CREATE ... TRIGGER
    QString word;
    int blockDepth = 0; // BEGIN/CASE ... END nesting inside a trigger body
    bool inTrigger = false;

    const auto endWord = [&] {
        if (word.isEmpty())
            return;
        const QString upper = word.toUpper();
        if (firstWords.count(u' ') < 4) {
            firstWords += upper % u' ';
            if (firstWords.startsWith(u"CREATE ") && upper == u"TRIGGER")
                inTrigger = true;
        }
        if (inTrigger) {
            if (upper == u"BEGIN" || upper == u"CASE")
                ++blockDepth;
            else if (upper == u"END" && blockDepth > 0)
                --blockDepth;
        }
        word.clear();
    };
    const auto endStatement = [&] {
        const QString text = current.trimmed();
        if (!text.isEmpty())
            statements.append(text);
        current.clear();
        firstWords.clear();
        inTrigger = false;
        blockDepth = 0;
    };

    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            endWord();
            while (i < n && script.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            endWord();
            const qsizetype close = script.indexOf(QStringLiteral("*/"), i + 2);
            i = close < 0 ? n : close + 1;
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`') {
            endWord();
            // A doubled quote inside a literal is an escaped quote; copying both keeps it.
            qsizetype j = i + 1;
            while (j < n && script.at(j) != c)
                ++j;
            current += script.mid(i, j - i + 1);
            i = j;
            continue;
        }
        if (isWordChar(c)) {
            word += c;
            current += c;
            continue;
        }
        endWord();
        if (c == u';' && !(inTrigger && blockDepth > 0)) {
            current += c;
            endStatement();
            continue;
        }
        current += c;
    }
    endWord();
    endStatement();
    return statements;
}

} // namespace slotdesk::sql

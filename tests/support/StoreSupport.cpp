#include "tests/support/StoreSupport.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

namespace slotdesk::test {

QDateTime storeTestNow() {
    return QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
}

Centre sampleCentre(const QString &name, CentreKind kind) {
    Centre c;
    c.name = name;
    c.street = QStringLiteral("Marktplatz 1");
    c.postcode = QStringLiteral("01067");
    c.city = QStringLiteral("Dresden");
    c.kind = kind;
    c.serviceCodes = kind == CentreKind::TestCentre
                         ? QStringList{QStringLiteral("pcr"), QStringLiteral("rapid_antigen")}
                         : QStringList{QStringLiteral("vaccine_comirnaty")};
    c.lanes = 2;
    c.capacityPerLane = 3;
    c.slotMinutes = 15;
    c.phone = QStringLiteral("0351 123456");
    return c;
}

OpeningHours sampleHours(qint64 centreId) {
    OpeningHours h;
    h.centreId = centreId;
    h.weekly = {{1, {8 * 60, 12 * 60}, false},
                {1, {13 * 60, 18 * 60}, false},
                {2, {8 * 60, 18 * 60}, false},
                {2, {12 * 60, 12 * 60 + 30}, true},
                {6, {9 * 60, 14 * 60}, false}};
    h.closures = {{QDate(2026, 12, 24), QDate(2026, 12, 26), QStringLiteral("Weihnachten")}};
    h.specialDays = {{QDate(2026, 12, 31),
                      QStringLiteral("Silvester"),
                      {{8 * 60, 12 * 60}, {13 * 60, 14 * 60}}}};
    return h;
}

RawConnection::RawConnection(const QString &path) {
    static QAtomicInteger<int> counter;
    m_name = QStringLiteral("slotdesk-test-raw-%1").arg(counter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(m_db.lastError().text()));
}

RawConnection::~RawConnection() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawConnection::exec(const QString &statement) {
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return false;
}

namespace {

QStringList column(QSqlQuery &query, int index) {
    QStringList values;
    while (query.next())
        values.append(query.value(index).toString());
    return values;
}

QString quoted(const QString &identifier) {
    return u'"' % QString(identifier).replace(u'"', QStringLiteral("\"\"")) % u'"';
}

QString rowText(const QSqlQuery &query, int columns, const QString &separator) {
    QStringList values;
    for (int i = 0; i < columns; ++i) {
        const QVariant value = query.value(i);
        values.append(query.record().fieldName(i) % u'=' %
                      (value.isNull() ? QStringLiteral("NULL") : value.toString()));
    }
    return values.join(separator);
}

// The rows of a PRAGMA that describes one table, as text lines tagged with `tag`.
QStringList pragmaRows(const QSqlDatabase &db, const QString &pragma, const QString &table,
                       const QString &tag) {
    QSqlQuery query(db);
    QStringList lines;
    if (!query.exec(QStringLiteral("PRAGMA ") % pragma % u'(' % quoted(table) % u')'))
        return {tag % QStringLiteral(" unreadable: ") % query.lastError().text()};
    while (query.next())
        lines.append(tag % u' ' % rowText(query, query.record().count(), QStringLiteral(" ")));
    return lines;
}

} // namespace

qint64 countRows(const QSqlDatabase &db, const QString &table) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") % quoted(table)) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList tableNames(const QSqlDatabase &db) {
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite_%' ORDER BY name"));
    return column(query, 0);
}

QStringList columnNames(const QSqlDatabase &db, const QString &table) {
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA table_info(") % quoted(table) % u')');
    return column(query, 1);
}

QStringList tableRows(const QSqlDatabase &db, const QString &table, QStringList columns) {
    if (columns.isEmpty())
        columns = columnNames(db, table);
    QStringList selected;
    for (const QString &c : std::as_const(columns))
        selected.append(quoted(c));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") % selected.join(u',') % QStringLiteral(" FROM ") %
                    quoted(table) % QStringLiteral(" ORDER BY rowid")))
        return {QStringLiteral("unreadable: ") % query.lastError().text()};
    QStringList rows;
    while (query.next())
        rows.append(rowText(query, int(columns.size()), QStringLiteral("|")));
    return rows;
}

QStringList schemaDump(const QSqlDatabase &db) {
    QStringList lines;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT "
                              "LIKE 'sqlite_%' ORDER BY type, name"));
    while (query.next()) {
        // CREATE statements as written (with CHECKs and partial-index conditions), whitespace
        // folded so that formatting of the migration files does not matter.
        lines.append(query.value(0).toString() % u' ' % query.value(1).toString() %
                     QStringLiteral(" on ") % query.value(2).toString() % QStringLiteral(": ") %
                     query.value(3).toString().simplified());
    }
    for (const QString &table : tableNames(db)) {
        lines += pragmaRows(db, QStringLiteral("table_xinfo"), table, table % u'.' % u"column");
        lines += pragmaRows(db, QStringLiteral("foreign_key_list"), table, table % u".fk");
        lines += pragmaRows(db, QStringLiteral("index_list"), table, table % u".index");
    }
    return lines;
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace slotdesk::test

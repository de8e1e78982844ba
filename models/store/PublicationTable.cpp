#include "models/store/PublicationTable.h"

#include "models/store/SqlSupport.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace slotdesk {

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT centre_id, centre_revision, hours_digest, service_revision, published_at, conflict, "
    "service_version FROM centre_publications");

CentrePublication fromRow(const QSqlQuery &q) {
    CentrePublication p;
    p.centreId = q.value(0).toLongLong();
    p.centreRevision = q.value(1).toInt();
    p.hoursDigest = q.value(2).toString().toLatin1();
    p.serviceRevision = q.value(3).toInt();
    p.publishedAt = q.value(4).toLongLong();
    p.conflict = q.value(5).toString();
    p.serviceVersion = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    return p;
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

QString jsonText(const QJsonObject &object) {
    if (object.isEmpty())
        return QStringLiteral("");
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

PublicationTable::PublicationTable(QSqlDatabase db)
    : m_db(std::move(db)) {}

QHash<qint64, CentrePublication> PublicationTable::all(StoreError *error) const {
    QHash<qint64, CentrePublication> result;
    QSqlQuery q(m_db);
    if (!sql::exec(q, selectColumns)) {
        *error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next()) {
        const CentrePublication p = fromRow(q);
        result.insert(p.centreId, p);
    }
    return result;
}

CentrePublication PublicationTable::find(qint64 centreId, StoreError *error) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q, selectColumns + QStringLiteral(" WHERE centre_id = ?"), {centreId})) {
        *error = sql::toStoreError(q.lastError());
        return {};
    }
    if (!q.next()) {
        CentrePublication none;
        none.centreId = centreId;
        return none;
    }
    return fromRow(q);
}

StoreError PublicationTable::markPublished(const CentrePublication &p) {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("INSERT INTO centre_publications (centre_id, centre_revision, "
                                  "hours_digest, service_revision, published_at, conflict, "
                                  "service_version) VALUES (?, ?, ?, ?, ?, '', '') "
                                  "ON CONFLICT (centre_id) DO UPDATE SET "
                                  "centre_revision = excluded.centre_revision, "
                                  "hours_digest = excluded.hours_digest, "
                                  "service_revision = excluded.service_revision, "
                                  "published_at = excluded.published_at, conflict = '', "
                                  "service_version = ''"),
                   {p.centreId, p.centreRevision, text(QString::fromLatin1(p.hoursDigest)),
                    p.serviceRevision, p.publishedAt}))
        return sql::toStoreError(q.lastError());
    return {};
}

StoreError PublicationTable::markConflict(qint64 centreId, const QString &reason,
                                          const QJsonObject &serviceVersion) {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("INSERT INTO centre_publications (centre_id, conflict, "
                                  "service_version) VALUES (?, ?, ?) "
                                  "ON CONFLICT (centre_id) DO UPDATE SET "
                                  "conflict = excluded.conflict, "
                                  "service_version = excluded.service_version"),
                   {centreId, text(reason), jsonText(serviceVersion)}))
        return sql::toStoreError(q.lastError());
    return {};
}

} // namespace slotdesk

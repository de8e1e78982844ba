#include "models/booking/PersonKeyRekey.h"

#include "models/booking/PersonKey.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slotdesk {

namespace {

StoreError failed(QSqlDatabase &db, const QSqlQuery &query) {
    const QString text = query.lastError().text();
    db.rollback();
    return StoreError{StoreError::Kind::Io, text, {}};
}

} // namespace

StoreError PersonKeyRekey::run(QSqlDatabase db, const QByteArray &pepper, qint64 now,
                               Result *result) {
    *result = {};
    if (!db.transaction())
        return StoreError{StoreError::Kind::Io, db.lastError().text(), {}};
    QSqlQuery done(db);
    done.prepare(QStringLiteral("SELECT 1 FROM person_key_rekeys WHERE scheme = ?"));
    done.addBindValue(QString::fromLatin1(scheme()));
    if (!done.exec())
        return failed(db, done);
    if (done.next()) {
        done.finish();
        db.rollback();
        return {};
    }
    done.finish();

    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT id, family_name, given_name, birth_date, service_code, "
                                  "state FROM bookings ORDER BY id")))
        return failed(db, rows);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE bookings SET person_key = ? WHERE id = ?"));
    // (key, service) of active bookings re-keyed so far → how many share it.
    QHash<QByteArray, int> active;
    while (rows.next()) {
        QByteArray key = PersonKey::make(pepper, rows.value(1).toString(), rows.value(2).toString(),
                                         QDate::fromString(rows.value(3).toString(), Qt::ISODate));
        const QString state = rows.value(5).toString();
        if (state == u"confirmed" || state == u"checked_in") {
            int &seen = active[key + '|' + rows.value(4).toString().toUtf8()];
            if (seen > 0) {
                key += '\xff' + QByteArray::number(seen);
                ++result->merged;
            }
            ++seen;
        }
        update.bindValue(0, key);
        update.bindValue(1, rows.value(0).toLongLong());
        if (!update.exec())
            return failed(db, update);
        ++result->bookings;
    }
    rows.finish();
    QSqlQuery record(db);
    record.prepare(QStringLiteral("INSERT INTO person_key_rekeys (scheme, bookings, merged, "
                                  "done_at) VALUES (?, ?, ?, ?)"));
    record.addBindValue(QString::fromLatin1(scheme()));
    record.addBindValue(result->bookings);
    record.addBindValue(result->merged);
    record.addBindValue(now);
    if (!record.exec())
        return failed(db, record);
    if (!db.commit())
        return StoreError{StoreError::Kind::Io, db.lastError().text(), {}};
    result->ran = true;
    return {};
}

} // namespace slotdesk

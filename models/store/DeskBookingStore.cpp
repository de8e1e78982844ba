#include "models/store/DeskBookingStore.h"

#include "models/store/SqlSupport.h"

#include <QStringBuilder>

namespace slotdesk {

namespace {

const QString bookingColumns = QStringLiteral(
    "SELECT b.id, b.code, b.state, b.service_code, b.family_name, b.given_name, b.birth_date, "
    "b.phone, b.email, b.channel, b.created_at, b.updated_at, s.starts_at, s.minutes, c.id, "
    "c.uuid FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN centres c ON c.id = "
    "s.centre_id ");

DeskBooking rowToBooking(const QSqlQuery &q) {
    DeskBooking b;
    b.id = q.value(0).toLongLong();
    b.code = q.value(1).toString();
    b.state = q.value(2).toString();
    b.service = q.value(3).toString();
    b.familyName = q.value(4).toString();
    b.givenName = q.value(5).toString();
    b.birthDate = q.value(6).toString();
    b.phone = q.value(7).toString();
    b.email = q.value(8).toString();
    b.channel = q.value(9).toString();
    b.createdAt = q.value(10).toLongLong();
    b.updatedAt = q.value(11).toLongLong();
    b.startsAt = q.value(12).toLongLong();
    b.minutes = q.value(13).toInt();
    b.centreId = q.value(14).toLongLong();
    b.centreUuid = q.value(15).toString();
    return b;
}

} // namespace

DeskBookingStore::DeskBookingStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Stored<QList<DeskBooking>> DeskBookingStore::list(const DeskBookingFilter &filter) const {
    QStringList where;
    QVariantList binds;
    if (filter.centreUuid) {
        where.append(QStringLiteral("c.uuid = ?"));
        binds.append(*filter.centreUuid);
    }
    if (!filter.centreIds.isEmpty()) {
        QStringList marks;
        for (qint64 id : filter.centreIds) {
            marks.append(QStringLiteral("?"));
            binds.append(id);
        }
        where.append(QStringLiteral("c.id IN (") % marks.join(u',') % u')');
    }
    if (filter.startsFrom) {
        where.append(QStringLiteral("s.starts_at >= ?"));
        binds.append(*filter.startsFrom);
    }
    if (filter.startsUntil) {
        where.append(QStringLiteral("s.starts_at < ?"));
        binds.append(*filter.startsUntil);
    }
    if (filter.state) {
        where.append(QStringLiteral("b.state = ?"));
        binds.append(*filter.state);
    }
    if (filter.releaseId) {
        where.append(QStringLiteral("s.release_id = ?"));
        binds.append(*filter.releaseId);
    }
    if (filter.after) {
        where.append(QStringLiteral("(s.starts_at, b.id) > (?, ?)"));
        binds.append(filter.after->first);
        binds.append(filter.after->second);
    }
    QString text = bookingColumns;
    if (!where.isEmpty())
        text += QStringLiteral("WHERE ") % where.join(QStringLiteral(" AND ")) % u' ';
    text += QStringLiteral("ORDER BY s.starts_at, b.id LIMIT ?");
    binds.append(filter.limit);

    Stored<QList<DeskBooking>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(text);
    for (const QVariant &value : std::as_const(binds))
        q.addBindValue(value);
    if (!q.exec()) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    while (q.next())
        result.value.append(rowToBooking(q));
    return result;
}

Stored<std::optional<DeskBooking>> DeskBookingStore::findByCode(const QString &code) const {
    Stored<std::optional<DeskBooking>> result;
    QSqlQuery q(m_db);
    if (!sql::exec(q, bookingColumns % QStringLiteral("WHERE b.code = ?"), {code})) {
        result.error = sql::toStoreError(q.lastError());
        return result;
    }
    if (q.next())
        result.value = rowToBooking(q);
    return result;
}

std::optional<qint64> DeskBookingStore::lastArrival(qint64 bookingId) const {
    QSqlQuery q(m_db);
    if (!sql::exec(q,
                   QStringLiteral("SELECT MAX(at) FROM check_ins WHERE booking_id = ? AND kind = "
                                  "'arrival'"),
                   {bookingId}) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool DeskBookingStore::checkIn(const DeskBooking &booking, const QString &desk, qint64 staffId,
                               qint64 now) {
    QSqlQuery update(m_db);
    if (!sql::exec(update,
                   QStringLiteral("UPDATE bookings SET state = 'checked_in', updated_at = ? WHERE "
                                  "id = ? AND state = 'confirmed'"),
                   {now, booking.id}) ||
        update.numRowsAffected() != 1)
        return false;
    QSqlQuery insert(m_db);
    return sql::exec(
        insert,
        QStringLiteral("INSERT INTO check_ins (booking_id, centre_id, desk, "
                       "staff_id, kind, at) VALUES (?, ?, ?, ?, 'arrival', ?)"),
        {booking.id, booking.centreId, desk.isNull() ? QStringLiteral("") : desk, staffId, now});
}

} // namespace slotdesk

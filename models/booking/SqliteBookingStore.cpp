#include "models/booking/SqliteBookingStore.h"

#include "models/booking/EventLog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

namespace slotdesk {

namespace {

const QString bookingColumns = QStringLiteral(
    "b.id, b.code, b.slot_id, b.service_code, b.person_key, b.family_name, b.given_name, "
    "b.birth_date, b.phone, b.email, b.state, b.channel, b.created_at, b.updated_at, "
    "s.centre_id, s.starts_at, s.minutes");

// Qt binds a null QString as SQL NULL; NOT NULL DEFAULT '' columns need an empty string.
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

StoreError conflict(const QString &reason) {
    return StoreError{StoreError::Kind::Conflict, reason, {}};
}

} // namespace

struct SqliteBookingStore::Statements {
    explicit Statements(const QSqlDatabase &db)
        : activeByPerson(db)
        , byCode(db)
        , idempotencyByKey(db)
        , takePlace(db)
        , insertBooking(db)
        , cancelBooking(db)
        , givePlaceBack(db)
        , insertIdempotency(db) {}
    QSqlQuery activeByPerson;
    QSqlQuery byCode;
    QSqlQuery idempotencyByKey;
    QSqlQuery takePlace;
    QSqlQuery insertBooking;
    QSqlQuery cancelBooking;
    QSqlQuery givePlaceBack;
    QSqlQuery insertIdempotency;
};

SqliteBookingStore::SqliteBookingStore(QSqlDatabase db, EventLog &eventLog)
    : m_db(std::move(db))
    , m_eventLog(eventLog)
    , m_sql(std::make_unique<Statements>(m_db)) {}

SqliteBookingStore::~SqliteBookingStore() = default;

QSqlQuery &SqliteBookingStore::prepared(QSqlQuery &query, const QString &sql) {
    if (query.lastQuery().isEmpty()) {
        query.setForwardOnly(true);
        query.prepare(sql);
    }
    return query;
}

StoreError SqliteBookingStore::fail(StoreError::Kind kind, const QString &what,
                                    const QSqlQuery &query) {
    qWarning("booking store: %s: %s", qPrintable(what), qPrintable(query.lastError().text()));
    return StoreError{
        kind,
        QCoreApplication::translate("SqliteBookingStore", "The booking database failed: %1")
            .arg(query.lastError().text()),
        {}};
}

StoreError SqliteBookingStore::rollback(StoreError error) {
    m_db.rollback();
    return error;
}

StoreError SqliteBookingStore::loadCentres(QList<CentreRecord> *centres) {
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, uuid, name, street, postcode, city, kind, "
                                   "slot_minutes, phone, active FROM centres ORDER BY id")))
        return fail(StoreError::Kind::Io, QStringLiteral("load centres"), query);
    while (query.next()) {
        CentreRecord c;
        c.id = query.value(0).toLongLong();
        c.uuid = query.value(1).toString();
        c.name = query.value(2).toString();
        c.street = query.value(3).toString();
        c.postcode = query.value(4).toString();
        c.city = query.value(5).toString();
        c.kind = query.value(6).toString();
        c.slotMinutes = query.value(7).toInt();
        c.phone = query.value(8).toString();
        c.active = query.value(9).toInt() != 0;
        centres->append(c);
    }
    QSqlQuery services(m_db);
    services.setForwardOnly(true);
    if (!services.exec(QStringLiteral("SELECT centre_id, service_code FROM centre_services "
                                      "ORDER BY centre_id, service_code")))
        return fail(StoreError::Kind::Io, QStringLiteral("load centre services"), services);
    while (services.next()) {
        const qint64 id = services.value(0).toLongLong();
        for (CentreRecord &c : *centres) {
            if (c.id == id)
                c.services.append(services.value(1).toString());
        }
    }
    return {};
}

StoreError SqliteBookingStore::loadSlots(qint64 fromStartsAt, QList<SlotRecord> *slots) {
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, centre_id, service_code, starts_at, minutes, "
                                 "capacity, booked FROM slots WHERE starts_at >= ? ORDER BY id"));
    query.addBindValue(fromStartsAt);
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("load slots"), query);
    while (query.next()) {
        SlotRecord s;
        s.id = query.value(0).toLongLong();
        s.centreId = query.value(1).toLongLong();
        s.service = query.value(2).toString();
        s.startsAt = query.value(3).toLongLong();
        s.minutes = query.value(4).toInt();
        s.capacity = query.value(5).toInt();
        s.booked = query.value(6).toInt();
        slots->append(s);
    }
    return {};
}

StoreError SqliteBookingStore::insertCentre(CentreRecord *centre, qint64 now) {
    if (!m_db.transaction())
        return StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}};
    if (centre->uuid.isEmpty())
        centre->uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO centres (uuid, name, name_key, street, postcode, city, kind, slot_minutes, "
        "phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(centre->uuid);
    query.addBindValue(text(centre->name));
    query.addBindValue(centre->name.simplified().toCaseFolded());
    query.addBindValue(text(centre->street));
    query.addBindValue(text(centre->postcode));
    query.addBindValue(text(centre->city));
    query.addBindValue(text(centre->kind));
    query.addBindValue(centre->slotMinutes);
    query.addBindValue(text(centre->phone));
    query.addBindValue(centre->active ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec())
        return rollback(fail(StoreError::Kind::Conflict, QStringLiteral("insert centre"), query));
    centre->id = query.lastInsertId().toLongLong();
    QSqlQuery service(m_db);
    service.prepare(
        QStringLiteral("INSERT INTO centre_services (centre_id, service_code) VALUES (?, ?)"));
    for (const QString &code : std::as_const(centre->services)) {
        service.addBindValue(centre->id);
        service.addBindValue(code);
        if (!service.exec())
            return rollback(
                fail(StoreError::Kind::Validation, QStringLiteral("insert service"), service));
    }
    if (!m_db.commit())
        return rollback(StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}});
    return {};
}

StoreError SqliteBookingStore::insertSlots(QList<SlotRecord> *slots, const QString &eventType,
                                           const QJsonObject &payload, qint64 now, Event *event) {
    const qint64 seqBefore = m_eventLog.lastSeq();
    if (!m_db.transaction())
        return StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO slots (centre_id, service_code, starts_at, minutes, "
                                 "capacity, booked) VALUES (?, ?, ?, ?, ?, ?)"));
    for (SlotRecord &slot : *slots) {
        query.addBindValue(slot.centreId);
        query.addBindValue(slot.service);
        query.addBindValue(slot.startsAt);
        query.addBindValue(slot.minutes);
        query.addBindValue(slot.capacity);
        query.addBindValue(slot.booked);
        if (!query.exec())
            return rollback(fail(StoreError::Kind::Conflict, QStringLiteral("insert slot"), query));
        slot.id = query.lastInsertId().toLongLong();
    }
    *event = m_eventLog.append(eventType, payload, now);
    if (event->seq == 0) {
        m_eventLog.rollbackTo(seqBefore);
        return rollback(StoreError{StoreError::Kind::Io, QStringLiteral("event append"), {}});
    }
    if (!m_db.commit()) {
        m_eventLog.rollbackTo(seqBefore);
        return rollback(StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}});
    }
    return {};
}

StoreError SqliteBookingStore::readBooking(QSqlQuery &query, std::optional<BookingRecord> *found) {
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("read booking"), query);
    found->reset();
    if (query.next()) {
        BookingRecord b;
        b.id = query.value(0).toLongLong();
        b.code = query.value(1).toString();
        b.slotId = query.value(2).toLongLong();
        b.service = query.value(3).toString();
        b.personKey = query.value(4).toString();
        b.familyName = query.value(5).toString();
        b.givenName = query.value(6).toString();
        b.birthDate = QDate::fromString(query.value(7).toString(), Qt::ISODate);
        b.phone = query.value(8).toString();
        b.email = query.value(9).toString();
        b.state = query.value(10).toString();
        b.channel = query.value(11).toString();
        b.createdAt = query.value(12).toLongLong();
        b.updatedAt = query.value(13).toLongLong();
        b.centreId = query.value(14).toLongLong();
        b.startsAt = query.value(15).toLongLong();
        b.minutes = query.value(16).toInt();
        *found = std::move(b);
    }
    // Ends the read statement so it holds no snapshot of the WAL while idle.
    query.finish();
    return {};
}

StoreError SqliteBookingStore::activeBookingOf(const QString &personKey, const QString &service,
                                               std::optional<BookingRecord> *found) {
    // The WHERE repeats the partial index's condition so SQLite uses that index.
    QSqlQuery &query = prepared(
        m_sql->activeByPerson,
        u"SELECT " % bookingColumns %
            u" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.person_key = ? AND "
            u"b.service_code = ? AND b.state IN ('confirmed', 'checked_in')");
    query.bindValue(0, personKey);
    query.bindValue(1, service);
    return readBooking(query, found);
}

StoreError SqliteBookingStore::bookingByCode(const QString &code,
                                             std::optional<BookingRecord> *found) {
    QSqlQuery &query =
        prepared(m_sql->byCode, u"SELECT " % bookingColumns %
                                    u" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE "
                                    u"b.code = ?");
    query.bindValue(0, code);
    return readBooking(query, found);
}

StoreError SqliteBookingStore::idempotency(const QString &key,
                                           std::optional<IdempotencyRecord> *found) {
    QSqlQuery &query = prepared(m_sql->idempotencyByKey,
                                QStringLiteral("SELECT fingerprint, status, body, created_at FROM "
                                               "idempotency_keys WHERE key = ?"));
    query.bindValue(0, key);
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("read idempotency key"), query);
    found->reset();
    if (query.next()) {
        *found = IdempotencyRecord{key, query.value(0).toByteArray(), query.value(1).toInt(),
                                   query.value(2).toByteArray(), query.value(3).toLongLong()};
    }
    query.finish();
    return {};
}

StoreError SqliteBookingStore::insertIdempotency(const IdempotencyRecord &record) {
    QSqlQuery &query = prepared(m_sql->insertIdempotency,
                                QStringLiteral("INSERT INTO idempotency_keys (key, fingerprint, "
                                               "status, body, created_at) VALUES (?, ?, ?, ?, ?)"));
    query.bindValue(0, record.key);
    query.bindValue(1, record.fingerprint);
    query.bindValue(2, record.status);
    query.bindValue(3, record.body);
    query.bindValue(4, record.createdAt);
    if (!query.exec())
        return fail(StoreError::Kind::Conflict, QStringLiteral("insert idempotency key"), query);
    return {};
}

StoreError SqliteBookingStore::beginBatch() {
    Q_ASSERT(m_batchSeq < 0);
    // IMMEDIATE: the write lock from the start, so the seq read below is the newest one even
    // when another connection of the service wrote events.
    QSqlQuery begin(m_db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return StoreError{StoreError::Kind::Io, begin.lastError().text(), {}};
    if (!m_eventLog.resync()) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return StoreError{StoreError::Kind::Io, QStringLiteral("read the last event seq"), {}};
    }
    m_batchSeq = m_eventLog.lastSeq();
    return {};
}

StoreError SqliteBookingStore::commitBatch() {
    Q_ASSERT(m_batchSeq >= 0);
    if (!m_db.commit()) {
        const StoreError error{StoreError::Kind::Io, m_db.lastError().text(), {}};
        rollbackBatch();
        return error;
    }
    m_batchSeq = -1;
    return {};
}

void SqliteBookingStore::rollbackBatch() {
    if (m_batchSeq < 0)
        return;
    m_db.rollback();
    m_eventLog.rollbackTo(m_batchSeq);
    m_batchSeq = -1;
}

StoreError SqliteBookingStore::confirm(BookingRecord *booking, const IdempotencyRecord *idempotency,
                                       const QString &eventType, const QJsonObject &payload,
                                       Event *event) {
    Q_ASSERT(m_batchSeq >= 0);
    // The insert goes first: its unique indexes refuse a second booking of the person or a
    // colliding code without any write, so such a conflict needs no undo inside the batch.
    QSqlQuery &insert = prepared(
        m_sql->insertBooking,
        QStringLiteral("INSERT INTO bookings (code, slot_id, service_code, person_key, "
                       "family_name, given_name, birth_date, phone, email, state, channel, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.bindValue(0, booking->code);
    insert.bindValue(1, booking->slotId);
    insert.bindValue(2, booking->service);
    insert.bindValue(3, booking->personKey);
    insert.bindValue(4, text(booking->familyName));
    insert.bindValue(5, text(booking->givenName));
    insert.bindValue(6, booking->birthDate.toString(Qt::ISODate));
    insert.bindValue(7, text(booking->phone));
    insert.bindValue(8, text(booking->email));
    insert.bindValue(9, booking->state);
    insert.bindValue(10, booking->channel);
    insert.bindValue(11, booking->createdAt);
    insert.bindValue(12, booking->updatedAt);
    if (!insert.exec()) {
        const QString text = insert.lastError().databaseText();
        if (text.contains(u"bookings.person_key"))
            return conflict(QStringLiteral("person_has_booking"));
        if (text.contains(u"bookings.code"))
            return conflict(QStringLiteral("code_taken"));
        return fail(StoreError::Kind::Io, QStringLiteral("insert booking"), insert);
    }
    booking->id = insert.lastInsertId().toLongLong();

    QSqlQuery &take =
        prepared(m_sql->takePlace, QStringLiteral("UPDATE slots SET booked = booked + 1 WHERE "
                                                  "id = ? AND booked < capacity"));
    take.bindValue(0, booking->slotId);
    if (!take.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("take place"), take);
    if (take.numRowsAffected() != 1) {
        // Only another writer on the same database gets here: undo this booking's insert.
        QSqlQuery undo(m_db);
        undo.prepare(QStringLiteral("DELETE FROM bookings WHERE id = ?"));
        undo.addBindValue(booking->id);
        if (!undo.exec())
            return fail(StoreError::Kind::Io, QStringLiteral("undo booking"), undo);
        return conflict(QStringLiteral("slot_full"));
    }
    if (idempotency) {
        if (StoreError error = insertIdempotency(*idempotency))
            return error;
    }
    *event = m_eventLog.append(eventType, payload, booking->createdAt);
    if (event->seq == 0)
        return StoreError{StoreError::Kind::Io, QStringLiteral("event append"), {}};
    return {};
}

StoreError SqliteBookingStore::cancel(const BookingRecord &booking, qint64 now,
                                      const IdempotencyRecord *idempotency,
                                      const QString &eventType, const QJsonObject &payload,
                                      Event *event) {
    Q_ASSERT(m_batchSeq >= 0);
    QSqlQuery &cancel =
        prepared(m_sql->cancelBooking, QStringLiteral("UPDATE bookings SET state = 'cancelled', "
                                                      "updated_at = ? WHERE id = ? AND state = "
                                                      "'confirmed'"));
    cancel.bindValue(0, now);
    cancel.bindValue(1, booking.id);
    if (!cancel.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("cancel booking"), cancel);
    if (cancel.numRowsAffected() != 1)
        return conflict(QStringLiteral("not_active"));
    QSqlQuery &giveBack =
        prepared(m_sql->givePlaceBack, QStringLiteral("UPDATE slots SET booked = booked - 1 "
                                                      "WHERE id = ? AND booked > 0"));
    giveBack.bindValue(0, booking.slotId);
    if (!giveBack.exec() || giveBack.numRowsAffected() != 1)
        return fail(StoreError::Kind::Io, QStringLiteral("give place back"), giveBack);
    if (idempotency) {
        if (StoreError error = insertIdempotency(*idempotency))
            return error;
    }
    *event = m_eventLog.append(eventType, payload, now);
    if (event->seq == 0)
        return StoreError{StoreError::Kind::Io, QStringLiteral("event append"), {}};
    return {};
}

StoreError SqliteBookingStore::pruneIdempotency(qint64 olderThan) {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"));
    query.addBindValue(olderThan);
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("prune idempotency keys"), query);
    return {};
}

} // namespace slotdesk

#include "models/booking/SqliteBookingStore.h"

#include "models/booking/EventLog.h"
#include "models/booking/PersonKey.h"
#include "models/store/CentreTable.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

namespace slotdesk {

namespace {

const QString bookingColumns = QStringLiteral(
    "b.id, b.code, b.slot_id, b.service_code, b.person_key, b.family_name, b.given_name, "
    "b.birth_date, b.phone, b.email, b.state, b.channel, b.created_at, b.updated_at, "
    "s.centre_id, s.starts_at, s.minutes, b.dose, COALESCE(b.paired_booking_id, 0)");

StoreError conflict(const QString &reason) {
    return StoreError{StoreError::Kind::Conflict, reason, {}};
}

} // namespace

struct SqliteBookingStore::Statements {
    explicit Statements(const QSqlDatabase &db)
        : activeByPerson(db)
        , byCode(db)
        , byId(db)
        , idempotencyByKey(db)
        , firstDose(db)
        , handle(SqliteStatement::handleOf(db)) {}
    QSqlQuery activeByPerson;
    QSqlQuery byCode;
    QSqlQuery byId;
    QSqlQuery idempotencyByKey;
    QSqlQuery firstDose;
    // The batch path (once per booking) on SQLite's own API.
    sqlite3 *handle;
    SqliteStatement begin;
    SqliteStatement commit;
    SqliteStatement rollback;
    SqliteStatement insertBooking;
    SqliteStatement takePlace;
    SqliteStatement undoBooking;
    SqliteStatement cancelBooking;
    SqliteStatement givePlaceBack;
    SqliteStatement insertIdempotency;
    SqliteStatement useInvitation;
    SqliteStatement savepoint;
    SqliteStatement releaseSavepoint;
    SqliteStatement rollbackSavepoint;
    SqliteStatement insertSecond;
    SqliteStatement linkPair;
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

StoreError SqliteBookingStore::fail(const QString &what, const SqliteStatement &statement) {
    const QString text = statement.errorText();
    qWarning("booking store: %s: %s", qPrintable(what), qPrintable(text));
    return StoreError{
        StoreError::Kind::Io,
        QCoreApplication::translate("SqliteBookingStore", "The booking database failed: %1")
            .arg(text),
        {}};
}

bool SqliteBookingStore::run(SqliteStatement &statement, const char *sql) {
    if (!statement.prepare(m_sql->handle, sql))
        return false;
    const bool ok = statement.step();
    statement.reset();
    return ok;
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
    query.prepare(
        QStringLiteral("SELECT s.id, s.centre_id, s.service_code, s.starts_at, "
                       "s.minutes, s.capacity, s.booked, COALESCE(r.opens_at, 0), "
                       "s.withdrawn_at IS NOT NULL, COALESCE(s.release_id, 0), s.hotline_places, "
                       "CASE WHEN s.hotline_places > 0 THEN (SELECT COUNT(*) FROM "
                       "bookings b WHERE b.slot_id = s.id AND b.channel = 'hotline' "
                       "AND b.state IN ('confirmed', 'checked_in')) ELSE 0 END FROM "
                       "slots s "
                       "LEFT JOIN releases r "
                       "ON r.id = s.release_id WHERE s.starts_at >= ? ORDER BY s.id"));
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
        s.opensAt = query.value(7).toLongLong();
        s.withdrawn = query.value(8).toBool();
        s.releaseId = query.value(9).toLongLong();
        s.hotlinePlaces = query.value(10).toInt();
        s.hotlineBooked = query.value(11).toInt();
        slots->append(s);
    }
    return {};
}

StoreError SqliteBookingStore::insertCentre(CentreRecord *centre, qint64 now) {
    if (!m_db.transaction())
        return StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}};
    Centre row;
    row.uuid = centre->uuid;
    row.name = centre->name;
    row.street = centre->street;
    row.postcode = centre->postcode;
    row.city = centre->city;
    centreKindFromString(centre->kind, &row.kind);
    row.serviceCodes = centre->services;
    row.lanes = 0; // the engine books slots, not lanes
    row.slotMinutes = centre->slotMinutes;
    row.phone = centre->phone;
    row.active = centre->active;
    if (StoreError e = CentreTable(m_db).write(row, now))
        return rollback(e);
    if (!m_db.commit())
        return rollback(StoreError{StoreError::Kind::Io, m_db.lastError().text(), {}});
    centre->id = row.id;
    centre->uuid = row.uuid;
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
        b.personKey = query.value(4).toByteArray();
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
        b.dose = query.value(17).toInt();
        b.pairedBookingId = query.value(18).toLongLong();
        *found = std::move(b);
    }
    // Ends the read statement so it holds no snapshot of the WAL while idle.
    query.finish();
    return {};
}

StoreError SqliteBookingStore::activeBookingOf(const QByteArray &personKey, const QString &service,
                                               std::optional<BookingRecord> *found) {
    // The WHERE repeats the partial index's condition so SQLite uses that index. The range
    // also finds the person's bookings that PersonKeyRekey kept under a marked key
    // (key + 0xff + number): they stay the person's after their first booking is cancelled.
    QSqlQuery &query = prepared(
        m_sql->activeByPerson,
        u"SELECT " % bookingColumns %
            u" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.person_key >= ? AND "
            u"b.person_key < ? AND b.service_code = ? AND b.state IN ('confirmed', "
            u"'checked_in') ORDER BY b.person_key, b.dose LIMIT 1");
    query.bindValue(0, personKey);
    query.bindValue(1, QByteArray(personKey + "\xff\xff"));
    query.bindValue(2, service);
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

StoreError SqliteBookingStore::bookingById(qint64 id, std::optional<BookingRecord> *found) {
    QSqlQuery &query =
        prepared(m_sql->byId, u"SELECT " % bookingColumns %
                                  u" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE "
                                  u"b.id = ?");
    query.bindValue(0, id);
    return readBooking(query, found);
}

StoreError SqliteBookingStore::firstDoseOf(qint64 secondId, std::optional<BookingRecord> *found) {
    QSqlQuery &query =
        prepared(m_sql->firstDose, u"SELECT " % bookingColumns %
                                       u" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE "
                                       u"b.paired_booking_id = ?");
    query.bindValue(0, secondId);
    return readBooking(query, found);
}

StoreError SqliteBookingStore::loadProducts(QList<ProductRecord> *products) {
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT code, doses, interval_min_days, interval_max_days "
                                   "FROM services ORDER BY code")))
        return fail(StoreError::Kind::Io, QStringLiteral("load products"), query);
    while (query.next())
        products->append(ProductRecord{query.value(0).toString(), query.value(1).toInt(),
                                       query.value(2).toInt(), query.value(3).toInt()});
    return {};
}

StoreError SqliteBookingStore::idempotency(const QString &key,
                                           std::optional<IdempotencyRecord> *found) {
    QSqlQuery &query = prepared(m_sql->idempotencyByKey,
                                QStringLiteral("SELECT fingerprint, status, body, created_at, "
                                               "booking_id, qr_text FROM idempotency_keys "
                                               "WHERE key = ?"));
    query.bindValue(0, key);
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("read idempotency key"), query);
    found->reset();
    if (query.next()) {
        *found = IdempotencyRecord{key,
                                   query.value(0).toByteArray(),
                                   query.value(1).toInt(),
                                   query.value(2).toByteArray(),
                                   query.value(3).toLongLong(),
                                   query.value(4).toLongLong(),
                                   query.value(5).toString()};
    }
    query.finish();
    return {};
}

StoreError SqliteBookingStore::insertIdempotency(const IdempotencyRecord &record,
                                                 qint64 bookingId) {
    SqliteStatement &insert = m_sql->insertIdempotency;
    if (!insert.prepare(m_sql->handle,
                        "INSERT INTO idempotency_keys (key, fingerprint, status, body, created_at, "
                        "booking_id, qr_text) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        return fail(QStringLiteral("prepare idempotency key"), insert);
    insert.bind(1, record.key);
    insert.bindBlob(2, record.fingerprint);
    insert.bind(3, qint64(record.status));
    insert.bindBlob(4, record.body);
    insert.bind(5, record.createdAt);
    insert.bind(6, bookingId);
    insert.bind(7, record.qrText);
    if (!insert.step()) {
        StoreError error = fail(QStringLiteral("insert idempotency key"), insert);
        error.kind = StoreError::Kind::Conflict;
        return error;
    }
    return {};
}

StoreError SqliteBookingStore::beginBatch() {
    Q_ASSERT(m_batchSeq < 0);
    // IMMEDIATE: the write lock from the start, so the seq read below is the newest one even
    // when another connection of the service wrote events.
    if (!run(m_sql->begin, "BEGIN IMMEDIATE"))
        return fail(QStringLiteral("begin batch"), m_sql->begin);
    if (!m_eventLog.resync()) {
        run(m_sql->rollback, "ROLLBACK");
        return StoreError{StoreError::Kind::Io, QStringLiteral("read the last event seq"), {}};
    }
    m_batchSeq = m_eventLog.lastSeq();
    return {};
}

StoreError SqliteBookingStore::commitBatch() {
    Q_ASSERT(m_batchSeq >= 0);
    if (!run(m_sql->commit, "COMMIT")) {
        const StoreError error = fail(QStringLiteral("commit batch"), m_sql->commit);
        rollbackBatch();
        return error;
    }
    m_batchSeq = -1;
    return {};
}

void SqliteBookingStore::rollbackBatch() {
    if (m_batchSeq < 0)
        return;
    run(m_sql->rollback, "ROLLBACK");
    m_eventLog.rollbackTo(m_batchSeq);
    m_batchSeq = -1;
}

const QSet<QByteArray> &SqliteBookingStore::markedPersons() {
    if (!m_markedPersons) {
        m_markedPersons.emplace();
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT DISTINCT substr(person_key, 1, %1) FROM bookings "
                                      "WHERE length(person_key) > %1 AND state IN "
                                      "('confirmed', 'checked_in')")
                           .arg(PersonKey::keyBytes))) {
            while (query.next())
                m_markedPersons->insert(query.value(0).toByteArray());
        }
    }
    return *m_markedPersons;
}

StoreError SqliteBookingStore::confirm(BookingRecord *booking, const IdempotencyRecord *idempotency,
                                       const QString &eventType, const QByteArray &payload,
                                       Event *event) {
    Q_ASSERT(m_batchSeq >= 0);
    // The unique index cannot see bookings kept under a marked key; the few persons who have
    // one are asked by key range.
    if (markedPersons().contains(booking->personKey)) {
        std::optional<BookingRecord> found;
        if (StoreError e = activeBookingOf(booking->personKey, booking->service, &found))
            return e;
        if (found)
            return conflict(QStringLiteral("person_has_booking"));
    }
    // The insert goes first: its unique indexes refuse a second booking of the person or a
    // colliding code without any write, so such a conflict needs no undo inside the batch.
    if (StoreError e = insertRow(m_sql->insertBooking,
                                 "INSERT INTO bookings (code, slot_id, service_code, person_key, "
                                 "family_name, given_name, birth_date, phone, email, state, "
                                 "channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?)",
                                 QStringLiteral("booking"), booking))
        return e;
    if (idempotency) {
        if (StoreError error = insertIdempotency(*idempotency, booking->id))
            return error;
    }
    return appendEvent(eventType, payload, booking->createdAt, event);
}

StoreError SqliteBookingStore::takePlace(const BookingRecord &booking) {
    SqliteStatement &take = m_sql->takePlace;
    if (!take.prepare(m_sql->handle,
                      "UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity"))
        return fail(QStringLiteral("prepare take place"), take);
    take.bind(1, booking.slotId);
    if (!take.step())
        return fail(QStringLiteral("take place"), take);
    if (take.changes() != 1) {
        // Only another writer on the same database gets here: undo this booking's insert.
        SqliteStatement &undo = m_sql->undoBooking;
        if (!undo.prepare(m_sql->handle, "DELETE FROM bookings WHERE id = ?"))
            return fail(QStringLiteral("prepare undo booking"), undo);
        undo.bind(1, booking.id);
        if (!undo.step())
            return fail(QStringLiteral("undo booking"), undo);
        return conflict(QStringLiteral("slot_full"));
    }
    return {};
}

StoreError SqliteBookingStore::appendEvent(const QString &eventType, const QByteArray &payload,
                                           qint64 at, Event *event) {
    *event = m_eventLog.append(eventType, payload, at);
    if (event->seq == 0)
        return StoreError{StoreError::Kind::Io, QStringLiteral("event append"), {}};
    return {};
}

StoreError SqliteBookingStore::insertSecondDose(BookingRecord *second) {
    second->dose = 2;
    return insertRow(m_sql->insertSecond,
                     "INSERT INTO bookings (code, slot_id, service_code, person_key, family_name, "
                     "given_name, birth_date, phone, email, state, channel, created_at, "
                     "updated_at, dose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)",
                     QStringLiteral("second dose"), second);
}

// One booking row and its place; `sql` binds the 13 columns every booking has, in this order.
StoreError SqliteBookingStore::insertRow(SqliteStatement &insert, const char *sql,
                                         const QString &what, BookingRecord *booking) {
    if (!insert.prepare(m_sql->handle, sql))
        return fail(u"prepare " % what % u" insert", insert);
    insert.bind(1, booking->code);
    insert.bind(2, booking->slotId);
    insert.bind(3, booking->service);
    insert.bindBlob(4, booking->personKey);
    insert.bind(5, booking->familyName);
    insert.bind(6, booking->givenName);
    insert.bind(7, PersonKey::isoDate(booking->birthDate));
    insert.bind(8, booking->phone);
    insert.bind(9, booking->email);
    insert.bind(10, booking->state);
    insert.bind(11, booking->channel);
    insert.bind(12, booking->createdAt);
    insert.bind(13, booking->updatedAt);
    if (!insert.step()) {
        const QString text = insert.errorText();
        if (text.contains(u"bookings.person_key"))
            return conflict(QStringLiteral("person_has_booking"));
        if (text.contains(u"bookings.code"))
            return conflict(QStringLiteral("code_taken"));
        return fail(u"insert " % what, insert);
    }
    booking->id = insert.lastInsertId();
    return takePlace(*booking);
}

StoreError SqliteBookingStore::confirmPair(BookingRecord *first, BookingRecord *second,
                                           const IdempotencyRecord *idempotency,
                                           const QString &eventType, const QByteArray &firstPayload,
                                           const QByteArray &secondPayload, Event *firstEvent,
                                           Event *secondEvent) {
    Q_ASSERT(m_batchSeq >= 0);
    const qint64 seqBefore = m_eventLog.lastSeq();
    if (!run(m_sql->savepoint, "SAVEPOINT dose_pair"))
        return fail(QStringLiteral("savepoint"), m_sql->savepoint);
    // Whatever refuses one of the two leaves neither in the batch.
    const auto undo = [&](StoreError e) {
        if (!run(m_sql->rollbackSavepoint, "ROLLBACK TO dose_pair") ||
            !run(m_sql->releaseSavepoint, "RELEASE dose_pair"))
            return fail(QStringLiteral("roll back pair"), m_sql->rollbackSavepoint);
        m_eventLog.rollbackTo(seqBefore);
        return e;
    };
    if (StoreError e = confirm(first, idempotency, eventType, firstPayload, firstEvent))
        return undo(e);
    if (StoreError e = insertSecondDose(second)) {
        if (e.kind == StoreError::Kind::Conflict)
            e.message = u"second_" % e.message;
        return undo(e);
    }
    SqliteStatement &link = m_sql->linkPair;
    if (!link.prepare(m_sql->handle, "UPDATE bookings SET paired_booking_id = ? WHERE id = ?"))
        return undo(fail(QStringLiteral("prepare link pair"), link));
    link.bind(1, second->id);
    link.bind(2, first->id);
    if (!link.step() || link.changes() != 1)
        return undo(fail(QStringLiteral("link pair"), link));
    first->pairedBookingId = second->id;
    if (StoreError e = appendEvent(eventType, secondPayload, second->createdAt, secondEvent))
        return undo(e);
    if (!run(m_sql->releaseSavepoint, "RELEASE dose_pair"))
        return undo(fail(QStringLiteral("release savepoint"), m_sql->releaseSavepoint));
    return {};
}

StoreError SqliteBookingStore::useInvitation(const QByteArray &hash, qint64 bookingId, qint64 now) {
    Q_ASSERT(m_batchSeq >= 0);
    SqliteStatement &use = m_sql->useInvitation;
    if (!use.prepare(m_sql->handle,
                     "UPDATE release_invitations SET booking_id = ?, used_at = ? WHERE "
                     "code_hash = ? AND booking_id IS NULL"))
        return fail(QStringLiteral("prepare use invitation"), use);
    use.bind(1, bookingId);
    use.bind(2, now);
    use.bindText(3, hash);
    if (!use.step())
        return fail(QStringLiteral("use invitation"), use);
    if (use.changes() != 1)
        return StoreError{StoreError::Kind::Io, QStringLiteral("invitation used elsewhere"), {}};
    return {};
}

StoreError SqliteBookingStore::cancel(const BookingRecord &booking, qint64 now,
                                      const IdempotencyRecord *idempotency,
                                      const QString &eventType, const QByteArray &payload,
                                      Event *event) {
    Q_ASSERT(m_batchSeq >= 0);
    SqliteStatement &cancel = m_sql->cancelBooking;
    if (!cancel.prepare(m_sql->handle, "UPDATE bookings SET state = 'cancelled', updated_at = ? "
                                       "WHERE id = ? AND state = 'confirmed'"))
        return fail(QStringLiteral("prepare cancel booking"), cancel);
    cancel.bind(1, now);
    cancel.bind(2, booking.id);
    if (!cancel.step())
        return fail(QStringLiteral("cancel booking"), cancel);
    if (cancel.changes() != 1)
        return conflict(QStringLiteral("not_active"));
    SqliteStatement &giveBack = m_sql->givePlaceBack;
    // A withdrawn slot gives the place up with the booking: withdrawn capacity never returns.
    if (!giveBack.prepare(m_sql->handle,
                          "UPDATE slots SET booked = booked - 1, capacity = capacity - "
                          "(withdrawn_at IS NOT NULL), withdrawn_places = withdrawn_places + "
                          "(withdrawn_at IS NOT NULL) WHERE id = ? AND booked > 0"))
        return fail(QStringLiteral("prepare give place back"), giveBack);
    giveBack.bind(1, booking.slotId);
    if (!giveBack.step() || giveBack.changes() != 1)
        return fail(QStringLiteral("give place back"), giveBack);
    if (idempotency) {
        if (StoreError error = insertIdempotency(*idempotency, booking.id))
            return error;
    }
    *event = m_eventLog.append(eventType, payload, now);
    if (event->seq == 0)
        return StoreError{StoreError::Kind::Io, QStringLiteral("event append"), {}};
    return {};
}

StoreError SqliteBookingStore::queueCodeResend(const QByteArray &personKey, const QString &service,
                                               qint64 now, bool *queued) {
    std::optional<BookingRecord> found;
    if (StoreError e = activeBookingOf(personKey, service, &found))
        return e;
    *queued = found.has_value();
    if (!found)
        return {};
    const bool byPhone = !found->phone.isEmpty();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO outbox (booking_id, channel, address, kind, "
                                 "created_at) VALUES (?, ?, ?, 'booking_code', ?)"));
    query.addBindValue(found->id);
    query.addBindValue(byPhone ? QStringLiteral("phone") : QStringLiteral("email"));
    query.addBindValue(byPhone ? found->phone : found->email);
    query.addBindValue(now);
    if (!query.exec())
        return fail(StoreError::Kind::Io, QStringLiteral("queue code re-send"), query);
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

#pragma once

#include "models/booking/BookingTypes.h"
#include "models/booking/Event.h"
#include "models/store/StoreError.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace slotdesk {

// Durable storage of the booking engine. The engine keeps slot counters and holds in memory
// and calls this interface for everything that must survive a crash. SqliteBookingStore is the
// embedded implementation; a PostgreSQL one comes later (see ROADMAP), which is why:
// - every mutating call is ONE transaction (confirms and cancels: one batch of them) that
//   also appends its Event and its idempotency record, so "answered 2xx" ⇔ "committed";
// - confirm() increments the slot counter with a conditional update (booked < capacity) and
//   the insert is backed by the unique index on (person_key, service) of active bookings, so
//   several service instances sharing one database can never overbook or double-book even
//   though each one's memory only knows its own holds.
class BookingStore {
public:
    virtual ~BookingStore() = default;

    virtual StoreError loadCentres(QList<CentreRecord> *centres) = 0;
    // The service catalogue with each product's dose count and interval.
    virtual StoreError loadProducts(QList<ProductRecord> *products) = 0;
    // Slots starting at or after `fromStartsAt` (past slots are not bookable).
    virtual StoreError loadSlots(qint64 fromStartsAt, QList<SlotRecord> *slots) = 0;

    // Sets centre->id. One transaction.
    virtual StoreError insertCentre(CentreRecord *centre, qint64 now) = 0;
    // Sets each slot's id; appends one event of `eventType` with `payload`. One transaction.
    virtual StoreError insertSlots(QList<SlotRecord> *slots, const QString &eventType,
                                   const QJsonObject &payload, qint64 now, Event *event) = 0;

    // *found is nullopt when there is no such booking.
    virtual StoreError activeBookingOf(const QByteArray &personKey, const QString &service,
                                       std::optional<BookingRecord> *found) = 0;
    virtual StoreError bookingByCode(const QString &code, std::optional<BookingRecord> *found) = 0;
    virtual StoreError bookingById(qint64 id, std::optional<BookingRecord> *found) = 0;
    // The first-dose booking whose second dose is `secondId`.
    virtual StoreError firstDoseOf(qint64 secondId, std::optional<BookingRecord> *found) = 0;
    virtual StoreError idempotency(const QString &key, std::optional<IdempotencyRecord> *found) = 0;

    // Group commit: the engine writes every confirm and cancel that arrived while the previous
    // batch committed in ONE transaction: beginBatch(), one call per request, commitBatch()
    // (or rollbackBatch() when anything failed). "answered 2xx" ⇔ "its batch committed".
    virtual StoreError beginBatch() = 0;
    virtual StoreError commitBatch() = 0;
    virtual void rollbackBatch() = 0;

    // Inside a batch: inserts the booking (sets booking->id), increments its slot's counter,
    // appends the event (`payload`: a compact JSON object text) and stores `idempotency` when
    // not null (with the new booking's id). Conflicts concern only this
    // request and leave nothing of it written (the batch goes on): "slot_full" when the slot
    // has no capacity left, "person_has_booking" when the unique person index refused it,
    // "code_taken" when the code collided. Any other error fails the whole batch.
    virtual StoreError confirm(BookingRecord *booking, const IdempotencyRecord *idempotency,
                               const QString &eventType, const QByteArray &payload,
                               Event *event) = 0;
    // Inside a batch: a first dose and its second appointment, both or neither (a savepoint
    // around the pair). `first` carries the idempotency record and gets paired_booking_id;
    // `second` is stored as dose 2. Conflicts as confirm(), for the second prefixed "second_"
    // ("second_slot_full", "second_person_has_booking", "second_code_taken").
    virtual StoreError confirmPair(BookingRecord *first, BookingRecord *second,
                                   const IdempotencyRecord *idempotency, const QString &eventType,
                                   const QByteArray &firstPayload, const QByteArray &secondPayload,
                                   Event *firstEvent, Event *secondEvent) = 0;
    // Inside a batch, after confirm(): the invitation code with this hash (hex) booked
    // `bookingId`. A batch-wide error when the code was used (only another writer on the same
    // database gets there: the engine admits each code once).
    virtual StoreError useInvitation(const QByteArray &hash, qint64 bookingId, qint64 now) = 0;
    // Inside a batch: marks a confirmed booking cancelled and gives its place back. Conflict
    // "not_active" when the booking is no longer confirmed (nothing of it written).
    virtual StoreError cancel(const BookingRecord &booking, qint64 now,
                              const IdempotencyRecord *idempotency, const QString &eventType,
                              const QByteArray &payload, Event *event) = 0;

    // Records in the outbox a re-send of the code of the person's active booking for `service`
    // through the contact on file (phone if it has one, else e-mail). *queued: false when the
    // person has no such booking (nothing written).
    virtual StoreError queueCodeResend(const QByteArray &personKey, const QString &service,
                                       qint64 now, bool *queued) = 0;

    // Idempotency records older than this are forgotten (retries come within minutes).
    virtual StoreError pruneIdempotency(qint64 olderThan) = 0;
};

} // namespace slotdesk

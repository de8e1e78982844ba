#include "service/booking/BookingEngine.h"

#include "models/booking/PersonKey.h"
#include "models/core/Clock.h"
#include "net/JsonText.h"
#include "service/EventHub.h"
#include "service/booking/BatchWriter.h"
#include "service/booking/RandomPool.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <sodium.h>

namespace slotdesk {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("BookingEngine", text);
}

EngineError error(EngineError::Kind kind, const char *reason, const QString &message,
                  const QString &field = {}) {
    return EngineError::make(kind, reason, message, field);
}

EngineError storageError(const StoreError &e) {
    return error(EngineError::Kind::Storage, "storage_unavailable",
                 tr("The booking database is not available: %1").arg(e.message));
}

// Rendered by hand on the writer thread (a QJsonObject and its serialisation cost more than
// the row insert); the keys in QJsonDocument's order, so every event's payload looks alike.
QByteArray eventPayload(const BookingRecord &b) {
    QByteArray out;
    out.reserve(160);
    out.append("{\"centre_id\":").append(QByteArray::number(b.centreId)).append(",\"channel\":");
    appendJsonString(out, b.channel);
    out.append(",\"code\":");
    appendJsonString(out, b.code);
    out.append(",\"service\":");
    appendJsonString(out, b.service);
    out.append(",\"slot_id\":")
        .append(QByteArray::number(b.slotId))
        .append(",\"starts_at\":")
        .append(QByteArray::number(b.startsAt))
        .append('}');
    return out;
}

} // namespace

BookingEngine::BookingEngine(BookingStore &store, EventHub &hub, const Clock &clock,
                             Settings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_hub(hub)
    , m_clock(clock)
    , m_settings(settings)
    , m_availability(settings.answersPerCentre)
    , m_holdPolicy(settings.holdLimits)
    , m_holds(m_availability, m_holdPolicy, settings.holdSeconds)
    , m_commits([this](GroupCommitQueue::Batch &batch) { return writeBatch(batch); },
                [this](GroupCommitQueue::Batch &batch, const StoreError &failed) {
                    finishBatch(batch, failed);
                }) {
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

qint64 BookingEngine::nowSecs() const {
    return m_clock.now().toSecsSinceEpoch();
}

QDate BookingEngine::today() const {
    // Time-zone conversion is costly and asked on every booking; the Berlin date can only
    // change on a full minute (offsets are whole hours), so it is cached per minute.
    const qint64 minute = nowSecs() / 60;
    if (minute != m_todayMinute) {
        m_todayMinute = minute;
        m_today = m_clock.now().toTimeZone(berlinTimeZone()).date();
    }
    return m_today;
}

StoreError BookingEngine::load() {
    QList<CentreRecord> centres;
    if (StoreError e = m_store.loadCentres(&centres))
        return e;
    QList<SlotRecord> slots;
    // Slots of today that already started stay visible to cancellations of their bookings.
    if (StoreError e = m_store.loadSlots(nowSecs() - 86400, &slots))
        return e;
    m_availability.reset(centres, slots);
    QList<ProductRecord> products;
    if (StoreError e = m_store.loadProducts(&products))
        return e;
    m_doseIntervals.clear();
    for (const ProductRecord &p : std::as_const(products)) {
        if (DosePairing::needsSecondDose(p.doses))
            m_doseIntervals.insert(p.service, DoseInterval{p.intervalMinDays, p.intervalMaxDays});
    }
    return {};
}

std::optional<DoseInterval> BookingEngine::doseInterval(const QString &service) const {
    const auto it = m_doseIntervals.constFind(service);
    if (it == m_doseIntervals.cend())
        return std::nullopt;
    return it.value();
}

void BookingEngine::setDoseInterval(const QString &service, DoseInterval interval) {
    if (m_doseIntervals.contains(service))
        m_doseIntervals.insert(service, interval);
}

EngineError BookingEngine::secondDoseSlots(qint64 slotId, DoseWindow *window,
                                           std::vector<const Availability::Slot *> *slots) {
    sweep();
    const Availability::Slot *first = m_availability.slot(slotId);
    if (!first || !m_availability.hasCentre(first->record.centreId))
        return error(EngineError::Kind::NotFound, "slot_not_found",
                     tr("There is no bookable slot with this id."), QStringLiteral("slot"));
    const std::optional<DoseInterval> interval = doseInterval(first->record.service);
    if (!interval)
        return error(EngineError::Kind::Invalid, "second_dose_not_needed",
                     tr("This slot's service has a single dose."), QStringLiteral("slot"));
    *window = DosePairing::window(first->record.startsAt, *interval, berlinTimeZone());
    const qint64 now = nowSecs();
    for (const Availability::Slot *s : m_availability.slotsOnDays(
             first->record.centreId, first->record.service, window->first, window->last)) {
        if (s->record.startsAt > now && s->openAt(now) && s->publicFree() > 0)
            slots->push_back(s);
    }
    return {};
}

EngineError BookingEngine::holdPair(qint64 slotId, qint64 secondSlotId, const QString &service,
                                    const HoldOwner &owner, HoldInfo *hold) {
    const Availability::Slot *first = m_availability.slot(slotId);
    if (!first)
        return error(EngineError::Kind::NotFound, "slot_not_found",
                     tr("There is no bookable slot with this id."), QStringLiteral("slot_id"));
    const std::optional<DoseInterval> interval = doseInterval(first->record.service);
    if (!interval)
        return error(EngineError::Kind::Invalid, "second_dose_not_needed",
                     tr("This slot's service has a single dose: leave out the second slot."),
                     QStringLiteral("second_slot_id"));
    const EngineError unavailable =
        error(EngineError::Kind::Conflict, "second_dose_unavailable",
              tr("The slot for the second dose cannot be booked (full, unknown or not open)."),
              QStringLiteral("second_slot_id"));
    const Availability::Slot *second = m_availability.slot(secondSlotId);
    if (!second)
        return unavailable;
    if (second->record.centreId != first->record.centreId ||
        second->record.service != first->record.service)
        return error(EngineError::Kind::Invalid, "second_dose_mismatch",
                     tr("The second dose must be at the same centre and of the same product."),
                     QStringLiteral("second_slot_id"));
    const QTimeZone zone = berlinTimeZone();
    if (DosePairing::check(first->record.startsAt, second->record.startsAt, *interval, zone) !=
        DosePairing::Verdict::Fits) {
        const DoseWindow window = DosePairing::window(first->record.startsAt, *interval, zone);
        return error(
            EngineError::Kind::Conflict, "second_dose_outside_interval",
            tr("The second dose must be between %1 and %2.")
                .arg(window.first.toString(Qt::ISODate), window.last.toString(Qt::ISODate)),
            QStringLiteral("second_slot_id"));
    }
    return m_holds.holdPair(slotId, secondSlotId, service, owner, nowSecs(), hold, unavailable);
}

QByteArray BookingEngine::availabilityJson(qint64 centreId, const QString &service, QDate from,
                                           QDate to, qint64 *validUntil) {
    sweep();
    return m_availability.json(centreId, service, from, to, nowSecs(), validUntil);
}

void BookingEngine::centrePublished(const CentreRecord &centre) {
    m_availability.putCentre(centre);
}

void BookingEngine::releasedSlotsStored(const QList<SlotRecord> &slots) {
    for (const SlotRecord &s : slots)
        m_availability.addSlot(s);
}

void BookingEngine::slotsWithdrawn(const QList<qint64> &slotIds) {
    for (const qint64 id : slotIds)
        m_availability.capacityToBooked(id);
}

StoreError BookingEngine::addCentre(CentreRecord *centre) {
    drain(); // events in seq order, one writer at a time
    if (StoreError e = m_store.insertCentre(centre, nowSecs()))
        return e;
    m_availability.putCentre(*centre);
    return {};
}

StoreError BookingEngine::addSlots(QList<SlotRecord> *slots) {
    if (slots->isEmpty())
        return {};
    drain(); // events in seq order, one writer at a time
    QJsonArray centres;
    for (const SlotRecord &s : std::as_const(*slots)) {
        if (!centres.contains(s.centreId))
            centres.append(s.centreId);
    }
    Event event;
    const QJsonObject payload{{QStringLiteral("slots"), qint64(slots->size())},
                              {QStringLiteral("centres"), centres}};
    if (StoreError e = m_store.insertSlots(slots, QStringLiteral("slots.published"), payload,
                                           nowSecs(), &event))
        return e;
    for (const SlotRecord &s : std::as_const(*slots))
        m_availability.addSlot(s);
    m_hub.publish({event});
    return {};
}

EngineError BookingEngine::hold(qint64 slotId, const QString &service, const HoldOwner &owner,
                                HoldInfo *hold) {
    return m_holds.hold(slotId, service, owner, nowSecs(), hold);
}

EngineError BookingEngine::holdForHotline(qint64 slotId, HoldInfo *hold) {
    return m_holds.hold(slotId, QString(), HoldOwner(), nowSecs(), hold, true);
}

EngineError BookingEngine::releaseHold(const QString &holdId) {
    return m_holds.release(holdId, nowSecs());
}

void BookingEngine::sweep() {
    m_holds.sweep(nowSecs());
}

void BookingEngine::submitConfirm(const ConfirmRequest &request,
                                  std::optional<IdempotencyRecord> idempotency, WriteDone done) {
    sweep();
    QByteArray person = personKey(request.familyName, request.givenName, request.birthDate);
    qint64 slotId = 0;
    qint64 secondSlotId = 0;
    if (EngineError e = m_holds.beginCommit(request.holdId, person, &slotId, &secondSlotId))
        return done(WriteOutcome{std::move(e), {}, false, {}, {}, {}});
    const Availability::Slot &held = *m_availability.slot(slotId);
    const SlotRecord &slot = held.record;
    const qint64 now = nowSecs();

    BookingWrite write;
    if (slot.releaseId != 0) {
        const ReleaseAdmission::Applicant applicant{request.birthDate, request.priorityGroup,
                                                    request.invitationCode};
        if (EngineError e = m_admission.admit(slot.releaseId, QDate::fromJulianDay(held.dayJulian),
                                              applicant, m_pepper, &write.invitation)) {
            m_holds.reactivate(request.holdId, now); // the citizen may correct and confirm again
            return done(WriteOutcome{std::move(e), {}, false, {}, {}, {}});
        }
    }
    write.holdId = request.holdId;
    BookingRecord &b = write.booking;
    b.slotId = slotId;
    b.service = slot.service;
    b.personKey = std::move(person);
    b.familyName = request.familyName;
    b.givenName = request.givenName;
    b.birthDate = request.birthDate;
    b.phone = request.phone;
    b.email = request.email;
    b.channel = request.channel;
    b.createdAt = now;
    b.updatedAt = now;
    b.centreId = slot.centreId;
    b.startsAt = slot.startsAt;
    b.minutes = slot.minutes;
    b.code = RandomPool::bookingCode();
    if (secondSlotId) {
        const SlotRecord &second = m_availability.slot(secondSlotId)->record;
        write.paired = true;
        write.second = b;
        write.second.slotId = secondSlotId;
        write.second.centreId = second.centreId;
        write.second.startsAt = second.startsAt;
        write.second.minutes = second.minutes;
        write.second.dose = 2;
        write.second.code = RandomPool::bookingCode();
    }
    write.idempotency = std::move(idempotency);
    write.done = std::move(done);
    m_commits.submit(std::move(write));
}

QByteArray BookingEngine::personKey(const QString &familyName, const QString &givenName,
                                    QDate birthDate) const {
    return PersonKey::make(m_pepper, familyName, givenName, birthDate);
}

void BookingEngine::submitCancel(const QString &code, QDate birthDate,
                                 std::optional<IdempotencyRecord> idempotency, WriteDone done) {
    sweep();
    const auto refuse = [&done](EngineError e) {
        done(WriteOutcome{std::move(e), {}, false, {}, {}, {}});
    };
    BookingWrite write;
    BookingRecord &b = write.booking;
    if (EngineError e = lookup(code, birthDate, &b))
        return refuse(std::move(e));
    if (b.state != u"confirmed")
        return refuse(error(EngineError::Kind::Conflict, "booking_not_active",
                            tr("The booking is %1 and cannot be cancelled.").arg(b.state),
                            QStringLiteral("code")));
    const qint64 now = nowSecs();
    if (b.startsAt <= now)
        return refuse(error(EngineError::Kind::Conflict, "too_late",
                            tr("The appointment has begun and can no longer be cancelled."),
                            QStringLiteral("code")));
    b.state = QStringLiteral("cancelled");
    b.updatedAt = now;
    if (b.pairedBookingId != 0) {
        // The second appointment goes with its first (unless it is over or gone already).
        std::optional<BookingRecord> second;
        if (StoreError e = m_store.bookingById(b.pairedBookingId, &second))
            return refuse(storageError(e));
        if (second && second->state == u"confirmed" && second->startsAt > now) {
            write.paired = true;
            write.second = *second;
            write.second.state = b.state;
            write.second.updatedAt = now;
        }
    }
    write.cancel = true;
    write.idempotency = std::move(idempotency);
    write.done = std::move(done);
    m_commits.submit(std::move(write));
}

void BookingEngine::setWriter(BatchWriter *writer, BookingStore *store) {
    m_commits.setWriter(writer);
    m_batchStore = store;
}

void BookingEngine::finishBatch(GroupCommitQueue::Batch &batch, const StoreError &failed) {
    const qint64 now = nowSecs();
    QList<Event> events;
    if (failed) {
        for (BookingWrite &write : batch) {
            if (!write.cancel)
                m_holds.reactivate(write.holdId, now);
            write.outcome = WriteOutcome{storageError(failed), {}, false, {}, {}, {}};
        }
    } else {
        for (BookingWrite &write : batch) {
            if (write.cancel) {
                if (write.written)
                    m_availability.addBooked(write.booking.slotId, -1,
                                             write.booking.channel == u"hotline");
                if (write.secondWritten)
                    m_availability.addBooked(write.second.slotId, -1,
                                             write.second.channel == u"hotline");
            } else if (write.outcome.error) {
                m_holds.reactivate(write.holdId, now); // refused: the hold is as it was
            } else {
                m_holds.commit(write.holdId, write.written, now);
            }
            if (write.written)
                events.append(write.event);
            if (write.secondWritten)
                events.append(write.secondEvent);
        }
        m_hub.publish(events);
    }
    for (const BookingWrite &write : batch) {
        if (!write.invitation.isEmpty())
            m_admission.invitationDone(write.invitation, !failed && write.written);
    }
    for (const BookingWrite &write : batch)
        write.done(write.outcome);
}

StoreError BookingEngine::writeBatch(GroupCommitQueue::Batch &batch) {
    // One signature for the whole batch, on the writer thread (the server thread is the
    // bottleneck), before the transaction so the QR texts are stored with it.
    if (m_signer.enabled()) {
        QList<QrPayload> payloads;
        payloads.reserve(qsizetype(batch.size()));
        for (const BookingWrite &write : batch) {
            payloads.append(QrBatchSigner::payloadOf(write.booking));
            if (write.paired && !write.cancel)
                payloads.append(QrBatchSigner::payloadOf(write.second));
        }
        const QStringList qr = m_signer.sign(payloads);
        qsizetype next = 0;
        for (BookingWrite &write : batch) {
            write.outcome.qrText = qr.at(next++);
            if (write.paired && !write.cancel)
                write.outcome.secondQrText = qr.at(next++);
        }
    }
    if (StoreError e = batchStore().beginBatch())
        return e;
    for (BookingWrite &write : batch) {
        StoreError batchError;
        if (write.cancel)
            writeCancel(write, &batchError);
        else if (write.paired)
            write.outcome.error = writePair(write, &batchError);
        else
            write.outcome.error = writeConfirm(write, &batchError);
        if (batchError) {
            batchStore().rollbackBatch();
            return batchError;
        }
    }
    return batchStore().commitBatch();
}

void BookingEngine::writeCancel(BookingWrite &write, StoreError *batchError) {
    const BookingRecord &b = write.booking;
    if (write.idempotency) {
        write.idempotency->status = 200;
        write.idempotency->qrText = write.outcome.qrText;
    }
    const StoreError e =
        batchStore().cancel(b, b.updatedAt, write.idempotency ? &*write.idempotency : nullptr,
                            QStringLiteral("booking.cancelled"), eventPayload(b), &write.event);
    write.written = !e;
    write.outcome.booking = b;
    if (e.kind == StoreError::Kind::Conflict)
        write.outcome.error = error(EngineError::Kind::Conflict, "booking_not_active",
                                    tr("The booking is no longer active."), QStringLiteral("code"));
    else if (e)
        *batchError = e;
    if (!write.written || !write.paired)
        return;
    const BookingRecord &second = write.second;
    // A second dose cancelled on its own meanwhile is simply left as it is.
    const StoreError secondError =
        batchStore().cancel(second, second.updatedAt, nullptr, QStringLiteral("booking.cancelled"),
                            eventPayload(second), &write.secondEvent);
    write.secondWritten = !secondError;
    if (write.secondWritten)
        write.outcome.second = second;
    else if (secondError.kind != StoreError::Kind::Conflict)
        *batchError = secondError;
}

EngineError BookingEngine::existingBooking(BookingWrite &write, StoreError *batchError) {
    // Also finds a booking of the same person written earlier in this batch.
    std::optional<BookingRecord> found;
    if (StoreError again =
            batchStore().activeBookingOf(write.booking.personKey, write.booking.service, &found)) {
        *batchError = again;
        return storageError(again);
    }
    if (!found)
        return error(EngineError::Kind::Conflict, "slot_full",
                     tr("This slot has no free place left."), QStringLiteral("slot_id"));
    write.outcome.booking = *found;
    write.outcome.existing = true;
    write.outcome.qrText.clear();
    write.outcome.secondQrText.clear();
    return {};
}

EngineError BookingEngine::writePair(BookingWrite &write, StoreError *batchError) {
    BookingRecord &first = write.booking;
    BookingRecord &second = write.second;
    IdempotencyRecord *idempotency = write.idempotency ? &*write.idempotency : nullptr;
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (idempotency) {
            idempotency->status = 201;
            idempotency->qrText = write.outcome.qrText;
        }
        const StoreError e = batchStore().confirmPair(
            &first, &second, idempotency, QStringLiteral("booking.confirmed"), eventPayload(first),
            eventPayload(second), &write.event, &write.secondEvent);
        if (!e && !write.invitation.isEmpty()) {
            if (StoreError used =
                    batchStore().useInvitation(write.invitation, first.id, first.createdAt)) {
                *batchError = used;
                return storageError(used);
            }
        }
        if (!e) {
            write.written = true;
            write.secondWritten = true;
            write.outcome.booking = first;
            write.outcome.second = second;
            return {};
        }
        if (e.kind != StoreError::Kind::Conflict) {
            *batchError = e;
            return storageError(e);
        }
        if (e.message == u"code_taken") {
            first.code = RandomPool::bookingCode();
            write.outcome.qrText = m_signer.signOne(first);
            continue;
        }
        if (e.message == u"second_code_taken") {
            second.code = RandomPool::bookingCode();
            write.outcome.secondQrText = m_signer.signOne(second);
            continue;
        }
        if (e.message == u"person_has_booking" || e.message == u"second_person_has_booking")
            return existingBooking(write, batchError);
        // Full places can only come from another writer on the same database.
        if (e.message == u"second_slot_full")
            return error(EngineError::Kind::Conflict, "second_dose_unavailable",
                         tr("The slot for the second dose has no free place left."),
                         QStringLiteral("second_slot_id"));
        return error(EngineError::Kind::Conflict, "slot_full",
                     tr("This slot has no free place left."), QStringLiteral("slot_id"));
    }
    return error(EngineError::Kind::Storage, "storage_unavailable",
                 tr("No free booking code could be drawn."));
}

EngineError BookingEngine::writeConfirm(BookingWrite &write, StoreError *batchError) {
    BookingRecord &b = write.booking;
    IdempotencyRecord *idempotency = write.idempotency ? &*write.idempotency : nullptr;
    // 50 random bits: a collision is astronomically rare but is retried rather than failed.
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (attempt > 0) {
            b.code = RandomPool::bookingCode();
            write.outcome.qrText = m_signer.signOne(b); // rare: its own tree of one
        }
        if (idempotency) {
            idempotency->status = 201;
            idempotency->qrText = write.outcome.qrText;
        }
        const StoreError e = batchStore().confirm(
            &b, idempotency, QStringLiteral("booking.confirmed"), eventPayload(b), &write.event);
        if (!e && !write.invitation.isEmpty()) {
            if (StoreError used = batchStore().useInvitation(write.invitation, b.id, b.createdAt)) {
                *batchError = used;
                return storageError(used);
            }
        }
        if (!e) {
            write.written = true;
            write.outcome.booking = b;
            return {};
        }
        if (e.kind != StoreError::Kind::Conflict) {
            *batchError = e;
            return storageError(e);
        }
        if (e.message == u"code_taken")
            continue;
        if (e.message == u"person_has_booking") {
            // Also finds a booking of the same person written earlier in this batch.
            std::optional<BookingRecord> found;
            if (StoreError again = batchStore().activeBookingOf(b.personKey, b.service, &found)) {
                *batchError = again;
                return storageError(again);
            }
            if (found) {
                write.outcome.booking = *found;
                write.outcome.existing = true;
                write.outcome.qrText.clear();
                return {};
            }
        }
        // slot_full can only come from another writer on the same database.
        return error(EngineError::Kind::Conflict, "slot_full",
                     tr("This slot has no free place left."), QStringLiteral("slot_id"));
    }
    return error(EngineError::Kind::Storage, "storage_unavailable",
                 tr("No free booking code could be drawn."));
}

WriteOutcome BookingEngine::confirm(const ConfirmRequest &request,
                                    std::optional<IdempotencyRecord> idempotency) {
    std::optional<WriteOutcome> result;
    submitConfirm(request, std::move(idempotency),
                  [&result](const WriteOutcome &o) { result = o; });
    if (!result)
        flush();
    Q_ASSERT(result);
    return *result;
}

WriteOutcome BookingEngine::cancel(const QString &code, QDate birthDate,
                                   std::optional<IdempotencyRecord> idempotency) {
    std::optional<WriteOutcome> result;
    submitCancel(code, birthDate, std::move(idempotency),
                 [&result](const WriteOutcome &o) { result = o; });
    if (!result)
        flush();
    Q_ASSERT(result);
    return *result;
}

EngineError BookingEngine::lookup(const QString &code, QDate birthDate, BookingRecord *booking) {
    std::optional<BookingRecord> found;
    if (StoreError e = m_store.bookingByCode(code, &found))
        return storageError(e);
    if (!found || found->birthDate != birthDate)
        return error(EngineError::Kind::NotFound, "booking_not_found",
                     tr("There is no booking with this code."), QStringLiteral("code"));
    *booking = *found;
    return {};
}

EngineError BookingEngine::requestCodeResend(const QString &familyName, const QString &givenName,
                                             QDate birthDate, const QString &service,
                                             bool *queued) {
    if (StoreError e = m_store.queueCodeResend(personKey(familyName, givenName, birthDate), service,
                                               nowSecs(), queued))
        return storageError(e);
    return {};
}

EngineError BookingEngine::pairedBooking(const BookingRecord &booking,
                                         std::optional<BookingRecord> *other) {
    other->reset();
    StoreError e;
    if (booking.pairedBookingId != 0)
        e = m_store.bookingById(booking.pairedBookingId, other);
    else if (booking.dose == 2)
        e = m_store.firstDoseOf(booking.id, other);
    if (e)
        return storageError(e);
    return {};
}

EngineError BookingEngine::bookingById(qint64 id, BookingRecord *booking) {
    std::optional<BookingRecord> found;
    if (StoreError e = m_store.bookingById(id, &found))
        return storageError(e);
    if (!found)
        return error(EngineError::Kind::NotFound, "booking_not_found",
                     tr("There is no booking with this id."));
    *booking = *found;
    return {};
}

} // namespace slotdesk

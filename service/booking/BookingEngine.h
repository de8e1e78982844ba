#pragma once

#include "models/booking/BookingStore.h"
#include "models/booking/BookingTypes.h"
#include "service/booking/Availability.h"
#include "service/booking/BookingWrite.h"
#include "service/booking/EngineError.h"
#include "service/booking/GroupCommitQueue.h"
#include "service/booking/HoldPolicy.h"
#include "service/booking/Holds.h"
#include "service/booking/QrBatchSigner.h"
#include "service/booking/ReleaseAdmission.h"

#include "models/rules/DosePairing.h"

#include <QDate>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace slotdesk {

class BatchWriter;
class Clock;
class EventHub;

struct ConfirmRequest {
    QString holdId;
    QString familyName;
    QString givenName;
    QDate birthDate;
    QString phone;
    QString email;
    QString channel = QStringLiteral("online");
    // For releases with eligibility rules (see ReleaseAdmission).
    QString priorityGroup;
    QString invitationCode;
};

// The booking engine: the one place that decides where holds and slot counters live. Today
// that is this process's memory with a single writer; "one writer per partition of centres" or
// "PostgreSQL row locks as the writer" replace this class, not its callers. Invariants:
// - Single writer: only this engine changes slot counters (Availability) and holds (Holds), on
//   the server thread, so "free = capacity - booked - held" is checked and changed without
//   races: no overbooking by construction. The store's conditional UPDATE and CHECK
//   (booked <= capacity) are the backstop (and the guard between several instances later).
// - Answer only after commit: memory is the source of truth for reads, the store for
//   durability. A confirm/cancel is answered only after its batch's transaction (booking row +
//   slot counter + event + idempotency record) committed; memory changes after the commit; a
//   failed batch answers each of its requests with Storage and changes nothing. While its
//   write is queued a hold is "committing": it cannot be confirmed twice, released or expire.
// - Committed events are published on the EventHub after the commit, in seq order.
// - Releases: a slot of a release that has not opened (SlotRecord::opensAt after the Clock's
//   now) is neither shown nor held, decided on every read and hold from the Clock, so it opens
//   exactly at opensAt whether or not the timer that stores "open" has fired. A withdrawal
//   sets capacity to booked (store and memory) with no batch in flight (StaffWriter settles
//   the engine first) and marks the slot withdrawn: a later cancellation lowers capacity with
//   booked, and a place held at that moment can no longer be confirmed (the store's
//   conditional update refuses it), so withdrawn places never come back.
// - Hotline contingent: citizens' holds see publicFree() (free minus the kept-back places not
//   yet taken by hotline bookings or holds); staff holds for callers see free(). Both come out
//   of the same capacity, so the contingent never adds places.
// - Two-dose products: a citizen's first dose is held, confirmed and cancelled together with
//   its second appointment (same centre and product, within the product's interval in Berlin
//   appointment days, see DosePairing). Both places are held as one hold and written in ONE
//   savepoint of the batch, so either both bookings exist (the first pointing at the second)
//   or neither. In-process callers and hotline holds may still hold a single place.
// - Eligibility (ReleaseAdmission) is decided at confirm from memory; an invitation code is
//   committing while its confirm is queued (a second confirm with it is refused) and stored
//   as used in the same transaction as its booking.
class BookingEngine : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int holdSeconds = 600;
        // Availability answers at most this many days at once.
        int maxRangeDays = 31;
        HoldPolicy::Limits holdLimits;
        // Whole availability answers kept per centre (least recently used go first).
        int answersPerCentre = 256;
    };
    using Signer = QrBatchSigner::Signer;

    BookingEngine(BookingStore &store, EventHub &hub, const Clock &clock, Settings settings,
                  QObject *parent = nullptr);

    // Reads centres and future slots from the store. Call once before serving.
    StoreError load();

    // Catalogue and availability (pre-serialised JSON, cached until something changes).
    QByteArray centresJson() { return m_availability.centresJson(); }
    bool hasCentre(qint64 centreId) const { return m_availability.hasCentre(centreId); }
    bool centreOffers(qint64 centreId, const QString &service) const {
        return m_availability.centreOffers(centreId, service);
    }
    // JSON for the Berlin days [from, to]; the caller validated the range. *validUntil (may be
    // null): the Clock time (Unix seconds) at which the answer changes by itself.
    QByteArray availabilityJson(qint64 centreId, const QString &service, QDate from, QDate to,
                                qint64 *validUntil = nullptr);
    // Changes whenever an availability answer may have changed. Call sweep() first.
    quint64 generation() const { return m_availability.generation(); }
    int freePlaces(qint64 slotId) const { return m_availability.freePlaces(slotId); }
    // The centre of a known slot; 0 for an unknown one.
    qint64 centreOfSlot(qint64 slotId) const {
        const Availability::Slot *slot = m_availability.slot(slotId);
        return slot ? slot->record.centreId : 0;
    }
    QDate today() const; // Europe/Berlin, from the Clock

    // Publishing (used by seeding and by the staff routes). Slots get their ids set.
    StoreError addCentre(CentreRecord *centre);
    StoreError addSlots(QList<SlotRecord> *slots);
    // A centre the staff publish route stored itself: refreshes the in-memory catalogue.
    void centrePublished(const CentreRecord &centre);
    // Slots of a release that the release route stored (with their ids and opensAt) in its own
    // transaction: memory follows the committed rows.
    void releasedSlotsStored(const QList<SlotRecord> &slots);
    // The release route took the unbooked places of these slots away (capacity = booked).
    void slotsWithdrawn(const QList<qint64> &slotIds);
    // A release's stored state became open: cached answers are built again.
    void releaseOpened() { m_availability.touch(); }
    // Who may book a release's slots, and its invitation codes (by hash, see
    // invitationHash()); checked at every confirm of its slots.
    void setReleaseRules(qint64 releaseId, const Eligibility &rules) {
        m_admission.setRules(releaseId, rules);
    }
    void addInvitation(qint64 releaseId, const QByteArray &hash, bool used) {
        m_admission.addInvitation(releaseId, hash, used);
    }
    QByteArray invitationHash(const QString &normalisedCode) const {
        return ReleaseAdmission::invitationHash(m_pepper, normalisedCode);
    }

    // `owner`: the address (and the person, when the request named them) the hold is counted
    // against (HoldPolicy); in-process callers (seeding, tests) pass none.
    EngineError hold(qint64 slotId, const QString &service, const HoldOwner &owner, HoldInfo *hold);
    EngineError hold(qint64 slotId, const QString &service, HoldInfo *hold) {
        return this->hold(slotId, service, HoldOwner(), hold);
    }
    // Two-dose products (services.doses = 2) and their intervals, read by load().
    std::optional<DoseInterval> doseInterval(const QString &service) const;
    // The interval the products route stored: holds from now on use it.
    void setDoseInterval(const QString &service, DoseInterval interval);
    // Whether a hold of this slot must name a second appointment (false for unknown slots).
    bool needsSecondDose(qint64 slotId) const {
        if (m_doseIntervals.isEmpty())
            return false;
        const Availability::Slot *slot = m_availability.slot(slotId);
        return slot && m_doseIntervals.contains(slot->record.service);
    }
    // The free slots a first dose in `slotId` may be paired with: same centre and product, on
    // the days of *window, open and not started. Refuses an unknown slot or a single-dose one.
    EngineError secondDoseSlots(qint64 slotId, DoseWindow *window,
                                std::vector<const Availability::Slot *> *slots);
    // Holds a first dose with its second appointment (see Holds::holdPair). Refusals:
    // second_dose_not_needed (single-dose product), second_dose_mismatch (other centre or
    // product), second_dose_outside_interval, second_dose_unavailable (full, unknown, not open).
    EngineError holdPair(qint64 slotId, qint64 secondSlotId, const QString &service,
                         const HoldOwner &owner, HoldInfo *hold);
    // A hold that staff take for a hotline caller: it may use the slot's hotline contingent.
    EngineError holdForHotline(qint64 slotId, HoldInfo *hold);
    // The limits holds are checked against; the waiting room tightens them at run time.
    HoldPolicy &holdPolicy() { return m_holdPolicy; }
    EngineError releaseHold(const QString &holdId);

    // Queues a confirm. outcome.existing is true when the person already had an active booking
    // for the service: then outcome.booking is that booking, the hold is released and nothing
    // new is stored. `idempotency` (key, fingerprint and createdAt set) is stored with the
    // booking as data (status, booking id, QR text). `done` runs exactly once on this thread:
    // before submitConfirm returns when memory already refuses the request, else after the
    // batch.
    void submitConfirm(const ConfirmRequest &request, std::optional<IdempotencyRecord> idempotency,
                       WriteDone done);
    // Queues a cancellation (the booking is read now, written in the batch). A birth date
    // other than the booking's is refused exactly like an unknown code.
    void submitCancel(const QString &code, QDate birthDate,
                      std::optional<IdempotencyRecord> idempotency, WriteDone done);
    // Batches then run on `writer`'s thread against `store` (a store on the writer's own
    // connection); without a writer they run on this thread against the engine's store.
    void setWriter(BatchWriter *writer, BookingStore *store);
    // QR payloads are signed per batch on the writer thread before its transaction. Without a
    // signer the QR text is empty. Call before serving.
    void setQrSigner(Signer sign) { m_signer = QrBatchSigner(std::move(sign)); }
    // The secret that keys person keys (PersonKeyPepper). Call before serving.
    void setPersonKeyPepper(QByteArray pepper) { m_pepper = std::move(pepper); }
    QByteArray personKey(const QString &familyName, const QString &givenName,
                         QDate birthDate) const;
    // The v2 QR text of one booking (a tree of one), for answers outside a batch.
    QString signQr(const BookingRecord &booking) const { return m_signer.signOne(booking); }

    // Group commit control (see GroupCommitQueue). drain(): whoever writes events on another
    // connection calls it first (EventHub::settle()), so that events are published in order.
    void flush() { m_commits.flush(); }
    void drain() { m_commits.drain(); }
    void startFlush() { m_commits.startFlush(); }
    bool batchInFlight() const { return m_commits.batchInFlight(); }
    int queuedWrites() const { return m_commits.queuedWrites(); }
    void setAutoFlush(bool on) { m_commits.setAutoFlush(on); }
    qint64 batchesCommitted() const { return m_commits.batchesCommitted(); }
    qint64 writesCommitted() const { return m_commits.writesCommitted(); }
    void setBatchObserver(GroupCommitQueue::Observer observer) {
        m_commits.setObserver(std::move(observer));
    }

    // Synchronous forms (submit + flush) for in-process callers such as tests and seeding.
    WriteOutcome confirm(const ConfirmRequest &request,
                         std::optional<IdempotencyRecord> idempotency = std::nullopt);
    WriteOutcome cancel(const QString &code, QDate birthDate,
                        std::optional<IdempotencyRecord> idempotency = std::nullopt);
    // The booking with this code and birth date; NotFound alike for an unknown code and for
    // a wrong birth date.
    EngineError lookup(const QString &code, QDate birthDate, BookingRecord *booking);
    // Records a re-send of the person's booking code for `service` through the contact on
    // file (outbox). *queued: whether the person has such a booking (never tell the caller).
    EngineError requestCodeResend(const QString &familyName, const QString &givenName,
                                  QDate birthDate, const QString &service, bool *queued);
    EngineError bookingById(qint64 id, BookingRecord *booking);
    // The other booking of a two-dose pair (the second of a first, the first of a second);
    // nullopt for a single booking.
    EngineError pairedBooking(const BookingRecord &booking, std::optional<BookingRecord> *other);

    // Expires holds whose time has come. Cheap when nothing is due.
    void sweep();
    int activeHolds() const { return m_holds.active(); }
    // Whole availability answers cached (all centres).
    qsizetype cachedAvailabilityAnswers() const { return m_availability.cachedAnswers(); }

private:
    // The store part of a batch (writer thread); returns a batch-wide failure.
    StoreError writeBatch(GroupCommitQueue::Batch &batch);
    EngineError writeConfirm(BookingWrite &write, StoreError *batchError);
    EngineError writePair(BookingWrite &write, StoreError *batchError);
    // Answers a person_has_booking conflict with their existing booking (outcome.existing).
    EngineError existingBooking(BookingWrite &write, StoreError *batchError);
    void writeCancel(BookingWrite &write, StoreError *batchError);
    void finishBatch(GroupCommitQueue::Batch &batch, const StoreError &failed);
    BookingStore &batchStore() const { return m_batchStore ? *m_batchStore : m_store; }
    qint64 nowSecs() const;

    BookingStore &m_store;
    EventHub &m_hub;
    const Clock &m_clock;
    Settings m_settings;
    Availability m_availability;
    HoldPolicy m_holdPolicy;
    Holds m_holds;
    ReleaseAdmission m_admission;
    QHash<QString, DoseInterval> m_doseIntervals; // two-dose products only
    QrBatchSigner m_signer;
    QByteArray m_pepper;
    GroupCommitQueue m_commits;
    BookingStore *m_batchStore = nullptr; // used on the writer thread only
    mutable qint64 m_todayMinute = -1;
    mutable QDate m_today;
};

} // namespace slotdesk

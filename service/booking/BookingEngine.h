#pragma once

#include "models/booking/BookingStore.h"
#include "models/booking/BookingTypes.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace slotdesk {

class BatchWriter;
class Clock;
class EventHub;

// An engine refusal, mapped to HTTP by the controller: NotFound → 404, Conflict → 409,
// Invalid → 422, Storage → 503. `reason` is the machine-readable error code.
struct EngineError {
    enum class Kind { None, NotFound, Conflict, Invalid, Storage };
    Kind kind = Kind::None;
    QString reason;
    QString message;
    QString field;
    explicit operator bool() const { return kind != Kind::None; }
};

struct HoldInfo {
    QString id;
    qint64 slotId = 0;
    qint64 expiresAt = 0; // Unix seconds
};

// What a confirm or cancel came to, handed to its callback after its batch committed (or
// failed). `body` is the rendered answer of a new booking or a cancellation (also stored as
// the idempotent answer); for an existing booking the caller renders `booking` itself.
struct WriteOutcome {
    EngineError error;
    BookingRecord booking;
    bool existing = false;
    QByteArray body;
};

struct ConfirmRequest {
    QString holdId;
    QString familyName;
    QString givenName;
    QDate birthDate;
    QString phone;
    QString email;
    QString channel = QStringLiteral("online");
};

// The booking engine. Invariants:
// - It is the only writer of slot counters and holds, and runs on the server thread, so
//   "free = capacity - booked - held" is checked and changed without races: no overbooking by
//   construction. The store's conditional UPDATE and CHECK (booked <= capacity) are the
//   backstop (and the guard between several instances later).
// - Memory is the source of truth for reads (availability, free places); the store is the
//   source of truth for durability: a confirm/cancel is answered only after its transaction
//   (booking row + slot counter + event + idempotency record) committed.
// - Group commit: submitConfirm()/submitCancel() decide what they can in memory (hold known,
//   active, not already being confirmed) and queue the write; the queued writes commit in ONE
//   transaction on the BatchWriter's thread (setWriter()), and what arrives meanwhile becomes
//   the next batch; back on this thread each callback runs. Memory changes (slot counters, hold
//   states) are applied only after the commit; a failed batch answers every request of it with
//   Storage and changes nothing. While its write is queued a hold is "committing": it cannot be
//   confirmed twice, released or expire.
// - Holds live only in memory (a restart forgets them, which gives their places back). They
//   expire at the injected Clock's time: swept by sweep() (a timer calls it) and lazily before
//   every operation, so tests advance a FixedClock and see expiry without waiting.
// - Committed events are published on the EventHub after the commit, in seq order.
class BookingEngine : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int holdSeconds = 600;
        // Availability answers at most this many days at once.
        int maxRangeDays = 31;
    };
    // Renders the answer body for a new booking or a cancellation, with its signed QR text
    // (stored with the booking as its idempotent answer). Called on the writer thread when
    // there is one: it must be thread-safe.
    using Renderer = std::function<QByteArray(const BookingRecord &, const QString &qrText)>;
    // Signs a message with the service's Ed25519 key (thread-safe, 64 bytes).
    using Signer = std::function<QByteArray(const QByteArray &)>;

    BookingEngine(BookingStore &store, EventHub &hub, const Clock &clock, Settings settings,
                  QObject *parent = nullptr);

    // Reads centres and future slots from the store. Call once before serving.
    StoreError load();

    // Catalogue and availability (pre-serialised JSON, cached until something changes).
    QByteArray centresJson();
    bool hasCentre(qint64 centreId) const;
    bool centreOffers(qint64 centreId, const QString &service) const;
    // JSON for the Berlin days [from, to]; the caller validated the range. *validUntil (may be
    // null): the Clock time (Unix seconds) at which the answer changes by itself (a slot in it
    // starts), as long as generation() stays the same.
    QByteArray availabilityJson(qint64 centreId, const QString &service, QDate from, QDate to,
                                qint64 *validUntil = nullptr);
    // Changes whenever anything an availability answer shows may have changed (holds,
    // bookings, slots, centres), so callers can cache answers cheaply. Call sweep() first.
    quint64 generation() const { return m_generation; }
    int freePlaces(qint64 slotId) const; // -1 for an unknown slot
    QDate today() const;                 // Europe/Berlin, from the Clock

    // Publishing (used by seeding and by the staff routes). Slots get their ids set.
    StoreError addCentre(CentreRecord *centre);
    StoreError addSlots(QList<SlotRecord> *slots);
    // A centre the staff publish route stored itself (with its event, in one transaction):
    // refreshes the in-memory catalogue and drops cached answers for it.
    void centrePublished(const CentreRecord &centre);

    EngineError hold(qint64 slotId, const QString &service, HoldInfo *hold);
    EngineError releaseHold(const QString &holdId);

    using WriteDone = std::function<void(const WriteOutcome &)>;
    // Queues a confirm. outcome.existing is true when the person already had an active booking
    // for the service: then outcome.booking is that booking, the hold is released and nothing
    // new is stored. `idempotency` (key, fingerprint and createdAt set) is stored with the
    // booking, its status and body filled with the rendered answer. `done` runs exactly once
    // on this thread: before submitConfirm returns when memory already refuses the request,
    // otherwise after the batch.
    void submitConfirm(const ConfirmRequest &request, std::optional<IdempotencyRecord> idempotency,
                       Renderer render, WriteDone done);
    // Queues a cancellation (the booking is read now, written in the batch).
    void submitCancel(const QString &code, std::optional<IdempotencyRecord> idempotency,
                      Renderer render, WriteDone done);
    // Batches then run on `writer`'s thread against `store` (a store on the writer's own
    // connection); without a writer they run on this thread against the engine's store.
    void setWriter(BatchWriter *writer, BookingStore *store);
    // The key for the QR payloads of a batch: one Merkle tree and one signature per batch (up
    // to QrPayload::maxTreeSize bookings per tree), made as the first step of the batch's job,
    // before its transaction. Without a signer the QR text is empty. Call before serving.
    void setQrSigner(Signer sign) { m_sign = std::move(sign); }
    // The v2 QR text of one booking (a tree of one), for answers outside a batch.
    QString signQr(const BookingRecord &booking) const;
    // Commits every queued write now (waits for the batch in flight first) and answers them.
    void flush();
    // Waits for the batch in flight, if any, and applies it (memory, events, answers). Whoever
    // writes events on another connection calls this first (EventHub::settle()), so that
    // events are published in seq order.
    void drain();
    // Starts committing the queued writes without waiting for them (what the queued flush
    // does); the answers come when the event loop runs or someone drains.
    void startFlush() { dispatch(); }
    bool batchInFlight() const { return m_inFlight; }
    int queuedWrites() const { return int(m_queue.size()); }
    // Off: queued writes wait for an explicit flush() (tests hold a batch open with it).
    void setAutoFlush(bool on) { m_autoFlush = on; }
    // Batches committed so far and the writes in them (for the benchmark and tests).
    qint64 batchesCommitted() const { return m_batches; }
    qint64 writesCommitted() const { return m_batchedWrites; }

    // Synchronous forms (submit + flush) for in-process callers such as tests and seeding.
    EngineError confirm(const ConfirmRequest &request, IdempotencyRecord *idempotency,
                        const Renderer &render, BookingRecord *booking, bool *existing);
    EngineError lookup(const QString &code, BookingRecord *booking);
    EngineError cancel(const QString &code, IdempotencyRecord *idempotency, const Renderer &render,
                       BookingRecord *booking);

    // Expires holds whose time has come and forgets old tombstones. Cheap when nothing is due.
    void sweep();
    int activeHolds() const { return m_activeHolds; }

private:
    struct SlotState {
        SlotRecord record;
        int held = 0;
        qint64 dayJulian = 0; // Europe/Berlin date of the start
        int free() const { return record.capacity - record.booked - held; }
    };
    enum class HoldState { Active, Committing, Expired, Used, Released };
    struct Hold {
        qint64 slotId = 0;
        qint64 expiresAt = 0;
        HoldState state = HoldState::Active;
    };
    using DayKey = std::tuple<qint64, QString, qint64>; // centre, service, julian day
    struct Day {
        std::vector<qint64> slotIds; // sorted by start
        QByteArray json;             // cached fragment; empty when stale
        qint64 validUntil = 0;       // start of the first future slot in json
    };

    struct PendingWrite {
        bool cancel = false;
        QString holdId; // confirm
        BookingRecord booking;
        std::optional<IdempotencyRecord> idempotency;
        Renderer render;
        WriteDone done;
        WriteOutcome outcome;
        bool written = false; // stored in this batch (not refused by a conflict)
        Event event;
    };

    void scheduleFlush();
    // Starts the next batch (on the writer when there is one) unless one is in flight.
    void dispatch();
    void collect();
    void finishBatch(std::vector<PendingWrite> &batch, const StoreError &failed);
    BookingStore &batchStore() const { return m_batchStore ? *m_batchStore : m_store; }
    // The store part of a batch; returns a batch-wide failure (then nothing was written).
    StoreError writeBatch(std::vector<PendingWrite> &batch);
    EngineError writeConfirm(PendingWrite &write, StoreError *batchError);
    void applyConfirm(PendingWrite &write, qint64 now);
    void reactivate(const QString &holdId, qint64 now);
    // Signs the QR payloads of the whole batch (one signature per tree) and renders every
    // answer with its QR text.
    void renderBatch(std::vector<PendingWrite> &batch) const;
    static QString drawCode();
    void indexSlot(const SlotRecord &record);
    void changed(const SlotState &slot);
    QByteArray dayJson(const DayKey &key, Day &day, qint64 now);
    QByteArray availabilityAnswer(qint64 centreId, const QString &service, QDate from, QDate to);
    void expire(const QString &holdId, Hold &hold);
    QString randomToken(int bytes) const;
    qint64 nowSecs() const;

    BookingStore &m_store;
    EventHub &m_hub;
    const Clock &m_clock;
    Settings m_settings;

    QList<CentreRecord> m_centres;
    QByteArray m_centresJson;
    std::unordered_map<qint64, SlotState> m_slots;
    std::map<DayKey, Day> m_days;
    // Whole answers per centre, keyed by the query; dropped when the centre changes.
    QHash<qint64, QHash<QString, QByteArray>> m_answers;

    QHash<QString, Hold> m_holds;
    std::multimap<qint64, QString> m_expiryQueue; // expiresAt → active hold
    std::multimap<qint64, QString> m_forgetQueue; // when to drop tombstones
    int m_activeHolds = 0;
    quint64 m_generation = 0;
    std::vector<PendingWrite> m_queue;
    bool m_flushScheduled = false;
    bool m_autoFlush = true;
    BatchWriter *m_writer = nullptr;
    BookingStore *m_batchStore = nullptr; // used on the writer thread only
    Signer m_sign;
    bool m_inFlight = false;
    struct FinishedBatch {
        std::shared_ptr<std::vector<PendingWrite>> batch;
        StoreError error;
    };
    std::mutex m_finishedMutex;
    std::vector<FinishedBatch> m_finished; // written by the writer thread
    qint64 m_batches = 0;
    qint64 m_batchedWrites = 0;
    mutable qint64 m_todayMinute = -1;
    mutable QDate m_today;
};

} // namespace slotdesk

#include "service/booking/BookingEngine.h"

#include "models/booking/BookingCode.h"
#include "models/booking/PersonKey.h"
#include "models/core/Clock.h"
#include "net/QrPayload.h"
#include "service/EventHub.h"
#include "service/booking/BatchWriter.h"
#include "service/http/JsonResponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cstring>
#include <sodium.h>

namespace slotdesk {

namespace {

// Tombstones of expired/used holds are kept this long so that a late confirm gets a precise
// "hold_expired" rather than "unknown hold".
constexpr qint64 tombstoneSeconds = 3600;

QString tr(const char *text) {
    return QCoreApplication::translate("BookingEngine", text);
}

// Hold ids and booking codes come from the kernel's CSPRNG like before, but fetched 4 KiB at a
// time: one getrandom() per call was a system call per hold and per booking on the
// server thread. Per thread, because codes are also redrawn on the writer thread.
void randomBytes(void *out, std::size_t size) {
    thread_local std::array<unsigned char, 4096> pool;
    thread_local std::size_t used = pool.size();
    auto *to = static_cast<unsigned char *>(out);
    while (size > 0) {
        if (used == pool.size()) {
            randombytes_buf(pool.data(), pool.size());
            used = 0;
        }
        const std::size_t n = std::min(size, pool.size() - used);
        std::memcpy(to, pool.data() + used, n);
        sodium_memzero(pool.data() + used, n); // handed-out bytes do not stay behind
        used += n;
        to += n;
        size -= n;
    }
}

EngineError error(EngineError::Kind kind, const char *reason, const QString &message,
                  const QString &field = {}) {
    return EngineError{kind, QLatin1String(reason), message, field};
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
    , m_settings(settings) {
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
    m_centres = centres;
    m_centresJson.clear();
    ++m_generation;
    m_slots.clear();
    m_days.clear();
    m_answers.clear();
    for (const SlotRecord &slot : std::as_const(slots))
        indexSlot(slot);
    return {};
}

void BookingEngine::indexSlot(const SlotRecord &record) {
    SlotState state;
    state.record = record;
    state.dayJulian =
        QDateTime::fromSecsSinceEpoch(record.startsAt, berlinTimeZone()).date().toJulianDay();
    auto &ids = m_days[DayKey{record.centreId, record.service, state.dayJulian}].slotIds;
    const qint64 startsAt = record.startsAt;
    const auto pos =
        std::upper_bound(ids.begin(), ids.end(), startsAt, [this](qint64 start, qint64 id) {
            return start < m_slots.at(id).record.startsAt;
        });
    m_slots.emplace(record.id, state);
    ids.insert(pos, record.id);
    m_days[DayKey{record.centreId, record.service, state.dayJulian}].json.clear();
    m_answers.remove(record.centreId);
    ++m_generation;
}

void BookingEngine::changed(const SlotState &slot) {
    const auto it = m_days.find(DayKey{slot.record.centreId, slot.record.service, slot.dayJulian});
    if (it != m_days.end())
        it->second.json.clear();
    m_answers.remove(slot.record.centreId);
    ++m_generation;
}

QByteArray BookingEngine::centresJson() {
    if (m_centresJson.isEmpty()) {
        QJsonArray list;
        for (const CentreRecord &c : std::as_const(m_centres)) {
            if (!c.active)
                continue;
            list.append(
                QJsonObject{{QStringLiteral("id"), c.id},
                            {QStringLiteral("name"), c.name},
                            {QStringLiteral("street"), c.street},
                            {QStringLiteral("postcode"), c.postcode},
                            {QStringLiteral("city"), c.city},
                            {QStringLiteral("kind"), c.kind},
                            {QStringLiteral("phone"), c.phone},
                            {QStringLiteral("slot_minutes"), c.slotMinutes},
                            {QStringLiteral("services"), QJsonArray::fromStringList(c.services)}});
        }
        m_centresJson = QJsonDocument(QJsonObject{{QStringLiteral("centres"), list}})
                            .toJson(QJsonDocument::Compact);
    }
    return m_centresJson;
}

bool BookingEngine::hasCentre(qint64 centreId) const {
    return std::any_of(m_centres.cbegin(), m_centres.cend(),
                       [centreId](const CentreRecord &c) { return c.id == centreId && c.active; });
}

bool BookingEngine::centreOffers(qint64 centreId, const QString &service) const {
    return std::any_of(m_centres.cbegin(), m_centres.cend(), [&](const CentreRecord &c) {
        return c.id == centreId && c.active && c.services.contains(service);
    });
}

QByteArray BookingEngine::dayJson(const DayKey &key, Day &day, qint64 now) {
    if (!day.json.isEmpty() && now < day.validUntil)
        return day.json;
    // Written by hand: this runs on every change under load, QJsonDocument would allocate a
    // tree per slot.
    QByteArray slots;
    int freeTotal = 0;
    day.validUntil = std::numeric_limits<qint64>::max();
    for (const qint64 id : day.slotIds) {
        const SlotState &s = m_slots.at(id);
        if (s.record.startsAt <= now)
            continue;
        day.validUntil = std::min(day.validUntil, s.record.startsAt);
        const int free = std::max(0, s.free());
        freeTotal += free;
        if (!slots.isEmpty())
            slots.append(',');
        slots.append("{\"id\":" % QByteArray::number(id) % ",\"starts_at\":\"" %
                     berlinIso(s.record.startsAt).toLatin1() % "\",\"minutes\":" %
                     QByteArray::number(s.record.minutes) % ",\"free\":" %
                     QByteArray::number(free) % '}');
    }
    if (day.validUntil == std::numeric_limits<qint64>::max())
        day.validUntil = now + 86400 * 365;
    day.json = "{\"date\":\"" %
               QDate::fromJulianDay(std::get<2>(key)).toString(Qt::ISODate).toLatin1() %
               "\",\"free\":" % QByteArray::number(freeTotal) % ",\"slots\":[" % slots % "]}";
    return day.json;
}

QByteArray BookingEngine::availabilityJson(qint64 centreId, const QString &service, QDate from,
                                           QDate to, qint64 *validUntil) {
    QByteArray answer = availabilityAnswer(centreId, service, from, to);
    if (validUntil) {
        *validUntil = std::numeric_limits<qint64>::max();
        for (qint64 d = from.toJulianDay(); d <= to.toJulianDay(); ++d) {
            const auto it = m_days.find(DayKey{centreId, service, d});
            if (it != m_days.end())
                *validUntil = std::min(*validUntil, it->second.validUntil);
        }
    }
    return answer;
}

QByteArray BookingEngine::availabilityAnswer(qint64 centreId, const QString &service, QDate from,
                                             QDate to) {
    sweep();
    const qint64 now = nowSecs();
    const QString cacheKey =
        service % u'|' % from.toString(Qt::ISODate) % u'|' % to.toString(Qt::ISODate);
    auto &answers = m_answers[centreId];
    // A cached answer is valid until a slot in it starts (then it must disappear).
    const auto cached = answers.constFind(cacheKey);
    if (cached != answers.constEnd()) {
        bool fresh = true;
        for (qint64 d = from.toJulianDay(); d <= to.toJulianDay() && fresh; ++d) {
            const auto it = m_days.find(DayKey{centreId, service, d});
            fresh =
                it == m_days.end() || (!it->second.json.isEmpty() && now < it->second.validUntil);
        }
        if (fresh)
            return *cached;
    }
    QByteArray days;
    for (qint64 d = from.toJulianDay(); d <= to.toJulianDay(); ++d) {
        const DayKey key{centreId, service, d};
        const auto it = m_days.find(key);
        if (it == m_days.end())
            continue;
        if (!days.isEmpty())
            days.append(',');
        days.append(dayJson(key, it->second, now));
    }
    QByteArray answer = "{\"centre_id\":" % QByteArray::number(centreId) % ",\"service\":\"" %
                        service.toUtf8() % "\",\"from\":\"" %
                        from.toString(Qt::ISODate).toLatin1() % "\",\"to\":\"" %
                        to.toString(Qt::ISODate).toLatin1() % "\",\"days\":[" % days % "]}";
    answers.insert(cacheKey, answer);
    return answer;
}

int BookingEngine::freePlaces(qint64 slotId) const {
    const auto it = m_slots.find(slotId);
    return it == m_slots.end() ? -1 : it->second.free();
}

void BookingEngine::centrePublished(const CentreRecord &centre) {
    const auto it = std::find_if(m_centres.begin(), m_centres.end(),
                                 [&centre](const CentreRecord &c) { return c.id == centre.id; });
    if (it == m_centres.end())
        m_centres.append(centre);
    else
        *it = centre;
    m_centresJson.clear();
    m_answers.remove(centre.id);
    ++m_generation;
}

StoreError BookingEngine::addCentre(CentreRecord *centre) {
    drain(); // events in seq order, one writer at a time
    if (StoreError e = m_store.insertCentre(centre, nowSecs()))
        return e;
    m_centres.append(*centre);
    m_centresJson.clear();
    ++m_generation;
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
    if (StoreError e = m_store.insertSlots(slots, QStringLiteral("release.opened"), payload,
                                           nowSecs(), &event))
        return e;
    for (const SlotRecord &s : std::as_const(*slots))
        indexSlot(s);
    m_hub.publish({event});
    return {};
}

QString BookingEngine::randomToken(int bytes) const {
    QByteArray raw(bytes, Qt::Uninitialized);
    randomBytes(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(raw.toHex());
}

EngineError BookingEngine::hold(qint64 slotId, const QString &service, HoldInfo *hold) {
    sweep();
    const auto it = m_slots.find(slotId);
    if (it == m_slots.end() || !hasCentre(it->second.record.centreId))
        return error(EngineError::Kind::NotFound, "slot_not_found",
                     tr("There is no bookable slot with this id."), QStringLiteral("slot_id"));
    SlotState &slot = it->second;
    if (!service.isEmpty() && slot.record.service != service)
        return error(EngineError::Kind::Invalid, "service_mismatch",
                     tr("This slot is for another service."), QStringLiteral("service"));
    const qint64 now = nowSecs();
    if (slot.record.startsAt <= now)
        return error(EngineError::Kind::Conflict, "slot_in_past", tr("This slot has started."),
                     QStringLiteral("slot_id"));
    if (slot.free() <= 0)
        return error(EngineError::Kind::Conflict, "slot_full",
                     tr("This slot has no free place left."), QStringLiteral("slot_id"));
    ++slot.held;
    ++m_activeHolds;
    const QString id = randomToken(16);
    const qint64 expiresAt = now + m_settings.holdSeconds;
    m_holds.insert(id, Hold{slotId, expiresAt, HoldState::Active});
    m_expiryQueue.emplace(expiresAt, id);
    changed(slot);
    *hold = HoldInfo{id, slotId, expiresAt};
    return {};
}

void BookingEngine::expire(const QString &holdId, Hold &hold) {
    Q_UNUSED(holdId);
    if (hold.state != HoldState::Active)
        return;
    const auto it = m_slots.find(hold.slotId);
    if (it != m_slots.end()) {
        --it->second.held;
        changed(it->second);
    }
    --m_activeHolds;
}

EngineError BookingEngine::releaseHold(const QString &holdId) {
    sweep();
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end())
        return error(EngineError::Kind::NotFound, "hold_not_found",
                     tr("There is no hold with this id."), QStringLiteral("hold_id"));
    if (it->state == HoldState::Expired)
        return error(EngineError::Kind::Conflict, "hold_expired", tr("The hold has expired."),
                     QStringLiteral("hold_id"));
    if (it->state != HoldState::Active)
        return error(EngineError::Kind::Conflict, "hold_not_active",
                     tr("The hold was already used or released."), QStringLiteral("hold_id"));
    expire(holdId, *it);
    it->state = HoldState::Released;
    m_forgetQueue.emplace(nowSecs() + tombstoneSeconds, holdId);
    return {};
}

void BookingEngine::sweep() {
    const qint64 now = nowSecs();
    while (!m_expiryQueue.empty() && m_expiryQueue.begin()->first <= now) {
        const QString id = m_expiryQueue.begin()->second;
        m_expiryQueue.erase(m_expiryQueue.begin());
        const auto it = m_holds.find(id);
        if (it == m_holds.end() || it->state != HoldState::Active)
            continue;
        expire(id, *it);
        it->state = HoldState::Expired;
        m_forgetQueue.emplace(now + tombstoneSeconds, id);
    }
    while (!m_forgetQueue.empty() && m_forgetQueue.begin()->first <= now) {
        m_holds.remove(m_forgetQueue.begin()->second);
        m_forgetQueue.erase(m_forgetQueue.begin());
    }
}

void BookingEngine::submitConfirm(const ConfirmRequest &request,
                                  std::optional<IdempotencyRecord> idempotency, Renderer render,
                                  WriteDone done) {
    sweep();
    const auto refuse = [&done](EngineError e) { done(WriteOutcome{std::move(e), {}, false, {}}); };
    const auto holdIt = m_holds.find(request.holdId);
    if (holdIt == m_holds.end())
        return refuse(error(EngineError::Kind::NotFound, "hold_not_found",
                            tr("There is no hold with this id."), QStringLiteral("hold_id")));
    if (holdIt->state == HoldState::Expired)
        return refuse(error(EngineError::Kind::Conflict, "hold_expired",
                            tr("The hold has expired; please choose a slot again."),
                            QStringLiteral("hold_id")));
    if (holdIt->state != HoldState::Active)
        return refuse(error(EngineError::Kind::Conflict, "hold_not_active",
                            tr("The hold was already used or released."),
                            QStringLiteral("hold_id")));
    const SlotState &slot = m_slots.at(holdIt->slotId);
    const qint64 now = nowSecs();

    PendingWrite write;
    write.holdId = request.holdId;
    BookingRecord &b = write.booking;
    b.slotId = holdIt->slotId;
    b.service = slot.record.service;
    b.personKey = PersonKey::make(request.familyName, request.givenName, request.birthDate,
                                  request.phone, request.email);
    b.familyName = request.familyName;
    b.givenName = request.givenName;
    b.birthDate = request.birthDate;
    b.phone = request.phone;
    b.email = request.email;
    b.channel = request.channel;
    b.createdAt = now;
    b.updatedAt = now;
    b.centreId = slot.record.centreId;
    b.startsAt = slot.record.startsAt;
    b.minutes = slot.record.minutes;
    b.code = drawCode();
    write.idempotency = std::move(idempotency);
    write.render = std::move(render);
    write.done = std::move(done);
    // The held place stays counted as held until the batch committed.
    holdIt->state = HoldState::Committing;
    m_queue.push_back(std::move(write));
    scheduleFlush();
}

void BookingEngine::submitCancel(const QString &code, std::optional<IdempotencyRecord> idempotency,
                                 Renderer render, WriteDone done) {
    sweep();
    const auto refuse = [&done](EngineError e) { done(WriteOutcome{std::move(e), {}, false, {}}); };
    PendingWrite write;
    BookingRecord &b = write.booking;
    if (EngineError e = lookup(code, &b))
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
    write.cancel = true;
    write.idempotency = std::move(idempotency);
    write.render = std::move(render);
    write.done = std::move(done);
    m_queue.push_back(std::move(write));
    scheduleFlush();
}

void BookingEngine::scheduleFlush() {
    if (m_flushScheduled || !m_autoFlush)
        return;
    m_flushScheduled = true;
    // Everything submitted until the event loop comes back here joins the same transaction.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushScheduled = false;
            dispatch();
        },
        Qt::QueuedConnection);
}

void BookingEngine::setWriter(BatchWriter *writer, BookingStore *store) {
    drain();
    m_writer = writer;
    m_batchStore = store;
}

void BookingEngine::flush() {
    drain();
    if (m_queue.empty())
        return;
    dispatch();
    drain();
}

void BookingEngine::drain() {
    if (!m_inFlight)
        return;
    m_writer->waitIdle();
    collect();
}

void BookingEngine::dispatch() {
    if (m_queue.empty() || m_inFlight)
        return;
    std::vector<PendingWrite> batch;
    batch.swap(m_queue);
    if (!m_writer) {
        const StoreError failed = writeBatch(batch);
        finishBatch(batch, failed);
        return;
    }
    // One batch at a time: what arrives while it commits becomes the next batch.
    m_inFlight = true;
    auto shared = std::make_shared<std::vector<PendingWrite>>(std::move(batch));
    m_writer->post([this, shared] {
        const StoreError failed = writeBatch(*shared);
        {
            const std::lock_guard<std::mutex> lock(m_finishedMutex);
            m_finished.push_back({shared, failed});
        }
        QMetaObject::invokeMethod(
            this, [this] { collect(); }, Qt::QueuedConnection);
    });
}

void BookingEngine::collect() {
    std::vector<FinishedBatch> finished;
    {
        const std::lock_guard<std::mutex> lock(m_finishedMutex);
        finished.swap(m_finished);
    }
    if (finished.empty())
        return;
    m_inFlight = false;
    for (FinishedBatch &done : finished)
        finishBatch(*done.batch, done.error);
    if (m_autoFlush)
        dispatch();
}

void BookingEngine::finishBatch(std::vector<PendingWrite> &batch, const StoreError &failed) {
    const qint64 now = nowSecs();
    QList<Event> events;
    if (failed) {
        for (PendingWrite &write : batch) {
            if (!write.cancel)
                reactivate(write.holdId, now);
            write.outcome = WriteOutcome{storageError(failed), {}, false, {}};
        }
    } else {
        ++m_batches;
        m_batchedWrites += qint64(batch.size());
        for (PendingWrite &write : batch) {
            if (!write.cancel) {
                applyConfirm(write, now);
            } else if (write.written) {
                const auto it = m_slots.find(write.booking.slotId);
                if (it != m_slots.end()) {
                    --it->second.record.booked;
                    changed(it->second);
                }
            }
            if (write.written)
                events.append(write.event);
        }
        m_hub.publish(events);
    }
    for (const PendingWrite &write : batch)
        write.done(write.outcome);
}

StoreError BookingEngine::writeBatch(std::vector<PendingWrite> &batch) {
    renderBatch(batch);
    if (StoreError e = batchStore().beginBatch())
        return e;
    for (PendingWrite &write : batch) {
        StoreError batchError;
        if (write.cancel) {
            const BookingRecord &b = write.booking;
            if (write.idempotency) {
                write.idempotency->status = 200;
                write.idempotency->body = write.outcome.body;
            }
            const StoreError e = batchStore().cancel(
                b, b.updatedAt, write.idempotency ? &*write.idempotency : nullptr,
                QStringLiteral("booking.cancelled"), eventPayload(b), &write.event);
            write.written = !e;
            write.outcome.booking = b;
            if (e.kind == StoreError::Kind::Conflict)
                write.outcome.error =
                    error(EngineError::Kind::Conflict, "booking_not_active",
                          tr("The booking is no longer active."), QStringLiteral("code"));
            else if (e)
                batchError = e;
        } else {
            write.outcome.error = writeConfirm(write, &batchError);
        }
        if (batchError) {
            batchStore().rollbackBatch();
            return batchError;
        }
    }
    return batchStore().commitBatch();
}

EngineError BookingEngine::writeConfirm(PendingWrite &write, StoreError *batchError) {
    BookingRecord &b = write.booking;
    IdempotencyRecord *idempotency = write.idempotency ? &*write.idempotency : nullptr;
    // 50 random bits: a collision is astronomically rare but is retried rather than failed.
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (attempt > 0) {
            b.code = drawCode();
            write.outcome.body = write.render(b, signQr(b)); // rare: its own tree of one
        }
        if (idempotency) {
            idempotency->status = 201;
            idempotency->body = write.outcome.body;
        }
        const StoreError e = batchStore().confirm(
            &b, idempotency, QStringLiteral("booking.confirmed"), eventPayload(b), &write.event);
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
                write.outcome.body.clear();
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

namespace {
QrPayload qrPayloadOf(const BookingRecord &b) {
    return QrPayload{b.code, b.centreId, b.service, b.startsAt};
}
} // namespace

QString BookingEngine::signQr(const BookingRecord &booking) const {
    if (!m_sign)
        return {};
    return QrPayload::signBatch({qrPayloadOf(booking)}, m_sign).constFirst();
}

void BookingEngine::renderBatch(std::vector<PendingWrite> &batch) const {
    // Ed25519 signing was the most expensive step of a confirm (~230k of ~750k instructions):
    // one signature over a Merkle root now covers up to QrPayload::maxTreeSize answers; the
    // tree and the longer QR text cost ~14k per booking. This runs on the writer thread (the
    // server thread, busy with HTTP, is the bottleneck) right before the transaction, so the
    // answers are ready to be stored with it and the added latency is one signature.
    QStringList qr;
    if (m_sign) {
        QList<QrPayload> payloads;
        payloads.reserve(qsizetype(batch.size()));
        for (const PendingWrite &write : batch)
            payloads.append(qrPayloadOf(write.booking));
        qr = QrPayload::signBatch(payloads, m_sign);
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i].outcome.body =
            batch[i].render(batch[i].booking, m_sign ? qr.at(qsizetype(i)) : QString());
}

QString BookingEngine::drawCode() {
    quint64 bits = 0;
    randomBytes(&bits, sizeof bits);
    return BookingCode::fromBits(bits);
}

void BookingEngine::applyConfirm(PendingWrite &write, qint64 now) {
    const auto holdIt = m_holds.find(write.holdId);
    if (holdIt == m_holds.end() || holdIt->state != HoldState::Committing)
        return;
    if (write.outcome.error) {
        reactivate(write.holdId, now); // refused: the hold is as it was
        return;
    }
    const auto slotIt = m_slots.find(holdIt->slotId);
    if (slotIt != m_slots.end()) {
        SlotState &slot = slotIt->second;
        --slot.held; // the held place becomes the booked place, or is given back
        if (write.written)
            ++slot.record.booked;
        changed(slot);
    }
    --m_activeHolds;
    holdIt->state = write.written ? HoldState::Used : HoldState::Released;
    m_forgetQueue.emplace(now + tombstoneSeconds, write.holdId);
}

void BookingEngine::reactivate(const QString &holdId, qint64 now) {
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end() || it->state != HoldState::Committing)
        return;
    it->state = HoldState::Active;
    if (it->expiresAt > now) {
        m_expiryQueue.emplace(it->expiresAt, holdId);
        return;
    }
    expire(holdId, *it);
    it->state = HoldState::Expired;
    m_forgetQueue.emplace(now + tombstoneSeconds, holdId);
}

EngineError BookingEngine::confirm(const ConfirmRequest &request, IdempotencyRecord *idempotency,
                                   const Renderer &render, BookingRecord *booking, bool *existing) {
    std::optional<WriteOutcome> result;
    std::optional<IdempotencyRecord> record;
    if (idempotency)
        record = *idempotency;
    submitConfirm(request, record, render, [&result](const WriteOutcome &o) { result = o; });
    if (!result)
        flush();
    Q_ASSERT(result);
    *booking = result->booking;
    *existing = result->existing;
    if (idempotency && !result->error && !result->existing) {
        idempotency->status = 201;
        idempotency->body = result->body;
    }
    return result->error;
}

EngineError BookingEngine::lookup(const QString &code, BookingRecord *booking) {
    std::optional<BookingRecord> found;
    if (StoreError e = m_store.bookingByCode(code, &found))
        return storageError(e);
    if (!found)
        return error(EngineError::Kind::NotFound, "booking_not_found",
                     tr("There is no booking with this code."), QStringLiteral("code"));
    *booking = *found;
    return {};
}

EngineError BookingEngine::cancel(const QString &code, IdempotencyRecord *idempotency,
                                  const Renderer &render, BookingRecord *booking) {
    std::optional<WriteOutcome> result;
    std::optional<IdempotencyRecord> record;
    if (idempotency)
        record = *idempotency;
    submitCancel(code, record, render, [&result](const WriteOutcome &o) { result = o; });
    if (!result)
        flush();
    Q_ASSERT(result);
    *booking = result->booking;
    if (idempotency && !result->error) {
        idempotency->status = 200;
        idempotency->body = result->body;
    }
    return result->error;
}

} // namespace slotdesk

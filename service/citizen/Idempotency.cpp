#include "service/citizen/Idempotency.h"

#include "models/booking/BookingStore.h"
#include "models/core/Clock.h"
#include "service/http/JsonResponse.h"

#include "service/http/Router.h"

#include <QCryptographicHash>

#include <algorithm>

namespace slotdesk {

Idempotency::Idempotency(BookingStore &store, const Clock &clock, RenderStored renderStored,
                         qsizetype memoryEntries, qint64 ttlSeconds)
    : m_store(store)
    , m_clock(clock)
    , m_renderStored(std::move(renderStored))
    , m_ttl(ttlSeconds)
    , m_memory(memoryEntries) {}

QHttpServerResponse Idempotency::replayStored(const IdempotencyRecord &record) const {
    if (record.bookingId == 0)
        return replay(record);
    IdempotencyRecord rendered = record;
    rendered.body = m_renderStored(record);
    if (rendered.body.isEmpty())
        return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_unavailable"),
                         QStringLiteral("The stored answer cannot be read; please retry."));
    return replay(rendered);
}

QHttpServerResponse Idempotency::replay(const IdempotencyRecord &record) {
    QHttpServerResponse response(QByteArrayLiteral("application/json"), record.body,
                                 HttpStatus(record.status));
    response.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return response;
}

namespace {

QHttpServerResponse reused() {
    return jsonError(HttpStatus::UnprocessableEntity, QStringLiteral("idempotency_key_reused"),
                     QStringLiteral("This Idempotency-Key was used for a different request."),
                     QStringLiteral("Idempotency-Key"));
}

} // namespace

Idempotency::Begin Idempotency::begin(const HttpRequest &request) {
    Begin result;
    const QByteArray key = request.header(QByteArrayLiteral("Idempotency-Key"));
    if (key.isEmpty())
        return result;
    const bool printable =
        std::all_of(key.cbegin(), key.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
    if (key.size() > 255 || !printable) {
        result.answer.emplace(jsonError(HttpStatus::BadRequest,
                                        QStringLiteral("invalid_idempotency_key"),
                                        QStringLiteral("The Idempotency-Key must be 1 to 255 "
                                                       "printable ASCII characters.")));
        return result;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(Router::methodName(request.method()).toLatin1());
    hash.addData("\n");
    hash.addData(request.path().toUtf8());
    hash.addData("\n");
    hash.addData(request.body());
    IdempotencyRecord record;
    record.key = QString::fromLatin1(key);
    record.fingerprint = hash.result();
    record.createdAt = m_clock.now().toSecsSinceEpoch();

    const auto inFlight = m_inFlight.constFind(record.key);
    if (inFlight != m_inFlight.constEnd()) {
        if (inFlight->fingerprint == record.fingerprint)
            result.inFlight = true;
        else
            result.answer.emplace(reused());
        return result;
    }
    std::optional<IdempotencyRecord> stored;
    if (const IdempotencyRecord *memory = m_memory.find(record.key)) {
        stored = *memory;
    } else if (StoreError e = m_store.idempotency(record.key, &stored)) {
        result.answer.emplace(jsonError(HttpStatus::ServiceUnavailable,
                                        QStringLiteral("storage_unavailable"), e.message));
        return result;
    }
    if (stored) {
        if (stored->fingerprint != record.fingerprint) {
            result.answer.emplace(reused());
        } else {
            result.answer.emplace(replayStored(*stored));
        }
        return result;
    }
    result.record = record;
    return result;
}

void Idempotency::remember(const std::optional<IdempotencyRecord> &record,
                           const QHttpServerResponse &response) {
    if (!record)
        return;
    // 5xx answers are not final: a retry should run again.
    if (int(response.statusCode()) >= 500)
        return;
    IdempotencyRecord copy = *record;
    copy.status = int(response.statusCode());
    copy.body = response.data();
    m_memory.insert(copy.key, copy);
    m_byAge.emplace(copy.createdAt, copy.key);
}

void Idempotency::started(const IdempotencyRecord &record) {
    m_inFlight.insert(record.key, InFlight{record.fingerprint, {}});
}

void Idempotency::waitFor(const QString &key, DeferredReply reply) {
    const auto it = m_inFlight.find(key);
    if (it == m_inFlight.end()) {
        reply.finish(jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("retry"),
                               QStringLiteral("Please retry the request.")));
        return;
    }
    it->waiters.push_back(std::move(reply));
}

void Idempotency::completed(const std::optional<IdempotencyRecord> &record,
                            const QHttpServerResponse &response) {
    if (!record)
        return;
    const auto it = m_inFlight.find(record->key);
    if (it == m_inFlight.end())
        return;
    std::vector<DeferredReply> waiters = std::move(it->waiters);
    m_inFlight.erase(it);
    IdempotencyRecord answer = *record;
    answer.status = int(response.statusCode());
    answer.body = response.data();
    for (DeferredReply &waiter : waiters)
        waiter.finish(replay(answer));
}

void Idempotency::prune() {
    const qint64 limit = m_clock.now().toSecsSinceEpoch() - m_ttl;
    while (!m_byAge.empty() && m_byAge.begin()->first < limit) {
        m_memory.remove(m_byAge.begin()->second);
        m_byAge.erase(m_byAge.begin());
    }
    m_store.pruneIdempotency(limit);
}

} // namespace slotdesk

#include "service/citizen/Idempotency.h"

#include "models/booking/BookingStore.h"
#include "models/core/Clock.h"
#include "service/http/JsonResponse.h"

#include "service/http/Router.h"

#include <QCryptographicHash>

#include <algorithm>

namespace slotdesk {

Idempotency::Idempotency(BookingStore &store, const Clock &clock, qint64 ttlSeconds)
    : m_store(store)
    , m_clock(clock)
    , m_ttl(ttlSeconds) {}

QHttpServerResponse Idempotency::replay(const IdempotencyRecord &record) {
    QHttpServerResponse response(QByteArrayLiteral("application/json"), record.body,
                                 HttpStatus(record.status));
    response.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return response;
}

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

    std::optional<IdempotencyRecord> stored;
    const auto memory = m_memory.constFind(record.key);
    if (memory != m_memory.constEnd()) {
        stored = *memory;
    } else if (StoreError e = m_store.idempotency(record.key, &stored)) {
        result.answer.emplace(jsonError(HttpStatus::ServiceUnavailable,
                                        QStringLiteral("storage_unavailable"), e.message));
        return result;
    }
    if (stored) {
        if (stored->fingerprint != record.fingerprint) {
            result.answer.emplace(
                jsonError(HttpStatus::UnprocessableEntity, QStringLiteral("idempotency_key_reused"),
                          QStringLiteral("This Idempotency-Key was used for a different request."),
                          QStringLiteral("Idempotency-Key")));
        } else {
            result.answer.emplace(replay(*stored));
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

void Idempotency::prune() {
    const qint64 limit = m_clock.now().toSecsSinceEpoch() - m_ttl;
    while (!m_byAge.empty() && m_byAge.begin()->first < limit) {
        m_memory.remove(m_byAge.begin()->second);
        m_byAge.erase(m_byAge.begin());
    }
    m_store.pruneIdempotency(limit);
}

} // namespace slotdesk

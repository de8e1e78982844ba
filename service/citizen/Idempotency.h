#pragma once

#include "models/booking/BookingTypes.h"
#include "models/core/LruCache.h"
#include "service/http/HttpRequest.h"

#include <QHash>
#include <QHttpServerResponse>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace slotdesk {

class BookingStore;
class Clock;

// Idempotency-Key handling for every mutating citizen request. The fingerprint is SHA-256 of
// method, path and body: the same key with another request is refused (422
// idempotency_key_reused) instead of silently replaying an unrelated answer.
// Answers of confirms and cancellations are stored durably by the engine in their own
// transaction (so a retry after a crash gets them); every other answer is remembered in
// memory for `ttl` seconds (holds do not survive a restart either).
class Idempotency {
public:
    // Renders the body of a stored confirm or cancel (empty when its booking is gone).
    using RenderStored = std::function<QByteArray(const IdempotencyRecord &)>;
    // At most `memoryEntries` answers are kept in memory (least recently used evicted first;
    // an evicted key's retry runs again, which for holds and refusals is harmless).
    Idempotency(BookingStore &store, const Clock &clock, RenderStored renderStored,
                qsizetype memoryEntries = 100000, qint64 ttlSeconds = 86400);

    struct Begin {
        // Set when the request must not run: a replayed answer, or an error (bad key, reuse).
        std::optional<QHttpServerResponse> answer;
        // Set when the request carries a key and should run: pass to the engine / remember().
        std::optional<IdempotencyRecord> record;
        // The same request (same key and fingerprint) is being committed right now: defer the
        // answer and hand it to waitFor(); it gets the first request's answer.
        bool inFlight = false;
    };
    Begin begin(const HttpRequest &request);
    // Remembers a non-durable answer (no-op without a key).
    void remember(const std::optional<IdempotencyRecord> &record,
                  const QHttpServerResponse &response);
    void prune();
    qsizetype memorySize() const { return m_memory.size(); }

    // A request with this record is committing (its answer is deferred until its batch).
    void started(const IdempotencyRecord &record);
    void waitFor(const QString &key, DeferredReply reply);
    // The committing request got its answer (remember() it separately when it is not
    // durable): the waiting retries get it too (a 5xx as well, which they may retry).
    void completed(const std::optional<IdempotencyRecord> &record,
                   const QHttpServerResponse &response);

    static QHttpServerResponse replay(const IdempotencyRecord &record);

private:
    QHttpServerResponse replayStored(const IdempotencyRecord &record) const;

    BookingStore &m_store;
    const Clock &m_clock;
    RenderStored m_renderStored;
    qint64 m_ttl;
    LruCache<QString, IdempotencyRecord> m_memory;
    std::multimap<qint64, QString> m_byAge;
    struct InFlight {
        QByteArray fingerprint;
        std::vector<DeferredReply> waiters;
    };
    QHash<QString, InFlight> m_inFlight;
};

} // namespace slotdesk

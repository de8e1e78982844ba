#pragma once

#include "service/booking/BookingEngine.h"
#include "service/citizen/Idempotency.h"
#include "service/citizen/RateLimiter.h"
#include "service/http/Controller.h"

#include <QHttpServerResponse>

namespace slotdesk {

class Clock;
class SigningKey;

// The public, unauthenticated booking API under /api/v1:
//   GET    /health                          liveness and version
//   GET    /public-key                      Ed25519 key that signs QR payloads
//   GET    /centres                         active centres with their services
//   GET    /centres/{id}/availability       ?service=&from=&to= (Berlin dates, ≤ 31 days)
//   GET    /centres/{id}/second-doses       ?slot=ID: the free slots a first dose in that slot
//                                            may be paired with (two-dose products)
//   POST   /holds                           {slot_id|slotId, service?, second_slot_id?} → 201
//                                            hold; a two-dose product's first dose needs
//                                            second_slot_id (400 second_dose_required, 409
//                                            second_dose_outside_interval/_unavailable)
//   DELETE /holds/{id}                      release a hold early
//   POST   /bookings                        {hold_id, family_name, given_name, birth_date,
//                                            phone|email, priority_group?, invitation_code?}
//                                            → 201 new, 409 already_booked (day and centre
//                                            only: no code, no names), 403 not_eligible with
//                                            reason (a release's age, group or invitation)
//   POST   /booking-code-requests           {family_name, given_name, birth_date, service} →
//                                            202 always; the code goes to the contact on file
//   GET    /bookings/{code}                 header Birth-Date; rate-limited per address
//   DELETE /bookings/{code}                 cancel; header Birth-Date; rate-limited
// A wrong birth date answers exactly like an unknown code and uses up a lookup.
// Every POST/DELETE accepts an Idempotency-Key. Errors: see jsonError().
// Confirms and cancellations are answered after the group commit they joined (deferred
// answers); a retry with the same key while the first is committing gets the first's answer.
class CitizenController final : public Controller {
public:
    struct Limits {
        int lookupBurst = 20;
        int lookupPerMinute = 60;
        // Bounds of the in-memory caches (least recently used entries go first).
        int idempotencyEntries = 100000;
        int availabilityAnswers = 4096;
    };
    CitizenController(BookingEngine &engine, BookingStore &store, const SigningKey &key,
                      const Clock &clock, Limits limits);
    void registerRoutes(Router &router) override;

    // Periodic housekeeping (expired holds, idempotency memory, idle rate buckets).
    void housekeeping();
    // Entries in the bounded caches (for /metrics).
    qsizetype idempotencyCacheSize() const { return m_idempotency.memorySize(); }
    qsizetype availabilityCacheSize() const { return m_availabilityCache.size(); }

private:
    QHttpServerResponse health();
    QHttpServerResponse publicKey();
    QHttpServerResponse availability(const HttpRequest &request);
    QHttpServerResponse availabilityAnswer(const HttpRequest &request);
    QHttpServerResponse secondDoses(const HttpRequest &request);
    QHttpServerResponse createHold(const HttpRequest &request);
    QHttpServerResponse deleteHold(const HttpRequest &request);
    QHttpServerResponse createBooking(const HttpRequest &request);
    QHttpServerResponse getBooking(const HttpRequest &request);
    QHttpServerResponse cancelBooking(const HttpRequest &request);
    QHttpServerResponse requestCode(const HttpRequest &request);
    static QHttpServerResponse alreadyBooked(const BookingRecord &booking);
    static std::optional<QHttpServerResponse> readBirthDate(const HttpRequest &request,
                                                            QDate *birthDate);

    // Without a QR text, the booking gets one signed on its own (a tree of one).
    QByteArray renderBooking(const BookingRecord &booking);
    QByteArray renderBooking(const BookingRecord &booking, const QString &qrText);
    // A booking of a two-dose pair with the other one nested ("second_dose" in a first dose,
    // "first_dose" in a second); `other` with id 0: rendered alone.
    QByteArray renderBooking(const BookingRecord &booking, const QString &qrText,
                             const BookingRecord &other, const QString &otherQr);
    QByteArray renderWithPair(const BookingRecord &booking, const QString &qrText);
    // The answer of a committed confirm or cancel, replayed from its idempotency record.
    QByteArray renderStored(const IdempotencyRecord &record);
    QByteArray renderHold(const HoldInfo &hold);
    // Defers the answer to after the group commit of the write `submit` queues.
    void submitWrite(const HttpRequest &request, std::optional<IdempotencyRecord> record,
                     const std::function<void(WriteDone)> &submit);
    QHttpServerResponse waitForFirst(const HttpRequest &request);
    std::optional<QHttpServerResponse> limitLookup(const HttpRequest &request);
    static QHttpServerResponse engineError(const EngineError &error);

    BookingEngine &m_engine;
    const SigningKey &m_key;
    const Clock &m_clock;
    Idempotency m_idempotency;
    RateLimiter m_lookups;
    struct CachedAnswer {
        quint64 generation = 0;
        qint64 validUntil = 0;
        qint64 second = 0;
        QDate today;
        QByteArray bytes; // the complete HTTP answer
    };
    LruCache<QString, CachedAnswer> m_availabilityCache; // "centre?query" → answer
    qint64 m_lastValidUntil = 0;
    qint64 m_holdExpiry = -1;
    QByteArray m_holdExpiryText;
    QHash<qint64, QByteArray> m_isoCache; // slot start → ISO text in Berlin time
};

} // namespace slotdesk

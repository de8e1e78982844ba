#pragma once

#include "models/booking/BookingStore.h"
#include "models/store/SqliteStatement.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace slotdesk {

class EventLog;

// BookingStore on the service's SQLite connection (opened and migrated elsewhere, WAL).
// The hot statements are prepared once and reused: at tens of thousands of bookings per
// second, preparing costs as much as executing; the batch path runs on SQLite's own API
// (SqliteStatement). Single-threaded like the connection; destroy it before the connection is
// closed (as EventLog).
class SqliteBookingStore final : public BookingStore {
public:
    SqliteBookingStore(QSqlDatabase db, EventLog &eventLog);
    ~SqliteBookingStore() override;

    StoreError loadCentres(QList<CentreRecord> *centres) override;
    StoreError loadProducts(QList<ProductRecord> *products) override;
    StoreError loadSlots(qint64 fromStartsAt, QList<SlotRecord> *slots) override;
    StoreError insertCentre(CentreRecord *centre, qint64 now) override;
    StoreError insertSlots(QList<SlotRecord> *slots, const QString &eventType,
                           const QJsonObject &payload, qint64 now, Event *event) override;
    StoreError activeBookingOf(const QByteArray &personKey, const QString &service,
                               std::optional<BookingRecord> *found) override;
    StoreError bookingByCode(const QString &code, std::optional<BookingRecord> *found) override;
    StoreError bookingById(qint64 id, std::optional<BookingRecord> *found) override;
    StoreError firstDoseOf(qint64 secondId, std::optional<BookingRecord> *found) override;
    StoreError idempotency(const QString &key, std::optional<IdempotencyRecord> *found) override;
    StoreError beginBatch() override;
    StoreError commitBatch() override;
    void rollbackBatch() override;
    StoreError confirm(BookingRecord *booking, const IdempotencyRecord *idempotency,
                       const QString &eventType, const QByteArray &payload, Event *event) override;
    StoreError confirmPair(BookingRecord *first, BookingRecord *second,
                           const IdempotencyRecord *idempotency, const QString &eventType,
                           const QByteArray &firstPayload, const QByteArray &secondPayload,
                           Event *firstEvent, Event *secondEvent) override;
    StoreError useInvitation(const QByteArray &hash, qint64 bookingId, qint64 now) override;
    StoreError cancel(const BookingRecord &booking, qint64 now,
                      const IdempotencyRecord *idempotency, const QString &eventType,
                      const QByteArray &payload, Event *event) override;
    StoreError queueCodeResend(const QByteArray &personKey, const QString &service, qint64 now,
                               bool *queued) override;
    StoreError pruneIdempotency(qint64 olderThan) override;

private:
    struct Statements;
    QSqlQuery &prepared(QSqlQuery &query, const QString &sql);
    StoreError fail(StoreError::Kind kind, const QString &what, const QSqlQuery &query);
    StoreError fail(const QString &what, const SqliteStatement &statement);
    // Prepares (once), runs and resets a statement without parameters or rows.
    bool run(SqliteStatement &statement, const char *sql);
    StoreError rollback(StoreError error);
    StoreError insertIdempotency(const IdempotencyRecord &record, qint64 bookingId);
    // The second dose's insert (dose 2) and the first's link to it.
    StoreError insertSecondDose(BookingRecord *second);
    StoreError insertRow(SqliteStatement &insert, const char *sql, const QString &what,
                         BookingRecord *booking);
    StoreError takePlace(const BookingRecord &booking);
    StoreError appendEvent(const QString &eventType, const QByteArray &payload, qint64 at,
                           Event *event);
    StoreError readBooking(QSqlQuery &query, std::optional<BookingRecord> *found);

    QSqlDatabase m_db;
    EventLog &m_eventLog;
    std::unique_ptr<Statements> m_sql;
    // Base keys of persons with an active booking under a key PersonKeyRekey marked; read once.
    const QSet<QByteArray> &markedPersons();
    std::optional<QSet<QByteArray>> m_markedPersons;
    qint64 m_batchSeq = -1; // the EventLog's seq when the batch began; -1 outside a batch
};

} // namespace slotdesk

#pragma once

#include "models/store/StoreError.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace slotdesk {

// A booking as staff see it at the desk: the booking with its slot's time and its centre.
struct DeskBooking {
    qint64 id = 0;
    QString code;
    QString state;
    QString service;
    QString familyName;
    QString givenName;
    QString birthDate;
    QString phone;
    QString email;
    QString channel;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 startsAt = 0;
    int minutes = 0;
    qint64 centreId = 0;
    QString centreUuid;
};

// What GET /api/v1/bookings may ask for; every part is optional.
struct DeskBookingFilter {
    std::optional<QString> centreUuid;
    std::optional<qint64> startsFrom;  // slot start >= (Unix seconds)
    std::optional<qint64> startsUntil; // slot start <
    std::optional<QString> state;
    std::optional<qint64> releaseId; // only bookings of this release's slots
    // Keyset cursor: only rows after (startsAt, id) in (slot start, booking id) order.
    std::optional<std::pair<qint64, qint64>> after;
    // The caller's centres when its account is limited to some; empty: every centre.
    QList<qint64> centreIds;
    int limit = 50;
};

// The staff side's reads of bookings (with slot and centre) and the check-in write (bookings
// state and check_ins). The booking engine owns every other write of bookings.
class DeskBookingStore {
public:
    explicit DeskBookingStore(QSqlDatabase db);

    // Ordered by slot start and booking id, at most filter.limit rows.
    Stored<QList<DeskBooking>> list(const DeskBookingFilter &filter) const;
    Stored<std::optional<DeskBooking>> findByCode(const QString &code) const;
    // When the booking's latest arrival was recorded, if any.
    std::optional<qint64> lastArrival(qint64 bookingId) const;
    // confirmed → checked_in plus its check_ins row, inside the caller's transaction. False when
    // the booking is no longer confirmed or a statement failed.
    bool checkIn(const DeskBooking &booking, const QString &desk, qint64 staffId, qint64 now);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk

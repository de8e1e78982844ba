#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace slotdesk {

// Plain rows exchanged between the booking engine and a BookingStore. Instants are Unix
// seconds UTC (as in the schema); the engine converts to Europe/Berlin for days.

struct CentreRecord {
    qint64 id = 0;
    QString uuid;
    QString name;
    QString street;
    QString postcode;
    QString city;
    QString kind = QStringLiteral("test"); // "test" | "vaccination"
    int slotMinutes = 15;
    QString phone;
    bool active = true;
    QStringList services; // service codes offered
};

struct SlotRecord {
    qint64 id = 0;
    qint64 centreId = 0;
    QString service;
    qint64 startsAt = 0;
    int minutes = 15;
    int capacity = 0;
    int booked = 0;
    // When the slot's release opens (Unix seconds); 0: published without a release, bookable
    // at once. Before it the slot is neither shown nor held.
    qint64 opensAt = 0;
    qint64 releaseId = 0; // 0: none
    // Places kept back for hotline bookings (not offered to citizens) and hotline bookings.
    int hotlinePlaces = 0;
    int hotlineBooked = 0;
    // Withdrawn: capacity follows booked down, a cancelled place is not offered again.
    bool withdrawn = false;
};

// A product with two doses (services.doses = 2) and the days between them.
struct ProductRecord {
    QString service;
    int doses = 1;
    int intervalMinDays = 0;
    int intervalMaxDays = 0;
};

struct BookingRecord {
    qint64 id = 0;
    QString code; // canonical, see BookingCode
    qint64 slotId = 0;
    QString service;
    QByteArray personKey; // see PersonKey
    QString familyName;
    QString givenName;
    QDate birthDate;
    QString phone;
    QString email;
    QString state = QStringLiteral("confirmed"); // confirmed | cancelled | checked_in | no_show
    QString channel = QStringLiteral("online");
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // Two-dose products: 2 for a second appointment; a first dose points at its second.
    int dose = 1;
    qint64 pairedBookingId = 0; // 0: none
    // From the slot, filled by reads.
    qint64 centreId = 0;
    qint64 startsAt = 0;
    int minutes = 0;
};

// The stored first answer to a request with an Idempotency-Key. A confirm or cancel stores its
// answer as data (status, the booking's id, its QR text) and the controller renders it again
// on a replay; other answers (refusals, holds) keep their rendered body.
struct IdempotencyRecord {
    QString key;
    QByteArray fingerprint; // hash of method, path and body
    int status = 0;
    QByteArray body;
    qint64 createdAt = 0;
    qint64 bookingId = 0; // 0: the answer is `body`
    QString qrText;
};

} // namespace slotdesk

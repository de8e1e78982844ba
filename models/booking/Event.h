#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace slotdesk {

// One entry of the live event stream: every booking, cancellation, check-in, release and staff
// change. seq is assigned by the event log inside the same transaction as the change it
// describes, so the stream has no gaps and a committed change always has its event.
struct Event {
    qint64 seq = 0;
    qint64 at = 0; // Unix seconds UTC
    QString
        type; // "booking.confirmed", "booking.cancelled", "checkin.arrival", "slots.published", ...
    // The payload as stored: a compact JSON object text. Kept as text so that writing,
    // replaying and streaming an event never parse or re-serialise it.
    QByteArray payload;
};

} // namespace slotdesk

Q_DECLARE_METATYPE(slotdesk::Event)

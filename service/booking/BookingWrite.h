#pragma once

#include "models/booking/BookingTypes.h"
#include "models/booking/Event.h"
#include "service/booking/EngineError.h"

#include <functional>
#include <optional>

namespace slotdesk {

// What a confirm or cancel came to, handed to its callback after its batch committed (or
// failed). `qrText` is the signed QR text of a new booking; the controller renders the answer.
// existing: the person already had an active booking for the service (then `booking` is that
// one and nothing new was stored).
struct WriteOutcome {
    EngineError error;
    BookingRecord booking;
    bool existing = false;
    QString qrText;
    // A two-dose pair: the second appointment booked with `booking` (id 0: none).
    BookingRecord second;
    QString secondQrText;
};

using WriteDone = std::function<void(const WriteOutcome &)>;

// One confirm or cancel waiting for its group commit.
struct BookingWrite {
    bool cancel = false;
    QString holdId; // confirm
    BookingRecord booking;
    std::optional<IdempotencyRecord> idempotency;
    WriteDone done;
    WriteOutcome outcome;
    bool written = false; // stored in this batch (not refused by a conflict)
    Event event;
    // A two-dose pair: `second` is written with `booking` (confirm), or cancelled with it.
    bool paired = false;
    BookingRecord second;
    Event secondEvent;
    bool secondWritten = false;
    QByteArray invitation; // hash of the invitation code the confirm uses; empty: none
};

} // namespace slotdesk

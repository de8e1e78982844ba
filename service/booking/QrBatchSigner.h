#pragma once

#include "models/booking/BookingTypes.h"
#include "net/QrPayload.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace slotdesk {

// Signs the QR payloads of a batch of bookings: one Merkle tree and one Ed25519 signature per
// QrPayload::maxTreeSize bookings, because a signature is the most expensive step of a
// confirm. Runs on the batch writer's thread; `sign` must be thread-safe. Without a signer
// every QR text is empty.
class QrBatchSigner {
public:
    using Signer = std::function<QByteArray(const QByteArray &)>;
    QrBatchSigner() = default;
    explicit QrBatchSigner(Signer sign)
        : m_sign(std::move(sign)) {}

    bool enabled() const { return bool(m_sign); }
    // The v2 QR texts of `payloads`, in their order.
    QStringList sign(const QList<QrPayload> &payloads) const;
    // A tree of one, for answers outside a batch.
    QString signOne(const BookingRecord &booking) const;
    static QrPayload payloadOf(const BookingRecord &booking);

private:
    Signer m_sign;
};

} // namespace slotdesk

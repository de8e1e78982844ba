#include "service/booking/QrBatchSigner.h"

namespace slotdesk {

QrPayload QrBatchSigner::payloadOf(const BookingRecord &b) {
    return QrPayload{b.code, b.centreId, b.service, b.startsAt};
}

QStringList QrBatchSigner::sign(const QList<QrPayload> &payloads) const {
    if (!m_sign) {
        QStringList empty;
        empty.resize(payloads.size());
        return empty;
    }
    return QrPayload::signBatch(payloads, m_sign);
}

QString QrBatchSigner::signOne(const BookingRecord &booking) const {
    if (!m_sign)
        return {};
    return QrPayload::signBatch({payloadOf(booking)}, m_sign).constFirst();
}

} // namespace slotdesk

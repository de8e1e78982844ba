#pragma once

#include "models/booking/BookingTypes.h"

#include <QHash>
#include <QHttpServerResponse>
#include <QJsonValue>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

class BookingEngine;

// Reads the "slots" array of a publish or release request: 1 to 10,000 objects {centre (uuid),
// service, start (ISO instant with offset), minutes, capacity}, each checked against the
// catalogue, the clock and the slots before it. The first problem is the answer to send.
class SlotBatchReader {
public:
    SlotBatchReader(QSqlDatabase db, const BookingEngine &engine);

    std::optional<QHttpServerResponse> read(const QJsonValue &slots, qint64 now);

    QList<SlotRecord> &records() { return m_records; }
    QStringList centreUuids() const { return m_centreIds.keys(); }
    QList<qint64> centreIds() const;

private:
    std::optional<QHttpServerResponse> readSlot(const QJsonValue &value, qsizetype index,
                                                qint64 now);

    QSqlDatabase m_db;
    const BookingEngine &m_engine;
    QHash<QString, qint64> m_centreIds; // uuid → id
    QSet<QString> m_seen;               // centre/service/start of the slots so far
    QList<SlotRecord> m_records;
};

} // namespace slotdesk

#include "service/staff/publish/SlotBatchReader.h"

#include "models/store/CentreTable.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int maxSlotsPerBatch = 10000;

QHttpServerResponse invalid(const QString &reason, const QString &message, const QString &field) {
    return jsonError(HttpStatus::UnprocessableEntity, reason, message, field);
}

// An instant with its offset (or Z): a wall-clock time alone is ambiguous on DST days.
bool hasOffset(const QString &text) {
    static const QRegularExpression offset(QStringLiteral("[+-]\\d\\d:?\\d\\d$"));
    return text.endsWith(u'Z') || offset.match(text).hasMatch();
}

} // namespace

SlotBatchReader::SlotBatchReader(QSqlDatabase db, const BookingEngine &engine)
    : m_db(std::move(db))
    , m_engine(engine) {}

QList<qint64> SlotBatchReader::centreIds() const {
    QList<qint64> ids = m_centreIds.values();
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<QHttpServerResponse> SlotBatchReader::read(const QJsonValue &slotsValue, qint64 now) {
    if (!slotsValue.isArray())
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("The field \"slots\" must be an array."),
                         QStringLiteral("slots"));
    const QJsonArray slots = slotsValue.toArray();
    if (slots.isEmpty() || slots.size() > maxSlotsPerBatch)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                         QStringLiteral("A batch has 1 to %1 slots.").arg(maxSlotsPerBatch),
                         QStringLiteral("slots"));
    m_records.reserve(slots.size());
    for (qsizetype i = 0; i < slots.size(); ++i) {
        if (std::optional<QHttpServerResponse> refusal = readSlot(slots.at(i), i, now))
            return refusal;
    }
    return std::nullopt;
}

std::optional<QHttpServerResponse> SlotBatchReader::readSlot(const QJsonValue &value,
                                                             qsizetype index, qint64 now) {
    const QString where = QStringLiteral("slots[%1]").arg(index);
    if (!value.isObject())
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("Each slot must be an object."), where);
    JsonFields f(value.toObject());
    const QString centreText = f.string(QStringLiteral("centre"), JsonFields::Required, 64);
    const QString service = f.string(QStringLiteral("service"), JsonFields::Required, 64);
    const QString startText = f.string(QStringLiteral("start"), JsonFields::Required, 40);
    const std::optional<qint64> minutes =
        f.integer(QStringLiteral("minutes"), JsonFields::Required, 5, 240);
    const std::optional<qint64> capacity =
        f.integer(QStringLiteral("capacity"), JsonFields::Required, 1, 10000);
    f.rejectUnknown();
    if (f.failed())
        return f.takeError(); // names the field inside the slot; `where` is in the message
    const QUuid parsed = QUuid::fromString(centreText);
    if (parsed.isNull())
        return invalid(QStringLiteral("invalid_value"),
                       QStringLiteral("%1: centre must be a centre's UUID.").arg(where),
                       where % QStringLiteral(".centre"));
    const QString uuid = parsed.toString(QUuid::WithoutBraces);
    if (!m_centreIds.contains(uuid)) {
        const std::optional<CentreTable::Identity> centre = CentreTable(m_db).findByUuid(uuid);
        if (!centre)
            return invalid(QStringLiteral("unknown_centre"),
                           QStringLiteral("%1: there is no centre %2.").arg(where, uuid),
                           where % QStringLiteral(".centre"));
        m_centreIds.insert(uuid, centre->id);
    }
    const qint64 centreId = m_centreIds.value(uuid);
    if (!m_engine.centreOffers(centreId, service))
        return invalid(QStringLiteral("service_not_offered"),
                       QStringLiteral("%1: the centre does not offer %2.").arg(where, service),
                       where % QStringLiteral(".service"));
    const QDateTime start = QDateTime::fromString(startText, Qt::ISODate);
    if (!start.isValid() || !hasOffset(startText))
        return invalid(QStringLiteral("invalid_date"),
                       QStringLiteral("%1: start must be an ISO 8601 instant with offset, "
                                      "e.g. 2026-12-01T08:00:00+01:00.")
                           .arg(where),
                       where % QStringLiteral(".start"));
    const qint64 startsAt = start.toSecsSinceEpoch();
    if (startsAt <= now)
        return invalid(QStringLiteral("in_the_past"),
                       QStringLiteral("%1: the slot starts in the past.").arg(where),
                       where % QStringLiteral(".start"));
    if (startsAt > now + 400LL * 86400)
        return invalid(QStringLiteral("out_of_range"),
                       QStringLiteral("%1: slots are published at most 400 days ahead.").arg(where),
                       where % QStringLiteral(".start"));
    const QString key = QStringLiteral("%1/%2/%3").arg(centreId).arg(service).arg(startsAt);
    if (m_seen.contains(key))
        return invalid(QStringLiteral("duplicate_slot"),
                       QStringLiteral("%1 repeats an earlier slot of the batch.").arg(where),
                       where);
    m_seen.insert(key);
    m_records.append(SlotRecord{0, centreId, service, startsAt, int(*minutes), int(*capacity), 0});
    return std::nullopt;
}

} // namespace slotdesk

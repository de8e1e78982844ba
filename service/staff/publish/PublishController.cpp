#include "service/staff/publish/PublishController.h"

#include "models/store/CentreTable.h"
#include "models/store/OpeningHoursTable.h"
#include "net/WireFormat.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"
#include "service/staff/publish/PublishValidation.h"
#include "service/staff/publish/SlotBatchReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace slotdesk {

namespace {

QHttpServerResponse storageError() {
    return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                     QStringLiteral("The change could not be stored; nothing was changed."));
}

std::optional<QString> canonicalUuid(const QString &text) {
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull())
        return std::nullopt;
    return uuid.toString(QUuid::WithoutBraces);
}

CentreRecord recordOf(const Centre &centre) {
    CentreRecord record;
    record.id = centre.id;
    record.uuid = centre.uuid;
    record.name = centre.name;
    record.street = centre.street;
    record.postcode = centre.postcode;
    record.city = centre.city;
    record.kind = centreKindToString(centre.kind);
    record.slotMinutes = centre.slotMinutes;
    record.phone = centre.phone;
    record.active = centre.active;
    record.services = centre.serviceCodes;
    return record;
}

} // namespace

PublishController::PublishController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer,
                                     BookingEngine &engine)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer)
    , m_engine(engine) {}

void PublishController::registerRoutes(Router &router) {
    router.put(QStringLiteral("/api/v1/centres/{uuid}"),
               [this](const HttpRequest &request) { return putCentre(request); });
    router.put(QStringLiteral("/api/v1/centres/{uuid}/opening-hours"),
               [this](const HttpRequest &request) { return putOpeningHours(request); });
    router.post(QStringLiteral("/api/v1/slots"),
                [this](const HttpRequest &request) { return postSlots(request); });
}

QHttpServerResponse PublishController::putCentre(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    if (!uuid)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                         QStringLiteral("The path must name the centre by its UUID."),
                         QStringLiteral("uuid"));
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    Centre centre;
    QString decodeError;
    if (!wire::fromJson(*body, &centre, &decodeError))
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_centre"), decodeError);
    if (!centre.uuid.isEmpty() && canonicalUuid(centre.uuid) != uuid)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("uuid_mismatch"),
                         QStringLiteral("The body's uuid differs from the path's."),
                         QStringLiteral("uuid"));
    centre.uuid = *uuid;
    if (std::optional<QHttpServerResponse> refusal = validateCentre(centre))
        return std::move(*refusal);

    CentreTable centres(m_db);
    // Another centre with the same folded name: 409, as the console's own store does.
    if (centres.nameTakenByOther(centre.name, *uuid))
        return jsonError(HttpStatus::Conflict, QStringLiteral("name_taken"),
                         QStringLiteral("Another centre has this name."), QStringLiteral("name"));
    const std::optional<CentreTable::Identity> existing = centres.findByUuid(*uuid);
    centre.id = existing ? existing->id : 0;
    centre.revision = existing ? existing->revision : 0;
    const qint64 now = m_auth.now();
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        if (centres.write(centre, now))
            return false;
        const QJsonObject json = wire::toJson(centre);
        return tx.event(QStringLiteral("centre.published"), json, now) &&
               tx.audit(
                   {now, caller.user->login,
                    existing ? QStringLiteral("centre.update") : QStringLiteral("centre.create"),
                    QStringLiteral("centre"), *uuid, json});
    });
    if (!ok)
        return storageError();
    m_engine.centrePublished(recordOf(centre));
    return jsonResponse(wire::toJson(centre), existing ? HttpStatus::Ok : HttpStatus::Created);
}

QHttpServerResponse PublishController::putOpeningHours(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    const std::optional<CentreTable::Identity> centre =
        uuid ? CentreTable(m_db).findByUuid(*uuid) : std::nullopt;
    if (!centre)
        return jsonError(HttpStatus::NotFound, QStringLiteral("unknown_centre"),
                         QStringLiteral("There is no centre with this UUID; publish the "
                                        "centre first."));
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    OpeningHours hours;
    QString decodeError;
    if (!wire::fromJson(*body, &hours, &decodeError))
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_opening_hours"),
                         decodeError);
    if (std::optional<QHttpServerResponse> refusal = validateHours(hours))
        return std::move(*refusal);
    hours.centreId = centre->id;

    const qint64 now = m_auth.now();
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        if (OpeningHoursTable(m_db).write(hours))
            return false;
        const QJsonObject payload{{QStringLiteral("centre"), *uuid},
                                  {QStringLiteral("opening_hours"), wire::toJson(hours)}};
        return tx.event(QStringLiteral("centre.hours_published"), payload, now) &&
               tx.audit({now, caller.user->login, QStringLiteral("centre.hours_publish"),
                         QStringLiteral("centre"), *uuid, payload});
    });
    if (!ok)
        return storageError();
    return jsonResponse(wire::toJson(hours));
}

QHttpServerResponse PublishController::postSlots(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields top(*body);
    top.firstOf({QStringLiteral("slots")});
    top.rejectUnknown();
    if (top.failed())
        return top.takeError();
    SlotBatchReader batch(m_db, m_engine);
    const qint64 now = m_auth.now();
    if (std::optional<QHttpServerResponse> refusal =
            batch.read(body->value(QStringLiteral("slots")), now))
        return std::move(*refusal);
    QList<SlotRecord> &records = batch.records();
    const StoreError stored = m_engine.addSlots(&records);
    if (stored.kind == StoreError::Kind::Conflict)
        return jsonError(HttpStatus::Conflict, QStringLiteral("slot_exists"),
                         QStringLiteral("A slot of the batch exists already (same centre, "
                                        "service and start); nothing was published."));
    if (!stored.ok())
        return storageError();
    // The engine committed slots and their event; the audit row follows in its own
    // transaction (the engine's store API has no hook for it).
    QJsonArray ids;
    for (const SlotRecord &r : std::as_const(records))
        ids.append(r.id);
    m_writer.auditOnly(
        {now, caller.user->login, QStringLiteral("slots.publish"), QStringLiteral("slot"),
         QStringLiteral("%1..%2").arg(records.constFirst().id).arg(records.constLast().id),
         QJsonObject{
             {QStringLiteral("count"), records.size()},
             {QStringLiteral("centres"), QJsonArray::fromStringList(batch.centreUuids())}}});
    return jsonResponse(
        QJsonObject{{QStringLiteral("created"), records.size()}, {QStringLiteral("ids"), ids}},
        HttpStatus::Created);
}

} // namespace slotdesk

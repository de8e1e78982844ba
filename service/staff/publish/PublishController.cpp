#include "service/staff/publish/PublishController.h"

#include "models/store/CentreRepository.h"
#include "models/store/CentreSlotTable.h"
#include "models/store/CentreTable.h"
#include "models/store/OpeningHoursRepository.h"
#include "models/store/OpeningHoursTable.h"
#include "net/ReleaseWire.h"
#include "net/WireFormat.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"
#include "service/staff/publish/HoursImpact.h"
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

// What an If-Match header asks for. Without the header nothing is checked (older consoles);
// "*" accepts any existing version.
struct IfMatch {
    bool present = false;
    bool any = false;
    int revision = 0;
    bool valid = true;
};

IfMatch readIfMatch(const HttpRequest &request) {
    IfMatch match;
    QByteArray value = request.header("If-Match").trimmed();
    if (value.isEmpty())
        return match;
    match.present = true;
    if (value == "*") {
        match.any = true;
        return match;
    }
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    match.revision = value.toInt(&ok);
    match.valid = ok && match.revision > 0;
    return match;
}

bool satisfied(const IfMatch &match, std::optional<int> current) {
    if (!match.present)
        return true;
    return current && (match.any || match.revision == *current);
}

QHttpServerResponse invalidIfMatch() {
    return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                     QStringLiteral("If-Match must name a revision as \"<number>\" or be *."),
                     QStringLiteral("If-Match"));
}

QByteArray etag(int revision) {
    return QByteArray("\"") + QByteArray::number(revision) + QByteArray("\"");
}

QHttpServerResponse withEtag(QHttpServerResponse response, int revision) {
    response.setHeader(QByteArrayLiteral("ETag"), etag(revision));
    return response;
}

bool acceptsAffected(const HttpRequest &request) {
    const QString value =
        request.query().queryItemValue(QStringLiteral("accept_affected")).toLower();
    return value == u"true" || value == u"1";
}

QHttpServerResponse unknownCentre() {
    return jsonError(HttpStatus::NotFound, QStringLiteral("unknown_centre"),
                     QStringLiteral("There is no centre with this UUID; publish the centre "
                                    "first."));
}

// The body of an opening-hours PUT or impact request: wire JSON, validated as publishing does.
std::optional<QHttpServerResponse> readHours(const HttpRequest &request, OpeningHours *hours) {
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return error;
    QString decodeError;
    if (!wire::fromJson(*body, hours, &decodeError))
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_opening_hours"),
                         decodeError);
    return validateHours(*hours);
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
    router.get(QStringLiteral("/api/v1/centres/{uuid}"),
               [this](const HttpRequest &request) { return getCentre(request); });
    router.post(QStringLiteral("/api/v1/centres/{uuid}/hours-impact"),
                [this](const HttpRequest &request) { return postHoursImpact(request); });
    router.put(QStringLiteral("/api/v1/centres/{uuid}"),
               [this](const HttpRequest &request) { return putCentre(request); });
    router.put(QStringLiteral("/api/v1/centres/{uuid}/opening-hours"),
               [this](const HttpRequest &request) { return putOpeningHours(request); });
    router.post(QStringLiteral("/api/v1/slots"),
                [this](const HttpRequest &request) { return postSlots(request); });
}

std::optional<QJsonObject> PublishController::currentVersion(const QString &uuid) const {
    const Stored<std::optional<Centre>> centre = readCentreByUuid(m_db, uuid);
    if (centre.error || !centre.value)
        return std::nullopt;
    const Stored<OpeningHours> hours = loadHours(m_db, centre.value->id);
    if (hours.error)
        return std::nullopt;
    return QJsonObject{{QStringLiteral("revision"), centre.value->revision},
                       {QStringLiteral("centre"), wire::toJson(*centre.value)},
                       {QStringLiteral("opening_hours"), wire::toJson(hours.value)}};
}

QHttpServerResponse PublishController::revisionConflict(const QString &uuid) const {
    QJsonObject body{{QStringLiteral("error"), QStringLiteral("revision_conflict")},
                     {QStringLiteral("message"),
                      QStringLiteral("The centre changed on the service since the revision in "
                                     "If-Match; nothing was changed.")}};
    int revision = 0;
    if (const std::optional<QJsonObject> current = currentVersion(uuid)) {
        for (auto it = current->constBegin(); it != current->constEnd(); ++it)
            body.insert(it.key(), it.value());
        revision = current->value(QStringLiteral("revision")).toInt();
    } else {
        body.insert(QStringLiteral("revision"), 0);
    }
    QHttpServerResponse response = jsonResponse(body, HttpStatus::PreconditionFailed);
    return revision > 0 ? withEtag(std::move(response), revision) : std::move(response);
}

QHttpServerResponse PublishController::getCentre(const HttpRequest &request) {
    StaffAuth::Caller caller =
        m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor, StaffRole::Desk});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    if (uuid && !caller.centres.allowsUuid(*uuid))
        return StaffAuth::centreRefusal();
    if (!uuid || !CentreTable(m_db).findByUuid(*uuid))
        return jsonError(HttpStatus::NotFound, QStringLiteral("unknown_centre"),
                         QStringLiteral("There is no centre with this UUID."));
    const std::optional<QJsonObject> current = currentVersion(*uuid);
    if (!current)
        return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                         QStringLiteral("The centre could not be read; try again."));
    return withEtag(jsonResponse(*current), current->value(QStringLiteral("revision")).toInt());
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
    const IfMatch match = readIfMatch(request);
    if (!match.valid)
        return invalidIfMatch();
    if (!satisfied(match, existing ? std::optional<int>(existing->revision) : std::nullopt))
        return revisionConflict(*uuid);
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
    return withEtag(
        jsonResponse(wire::toJson(centre), existing ? HttpStatus::Ok : HttpStatus::Created),
        centre.revision);
}

QHttpServerResponse PublishController::putOpeningHours(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    const std::optional<CentreTable::Identity> centre =
        uuid ? CentreTable(m_db).findByUuid(*uuid) : std::nullopt;
    if (!centre)
        return unknownCentre();
    const IfMatch match = readIfMatch(request);
    if (!match.valid)
        return invalidIfMatch();
    if (!satisfied(match, centre->revision))
        return revisionConflict(*uuid);
    OpeningHours hours;
    if (std::optional<QHttpServerResponse> refusal = readHours(request, &hours))
        return std::move(*refusal);
    hours.centreId = centre->id;

    const bool accepted = acceptsAffected(request);
    const qint64 now = m_auth.now();
    HoursImpact impact;
    bool refused = false;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        // Read after StaffWriter settled the engine: no confirm is committing any more, so the
        // bookings counted here are all there are.
        Stored<HoursImpact> read = hoursImpact(tx.db(), centre->id, *uuid, hours, now);
        if (read.error)
            return false;
        impact = std::move(read.value);
        if (!impact.bookings.isEmpty() && !accepted) {
            refused = true;
            return false;
        }
        if (OpeningHoursTable(m_db).write(hours) ||
            CentreTable(m_db).bumpRevision(centre->id, now) ||
            CentreSlotTable(m_db).withdraw(impact.slotsOutside, now))
            return false;
        const QJsonObject payload{{QStringLiteral("centre"), *uuid},
                                  {QStringLiteral("revision"), centre->revision + 1},
                                  {QStringLiteral("opening_hours"), wire::toJson(hours)},
                                  {QStringLiteral("withdrawn_slots"), impact.slotsOutside.size()},
                                  {QStringLiteral("bookings_kept"), impact.bookings.size()}};
        return tx.event(QStringLiteral("centre.hours_published"), payload, now) &&
               tx.audit({now, caller.user->login, QStringLiteral("centre.hours_publish"),
                         QStringLiteral("centre"), *uuid, payload});
    });
    if (refused) {
        return jsonResponse(
            QJsonObject{{QStringLiteral("error"), QStringLiteral("bookings_affected")},
                        {QStringLiteral("message"),
                         QStringLiteral("Confirmed bookings lie outside the new opening hours; "
                                        "ask for them with hours-impact and repeat with "
                                        "?accept_affected=true. Nothing was changed.")},
                        {QStringLiteral("count"), impact.bookings.size()}},
            HttpStatus::Conflict);
    }
    if (!ok)
        return storageError();
    // No batch was in flight (StaffWriter settled the engine): memory follows the commit.
    m_engine.slotsWithdrawn(impact.slotsOutside);
    return withEtag(jsonResponse(wire::toJson(hours)), centre->revision + 1);
}

QHttpServerResponse PublishController::postHoursImpact(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    if (uuid && !caller.centres.allowsUuid(*uuid))
        return StaffAuth::centreRefusal();
    const std::optional<CentreTable::Identity> centre =
        uuid ? CentreTable(m_db).findByUuid(*uuid) : std::nullopt;
    if (!centre)
        return unknownCentre();
    OpeningHours hours;
    if (std::optional<QHttpServerResponse> refusal = readHours(request, &hours))
        return std::move(*refusal);
    const qint64 now = m_auth.now();
    const Stored<HoursImpact> impact = hoursImpact(m_db, centre->id, *uuid, hours, now);
    if (impact.error)
        return storageError();
    // Names and contacts leave the service only with an audit row, as every staff read of
    // bookings does.
    if (!m_writer.auditOnly({now, caller.user->login, QStringLiteral("centre.hours_impact_read"),
                             QStringLiteral("centre"), *uuid,
                             QJsonObject{{QStringLiteral("rows"), impact.value.bookings.size()}}}))
        return storageError();
    QJsonArray items;
    for (const DeskBooking &b : impact.value.bookings)
        items.append(wire::releaseBookingToJson(b));
    return withEtag(jsonResponse(QJsonObject{
                        {QStringLiteral("centre"), *uuid},
                        {QStringLiteral("revision"), centre->revision},
                        {QStringLiteral("count"), impact.value.bookings.size()},
                        {QStringLiteral("withdrawn_slots"), impact.value.slotsOutside.size()},
                        {QStringLiteral("items"), items}}),
                    centre->revision);
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

#include "service/staff/release/ReleaseController.h"

#include "models/rules/Eligibility.h"
#include "models/store/DeskBookingStore.h"
#include "models/store/ReleaseTable.h"
#include "net/ReleaseWire.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"
#include "service/staff/publish/SlotBatchReader.h"
#include "service/staff/release/ForecastCheck.h"
#include "service/staff/release/ReleaseOpener.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace slotdesk {

namespace {

// An opening time this far in the past still counts as "now" (clocks of console and service
// differ a little; a wizard takes a moment between "now" and sending).
constexpr qint64 pastGraceSeconds = 60;
constexpr qint64 maxAheadSeconds = 400LL * 86400;
constexpr int maxKeyLength = 128;

QHttpServerResponse storageError() {
    return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                     QStringLiteral("The change could not be stored; nothing was changed."));
}

QHttpServerResponse invalid(const QString &reason, const QString &message, const QString &field) {
    return jsonError(HttpStatus::UnprocessableEntity, reason, message, field);
}

std::optional<QString> canonicalUuid(const QString &text) {
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull())
        return std::nullopt;
    return uuid.toString(QUuid::WithoutBraces);
}

QJsonArray idArray(const QList<qint64> &ids) {
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

// The opening time of a create request: Unix seconds, or "now". Refusals name the field.
std::optional<qint64> readOpensAt(const QJsonValue &value, qint64 now,
                                  std::optional<QHttpServerResponse> *refusal) {
    const QString field = QStringLiteral("opens_at");
    if (value.isString() && value.toString() == u"now")
        return now;
    if (!value.isDouble() || value.toDouble() != double(value.toInteger())) {
        refusal->emplace(jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                                   QStringLiteral("\"opens_at\" must be Unix seconds or \"now\"."),
                                   field));
        return std::nullopt;
    }
    const qint64 opensAt = value.toInteger();
    if (opensAt < now - pastGraceSeconds) {
        refusal->emplace(invalid(
            QStringLiteral("opens_at_in_past"),
            QStringLiteral("The opening time %1 lies %2 seconds in the past (at most %3 are "
                           "accepted as \"now\"); send a future time or \"now\".")
                .arg(berlinIso(opensAt))
                .arg(now - opensAt)
                .arg(pastGraceSeconds),
            field));
        return std::nullopt;
    }
    if (opensAt > now + maxAheadSeconds) {
        refusal->emplace(invalid(QStringLiteral("out_of_range"),
                                 QStringLiteral("A release opens at most 400 days ahead."), field));
        return std::nullopt;
    }
    return std::max(opensAt, now);
}

// The optional "eligibility" of a create request: {age_from, age_to (0..130, inclusive, on
// the appointment day), priority_groups: [text], invitation_only, invitation_codes: [text]}.
// Codes imply invitation_only; they are returned normalised (upper case, no separators).
std::optional<QHttpServerResponse> readEligibility(const QJsonValue &value, Eligibility *rules,
                                                   QStringList *codes) {
    const QString where = QStringLiteral("eligibility");
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("\"eligibility\" must be an object."), where);
    const QJsonObject object = value.toObject();
    JsonFields f(object);
    const std::optional<qint64> from =
        f.integer(QStringLiteral("age_from"), JsonFields::Optional, 0, 130);
    const std::optional<qint64> to =
        f.integer(QStringLiteral("age_to"), JsonFields::Optional, 0, 130);
    f.firstOf({QStringLiteral("priority_groups")});
    f.firstOf({QStringLiteral("invitation_only")});
    f.firstOf({QStringLiteral("invitation_codes")});
    f.rejectUnknown();
    if (f.failed())
        return f.takeError();
    if (from)
        rules->ageFrom = int(*from);
    if (to)
        rules->ageTo = int(*to);
    if (from && to && *from > *to)
        return invalid(QStringLiteral("age_range_empty"),
                       QStringLiteral("The age range %1 to %2 admits nobody.").arg(*from).arg(*to),
                       where % QStringLiteral(".age_to"));
    const auto textList = [&](const QString &name, QStringList *out) -> bool {
        const QJsonValue list = object.value(name);
        if (list.isUndefined())
            return true;
        if (!list.isArray())
            return false;
        for (const QJsonValue &item : list.toArray()) {
            if (!item.isString())
                return false;
            out->append(item.toString().trimmed());
        }
        return true;
    };
    QStringList typed;
    if (!textList(QStringLiteral("priority_groups"), &rules->priorityGroups) ||
        rules->priorityGroups.size() > 50 || rules->priorityGroups.contains(QString()))
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("\"priority_groups\" must be up to 50 names."),
                         where % QStringLiteral(".priority_groups"));
    if (!textList(QStringLiteral("invitation_codes"), &typed) || typed.size() > 100000)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("\"invitation_codes\" must be up to 100000 codes."),
                         where % QStringLiteral(".invitation_codes"));
    const QJsonValue only = object.value(QStringLiteral("invitation_only"));
    if (!only.isUndefined() && !only.isBool())
        return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                         QStringLiteral("\"invitation_only\" must be true or false."),
                         where % QStringLiteral(".invitation_only"));
    QSet<QString> seen;
    for (qsizetype i = 0; i < typed.size(); ++i) {
        const QString code = normaliseInvitationCode(typed.at(i));
        const QString field = where % QStringLiteral(".invitation_codes[%1]").arg(i);
        if (code.isEmpty())
            return invalid(QStringLiteral("invalid_invitation_code"),
                           QStringLiteral("An invitation code has 6 to 32 letters A-Z and digits "
                                          "(hyphens and spaces are ignored)."),
                           field);
        if (seen.contains(code))
            return invalid(QStringLiteral("duplicate_invitation_code"),
                           QStringLiteral("This invitation code appears twice."), field);
        seen.insert(code);
        codes->append(code);
    }
    rules->invitationOnly = only.toBool() || !codes->isEmpty();
    if (rules->invitationOnly && codes->isEmpty())
        return invalid(QStringLiteral("invitation_codes_missing"),
                       QStringLiteral("An invitation-only release needs invitation codes."),
                       where % QStringLiteral(".invitation_codes"));
    return std::nullopt;
}

} // namespace

ReleaseController::ReleaseController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer,
                                     BookingEngine &engine, ReleaseOpener &opener)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer)
    , m_engine(engine)
    , m_opener(opener) {
    if (!restoreAdmissions())
        qCritical("the eligibility rules of releases could not be read: restricted releases "
                  "are not checked until the service restarts");
}

bool ReleaseController::restoreAdmissions() {
    const ReleaseTable table(m_db);
    const Stored<QList<ReleaseTable::Admission>> rules = table.admissions();
    const Stored<QList<ReleaseTable::InvitationRow>> codes = table.invitations();
    for (const ReleaseTable::Admission &a : rules.value)
        m_engine.setReleaseRules(a.releaseId, Eligibility::fromJson(a.eligibility));
    for (const ReleaseTable::InvitationRow &row : codes.value)
        m_engine.addInvitation(row.releaseId, row.hash, row.used);
    return rules.error.ok() && codes.error.ok();
}

void ReleaseController::registerRoutes(Router &router) {
    router.post(QStringLiteral("/api/v1/releases"),
                [this](const HttpRequest &request) { return create(request); });
    router.get(QStringLiteral("/api/v1/releases"),
               [this](const HttpRequest &request) { return list(request); });
    router.get(QStringLiteral("/api/v1/releases/{uuid}"),
               [this](const HttpRequest &request) { return show(request); });
    router.post(QStringLiteral("/api/v1/releases/{uuid}/withdraw"),
                [this](const HttpRequest &request) { return withdraw(request); });
    router.get(QStringLiteral("/api/v1/releases/{uuid}/bookings"),
               [this](const HttpRequest &request) { return bookings(request); });
}

QHttpServerResponse ReleaseController::releaseAnswer(const QString &uuid, HttpStatus status) {
    const qint64 now = m_auth.now();
    const Stored<std::optional<Release>> found = ReleaseTable(m_db).find(uuid, now);
    if (found.error || !found.value)
        return storageError();
    return jsonResponse(wire::releaseToJson(*found.value, now), status);
}

std::optional<QHttpServerResponse>
ReleaseController::replay(const QString &key, const QString &uuid, const QString &requestHash) {
    ReleaseTable table(m_db);
    std::optional<ReleaseTable::Stamp> stamp;
    if (!key.isEmpty())
        stamp = table.stampByKey(key);
    if (stamp && stamp->requestHash != requestHash)
        return invalid(QStringLiteral("idempotency_key_reused"),
                       QStringLiteral("This Idempotency-Key was used for a different request."),
                       QStringLiteral("Idempotency-Key"));
    if (!stamp)
        stamp = table.stampByUuid(uuid);
    if (!stamp)
        return std::nullopt;
    if (stamp->requestHash != requestHash)
        return jsonError(HttpStatus::Conflict, QStringLiteral("release_exists"),
                         QStringLiteral("A different release with this uuid exists."),
                         QStringLiteral("uuid"));
    // The same request again (a retry after a lost answer): the release as it is now.
    QHttpServerResponse answer = releaseAnswer(stamp->uuid, HttpStatus::Created);
    answer.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return answer;
}

QHttpServerResponse ReleaseController::create(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const QString key = QString::fromLatin1(request.header("Idempotency-Key")).trimmed();
    if (key.size() > maxKeyLength)
        return jsonError(
            HttpStatus::BadRequest, QStringLiteral("invalid_value"),
            QStringLiteral("An Idempotency-Key has at most %1 characters.").arg(maxKeyLength),
            QStringLiteral("Idempotency-Key"));
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields f(*body);
    const QString uuidText = f.string(QStringLiteral("uuid"), JsonFields::Required, 64);
    const QString name = f.string(QStringLiteral("name"), JsonFields::Required, 200);
    // Percent of every slot's places kept back for hotline bookings (rounded down).
    const std::optional<qint64> hotlineShare =
        f.integer(QStringLiteral("hotline_share"), JsonFields::Optional, 0, 100);
    f.firstOf({QStringLiteral("opens_at")});
    f.firstOf({QStringLiteral("slots")});
    f.firstOf({QStringLiteral("eligibility")});
    f.rejectUnknown();
    if (f.failed())
        return f.takeError();
    const std::optional<QString> uuid = canonicalUuid(uuidText);
    if (!uuid)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                         QStringLiteral("\"uuid\" must be a UUID."), QStringLiteral("uuid"));
    const QString requestHash = QString::fromLatin1(
        QCryptographicHash::hash(request.body(), QCryptographicHash::Sha256).toHex());
    if (std::optional<QHttpServerResponse> earlier = replay(key, *uuid, requestHash))
        return std::move(*earlier);

    const qint64 now = m_auth.now();
    const std::optional<qint64> opensAt =
        readOpensAt(body->value(QStringLiteral("opens_at")), now, &error);
    if (!opensAt)
        return std::move(*error);
    Eligibility rules;
    QStringList codes;
    if (std::optional<QHttpServerResponse> refusal =
            readEligibility(body->value(QStringLiteral("eligibility")), &rules, &codes))
        return std::move(*refusal);
    SlotBatchReader batch(m_db, m_engine);
    if (std::optional<QHttpServerResponse> refusal =
            batch.read(body->value(QStringLiteral("slots")), now))
        return std::move(*refusal);
    QList<SlotRecord> &slots = batch.records();
    for (qsizetype i = 0; i < slots.size(); ++i) {
        if (slots.at(i).startsAt <= *opensAt)
            return invalid(QStringLiteral("slot_before_opening"),
                           QStringLiteral("slots[%1] starts before the release opens: nobody "
                                          "could book it.")
                               .arg(i),
                           QStringLiteral("slots[%1].start").arg(i));
        slots[i].opensAt = *opensAt;
        slots[i].hotlinePlaces = int(slots.at(i).capacity * hotlineShare.value_or(0) / 100);
    }

    ReleaseTable table(m_db);
    ReleaseTable::NewRelease release;
    release.uuid = *uuid;
    release.name = name;
    release.opensAt = *opensAt;
    release.openNow = *opensAt <= now;
    release.createdBy = caller.user->id;
    release.idempotencyKey = key;
    release.requestHash = requestHash;
    release.eligibility = rules.toJson();
    QList<QByteArray> hashes;
    hashes.reserve(codes.size());
    for (const QString &code : std::as_const(codes))
        hashes.append(m_engine.invitationHash(code));
    qint64 releaseId = 0;
    StoreError slotsError;
    StoreError invitationsError;
    std::optional<ForecastRefusal> overForecast;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        // Checked in the transaction that inserts, so the figures cannot change in between.
        Stored<std::optional<ForecastRefusal>> forecast = checkForecasts(m_db, slots);
        overForecast = std::move(forecast.value);
        if (forecast.error || overForecast)
            return false;
        if (table.insert(release, now, &releaseId))
            return false;
        slotsError = table.insertSlots(releaseId, &slots);
        if (slotsError)
            return false;
        invitationsError = table.insertInvitations(releaseId, hashes);
        if (invitationsError)
            return false;
        const Stored<std::optional<Release>> stored = table.find(*uuid, now);
        if (stored.error || !stored.value)
            return false;
        QJsonObject payload = wire::releaseToJson(*stored.value, now);
        payload.insert(QStringLiteral("release"), *uuid);
        if (!tx.event(QStringLiteral("release.created"), payload, now))
            return false;
        if (release.openNow && !tx.event(QStringLiteral("release.opened"), payload, now))
            return false;
        return tx.audit(
            {now, caller.user->login, QStringLiteral("release.create"), QStringLiteral("release"),
             *uuid,
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("opens_at"), *opensAt},
                         {QStringLiteral("slots"), slots.size()},
                         {QStringLiteral("capacity"), stored.value->capacity},
                         {QStringLiteral("eligibility"), release.eligibility},
                         {QStringLiteral("hotline_places"), stored.value->hotlinePlaces},
                         {QStringLiteral("invitations"), hashes.size()},
                         {QStringLiteral("centres"), idArray(batch.centreIds())}}});
    });
    if (overForecast)
        return forecastRefusalAnswer(*overForecast);
    if (!ok && slotsError.kind == StoreError::Kind::Conflict) {
        for (qsizetype i = 0; i < slots.size(); ++i) {
            const SlotRecord &s = slots.at(i);
            if (const std::optional<qint64> existing =
                    table.existingSlot(s.centreId, s.service, s.startsAt))
                return jsonError(HttpStatus::Conflict, QStringLiteral("release_overlap"),
                                 QStringLiteral("slots[%1] is published already (slot %2, same "
                                                "centre, service and start): its places cannot "
                                                "be released twice. Nothing was stored.")
                                     .arg(i)
                                     .arg(*existing),
                                 QStringLiteral("slots[%1]").arg(i));
        }
    }
    if (!ok && invitationsError.kind == StoreError::Kind::Conflict)
        return jsonError(HttpStatus::Conflict, QStringLiteral("invitation_code_taken"),
                         QStringLiteral("An invitation code of the release belongs to another "
                                        "release; nothing was stored."),
                         QStringLiteral("eligibility.invitation_codes"));
    if (!ok) {
        // A create with the same uuid or key that committed meanwhile answers as a replay.
        if (std::optional<QHttpServerResponse> earlier = replay(key, *uuid, requestHash))
            return std::move(*earlier);
        return storageError();
    }
    m_engine.setReleaseRules(releaseId, rules);
    for (const QByteArray &hash : std::as_const(hashes))
        m_engine.addInvitation(releaseId, hash, false);
    m_engine.releasedSlotsStored(slots);
    if (!release.openNow)
        m_opener.schedule(releaseId, *opensAt);
    return releaseAnswer(*uuid, HttpStatus::Created);
}

QHttpServerResponse ReleaseController::list(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    const qint64 now = m_auth.now();
    const Stored<QList<Release>> rows = ReleaseTable(m_db).list(now);
    if (rows.error)
        return storageError();
    QJsonArray items;
    for (const Release &r : rows.value)
        items.append(wire::releaseToJson(r, now));
    return jsonResponse(QJsonObject{{QStringLiteral("items"), items}});
}

std::optional<Release> ReleaseController::findRelease(const HttpRequest &request,
                                                      std::optional<QHttpServerResponse> *refusal) {
    const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
    const Stored<std::optional<Release>> found =
        uuid ? ReleaseTable(m_db).find(*uuid, m_auth.now()) : Stored<std::optional<Release>>{};
    if (found.error) {
        refusal->emplace(storageError());
        return std::nullopt;
    }
    if (!found.value)
        refusal->emplace(jsonError(HttpStatus::NotFound, QStringLiteral("release_not_found"),
                                   QStringLiteral("There is no release with this uuid."),
                                   QStringLiteral("uuid")));
    return found.value;
}

QHttpServerResponse ReleaseController::show(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    std::optional<QHttpServerResponse> refusal;
    const std::optional<Release> release = findRelease(request, &refusal);
    if (!release)
        return std::move(*refusal);
    return jsonResponse(wire::releaseToJson(*release, m_auth.now()));
}

QHttpServerResponse ReleaseController::withdraw(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    std::optional<QHttpServerResponse> refusal;
    const std::optional<Release> release = findRelease(request, &refusal);
    if (!release)
        return std::move(*refusal);
    QList<qint64> slotIds;
    if (!request.body().isEmpty()) {
        const std::optional<QJsonObject> body = parseJsonObject(request, &refusal);
        if (!body)
            return std::move(*refusal);
        JsonFields f(*body);
        f.firstOf({QStringLiteral("slot_ids")});
        f.rejectUnknown();
        if (f.failed())
            return f.takeError();
        if (body->contains(QStringLiteral("slot_ids"))) {
            const QJsonValue ids = body->value(QStringLiteral("slot_ids"));
            const QJsonArray array = ids.toArray();
            if (!ids.isArray() || array.isEmpty() || array.size() > 10000)
                return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                                 QStringLiteral("\"slot_ids\" must be an array of 1 to 10000 "
                                                "slot ids."),
                                 QStringLiteral("slot_ids"));
            for (const QJsonValue &id : array) {
                if (!id.isDouble() || id.toInteger() <= 0)
                    return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                                     QStringLiteral("\"slot_ids\" holds slot ids (numbers)."),
                                     QStringLiteral("slot_ids"));
                slotIds.append(id.toInteger());
            }
        }
    }
    if (release->storedState == u"withdrawn")
        return jsonError(HttpStatus::Conflict, QStringLiteral("release_withdrawn"),
                         QStringLiteral("The release was withdrawn already."));

    const qint64 now = m_auth.now();
    ReleaseTable table(m_db);
    QList<qint64> changed;
    StoreError withdrawError;
    std::optional<Release> after;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        withdrawError = table.withdraw(release->id, slotIds, now, &changed);
        if (withdrawError)
            return false;
        after = table.find(release->uuid, now).value;
        if (!after)
            return false;
        const QJsonObject detail{{QStringLiteral("release"), release->uuid},
                                 {QStringLiteral("whole"), slotIds.isEmpty()},
                                 {QStringLiteral("slot_ids"), idArray(changed)},
                                 {QStringLiteral("places"), after->withdrawn - release->withdrawn},
                                 {QStringLiteral("bookings_kept"), after->booked},
                                 {QStringLiteral("centres"), idArray(release->centreIds)}};
        return tx.event(QStringLiteral("release.withdrawn"), detail, now) &&
               tx.audit({now, caller.user->login, QStringLiteral("release.withdraw"),
                         QStringLiteral("release"), release->uuid, detail});
    });
    if (withdrawError.kind == StoreError::Kind::NotFound)
        return invalid(QStringLiteral("slot_not_in_release"),
                       QStringLiteral("A listed slot does not belong to this release; nothing was "
                                      "withdrawn."),
                       QStringLiteral("slot_ids"));
    if (!ok)
        return storageError();
    // No batch was in flight (StaffWriter settled the engine): memory follows the commit.
    m_engine.slotsWithdrawn(changed);
    return jsonResponse(
        QJsonObject{{QStringLiteral("release"), wire::releaseToJson(*after, now)},
                    {QStringLiteral("withdrawn_slots"), changed.size()},
                    {QStringLiteral("withdrawn_places"), after->withdrawn - release->withdrawn},
                    {QStringLiteral("bookings_kept"), after->booked}});
}

QHttpServerResponse ReleaseController::bookings(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    std::optional<QHttpServerResponse> refusal;
    const std::optional<Release> release = findRelease(request, &refusal);
    if (!release)
        return std::move(*refusal);
    const bool csv = request.header("Accept").contains("text/csv");
    DeskBookingFilter filter;
    filter.releaseId = release->id;
    filter.centreIds = caller.centres.ids();
    filter.limit = std::numeric_limits<int>::max();
    const Stored<QList<DeskBooking>> read = DeskBookingStore(m_db).list(filter);
    if (read.error)
        return storageError();
    QList<DeskBooking> active;
    for (const DeskBooking &b : read.value) {
        if (b.state == u"confirmed" || b.state == u"checked_in")
            active.append(b);
    }
    // Names and contacts leave the service only with an audit row (as every staff read of
    // bookings does).
    const qint64 now = m_auth.now();
    if (!m_writer.auditOnly({now, caller.user->login, QStringLiteral("release.bookings_read"),
                             QStringLiteral("release"), release->uuid,
                             QJsonObject{{QStringLiteral("rows"), active.size()},
                                         {QStringLiteral("format"),
                                          csv ? QStringLiteral("csv") : QStringLiteral("json")}}}))
        return storageError();
    if (csv) {
        QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"),
                                     wire::releaseBookingsCsv(active));
        response.setHeader(QByteArrayLiteral("Content-Disposition"),
                           "attachment; filename=\"release-" + release->uuid.toLatin1() +
                               "-bookings.csv\"");
        return response;
    }
    QJsonArray items;
    for (const DeskBooking &b : std::as_const(active))
        items.append(wire::releaseBookingToJson(b));
    return jsonResponse(
        QJsonObject{{QStringLiteral("release"), release->uuid}, {QStringLiteral("items"), items}});
}

} // namespace slotdesk

#include "service/staff/PublishController.h"

#include "models/domain/ServiceCatalogue.h"
#include "net/WireFormat.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffAuth.h"
#include "service/staff/StaffWriter.h"

#include "service/staff/SqlText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace slotdesk {

namespace {

constexpr int maxSlotsPerBatch = 10000;

QHttpServerResponse invalid(const QString &reason, const QString &message, const QString &field) {
    return jsonError(HttpStatus::UnprocessableEntity, reason, message, field);
}

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

std::optional<qint64> centreIdOf(const QSqlDatabase &db, const QString &uuid) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM centres WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

// The checks the schema would otherwise answer with an anonymous constraint failure.
std::optional<QHttpServerResponse> validateCentre(const Centre &c) {
    static const QRegularExpression postcode(QStringLiteral("^[0-9]{5}$"));
    if (c.name.trimmed().isEmpty())
        return invalid(QStringLiteral("invalid_value"), QStringLiteral("The name is empty."),
                       QStringLiteral("name"));
    if (c.name.size() > 200)
        return invalid(QStringLiteral("too_long"),
                       QStringLiteral("The name is longer than 200 characters."),
                       QStringLiteral("name"));
    if (!postcode.match(c.postcode).hasMatch())
        return invalid(QStringLiteral("invalid_value"),
                       QStringLiteral("A postcode has five digits."), QStringLiteral("postcode"));
    if (c.lanes < 1 || c.lanes > 100)
        return invalid(QStringLiteral("out_of_range"), QStringLiteral("lanes must be 1 to 100."),
                       QStringLiteral("lanes"));
    if (c.capacityPerLane < 1 || c.capacityPerLane > 100)
        return invalid(QStringLiteral("out_of_range"),
                       QStringLiteral("capacity_per_lane must be 1 to 100."),
                       QStringLiteral("capacity_per_lane"));
    if (c.slotMinutes < 5 || c.slotMinutes > 240)
        return invalid(QStringLiteral("out_of_range"),
                       QStringLiteral("slot_minutes must be 5 to 240."),
                       QStringLiteral("slot_minutes"));
    if (c.serviceCodes.isEmpty())
        return invalid(QStringLiteral("invalid_value"),
                       QStringLiteral("A centre offers at least one service."),
                       QStringLiteral("services"));
    for (const QString &code : c.serviceCodes) {
        if (!findService(code))
            return invalid(QStringLiteral("unknown_service"),
                           QStringLiteral("The service \"%1\" is not in the catalogue.").arg(code),
                           QStringLiteral("services"));
    }
    if (c.serviceCodes.size() != QSet<QString>(c.serviceCodes.begin(), c.serviceCodes.end()).size())
        return invalid(QStringLiteral("invalid_value"),
                       QStringLiteral("A service is listed twice."), QStringLiteral("services"));
    return std::nullopt;
}

std::optional<QHttpServerResponse> validateHours(const OpeningHours &h) {
    for (qsizetype i = 0; i < h.weekly.size(); ++i) {
        const TimeRange r = h.weekly.at(i).range;
        if (r.startMinute >= r.endMinute || r.startMinute >= 1440)
            return invalid(QStringLiteral("invalid_range"),
                           QStringLiteral("An interval ends before it starts."),
                           QStringLiteral("weekly[%1]").arg(i));
    }
    for (qsizetype i = 0; i < h.closures.size(); ++i) {
        if (h.closures.at(i).last < h.closures.at(i).first)
            return invalid(QStringLiteral("invalid_range"),
                           QStringLiteral("A closure ends before it starts."),
                           QStringLiteral("closures[%1]").arg(i));
    }
    for (qsizetype i = 0; i < h.specialDays.size(); ++i) {
        const SpecialDay &day = h.specialDays.at(i);
        if (day.open.isEmpty())
            return invalid(QStringLiteral("invalid_value"),
                           QStringLiteral("A special day has at least one open interval; a "
                                          "closed day is a closure."),
                           QStringLiteral("special_days[%1]").arg(i));
        for (const TimeRange &r : day.open) {
            if (r.startMinute >= r.endMinute || r.startMinute >= 1440)
                return invalid(QStringLiteral("invalid_range"),
                               QStringLiteral("An interval ends before it starts."),
                               QStringLiteral("special_days[%1]").arg(i));
        }
    }
    return std::nullopt;
}

bool exec(QSqlQuery &q) {
    if (q.exec())
        return true;
    qWarning("publish: %s", qPrintable(q.lastError().text()));
    return false;
}

} // namespace

PublishController::PublishController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer,
                                     BookingEngine &engine)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer)
    , m_engine(engine) {}

void PublishController::registerRoutes(Router &router) {
    router.put(QStringLiteral("/api/v1/centres/{uuid}"), [this](const HttpRequest &request) {
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

        const qint64 now = m_auth.now();
        const std::optional<qint64> existing = centreIdOf(m_db, *uuid);
        {
            // Another centre with the same folded name: 409, as the console's own store does.
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("SELECT uuid FROM centres WHERE name_key = ? AND uuid <> ?"));
            q.addBindValue(centreNameKey(centre.name));
            q.addBindValue(*uuid);
            if (q.exec() && q.next())
                return jsonError(HttpStatus::Conflict, QStringLiteral("name_taken"),
                                 QStringLiteral("Another centre has this name."),
                                 QStringLiteral("name"));
        }
        CentreRecord record;
        const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
            QSqlQuery q(m_db);
            if (existing) {
                q.prepare(QStringLiteral(
                    "UPDATE centres SET name = ?, name_key = ?, street = ?, postcode = ?, city = "
                    "?, kind = ?, slot_minutes = ?, phone = ?, active = ?, revision = revision + "
                    "1, updated_at = ? WHERE id = ?"));
            } else {
                q.prepare(QStringLiteral(
                    "INSERT INTO centres (name, name_key, street, postcode, city, kind, "
                    "slot_minutes, phone, active, updated_at, uuid, revision, created_at) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
            }
            q.addBindValue(centre.name.trimmed());
            q.addBindValue(centreNameKey(centre.name));
            q.addBindValue(sqlText(centre.street));
            q.addBindValue(centre.postcode);
            q.addBindValue(sqlText(centre.city));
            q.addBindValue(centreKindToString(centre.kind));
            q.addBindValue(centre.slotMinutes);
            q.addBindValue(sqlText(centre.phone));
            q.addBindValue(centre.active ? 1 : 0);
            q.addBindValue(now);
            if (existing) {
                q.addBindValue(*existing);
            } else {
                q.addBindValue(*uuid);
                q.addBindValue(now);
            }
            if (!exec(q))
                return false;
            centre.id = existing ? *existing : q.lastInsertId().toLongLong();

            QSqlQuery services(m_db);
            services.prepare(QStringLiteral("DELETE FROM centre_services WHERE centre_id = ?"));
            services.addBindValue(centre.id);
            if (!exec(services))
                return false;
            services.prepare(QStringLiteral(
                "INSERT INTO centre_services (centre_id, service_code) VALUES (?, ?)"));
            for (const QString &code : std::as_const(centre.serviceCodes)) {
                services.addBindValue(centre.id);
                services.addBindValue(code);
                if (!exec(services))
                    return false;
            }
            // Lanes as the console models them: N lanes serving every service of the centre.
            QSqlQuery lanes(m_db);
            lanes.prepare(QStringLiteral("DELETE FROM lanes WHERE centre_id = ?"));
            lanes.addBindValue(centre.id);
            if (!exec(lanes))
                return false;
            lanes.prepare(QStringLiteral(
                "INSERT INTO lanes (centre_id, position, name, capacity) VALUES (?, ?, ?, ?)"));
            for (int i = 1; i <= centre.lanes; ++i) {
                lanes.addBindValue(centre.id);
                lanes.addBindValue(i);
                lanes.addBindValue(QStringLiteral("%1").arg(i));
                lanes.addBindValue(centre.capacityPerLane);
                if (!exec(lanes))
                    return false;
            }
            QSqlQuery revision(m_db);
            revision.prepare(QStringLiteral("SELECT revision FROM centres WHERE id = ?"));
            revision.addBindValue(centre.id);
            if (!exec(revision) || !revision.next())
                return false;
            centre.revision = revision.value(0).toInt();

            record.id = centre.id;
            record.uuid = centre.uuid;
            record.name = centre.name.trimmed();
            record.street = centre.street;
            record.postcode = centre.postcode;
            record.city = centre.city;
            record.kind = centreKindToString(centre.kind);
            record.slotMinutes = centre.slotMinutes;
            record.phone = centre.phone;
            record.active = centre.active;
            record.services = centre.serviceCodes;

            const QJsonObject json = wire::toJson(centre);
            return tx.event(QStringLiteral("centre.published"), json, now) &&
                   tx.audit({now, caller.user->login,
                             existing ? QStringLiteral("centre.update")
                                      : QStringLiteral("centre.create"),
                             QStringLiteral("centre"), *uuid, json});
        });
        if (!ok)
            return storageError();
        m_engine.centrePublished(record);
        return jsonResponse(wire::toJson(centre), existing ? HttpStatus::Ok : HttpStatus::Created);
    });

    router.put(QStringLiteral("/api/v1/centres/{uuid}/opening-hours"), [this](const HttpRequest
                                                                                  &request) {
        StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
        if (!caller.user)
            return std::move(*caller.refusal);
        const std::optional<QString> uuid = canonicalUuid(request.param(u"uuid"));
        const std::optional<qint64> centreId = uuid ? centreIdOf(m_db, *uuid) : std::nullopt;
        if (!centreId)
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
        hours.centreId = *centreId;

        const qint64 now = m_auth.now();
        const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
            for (const char *table : {"opening_rules", "closures", "special_days"}) {
                QSqlQuery clear(m_db);
                clear.prepare(
                    QStringLiteral("DELETE FROM %1 WHERE centre_id = ?").arg(QLatin1String(table)));
                clear.addBindValue(*centreId);
                if (!exec(clear))
                    return false;
            }
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("INSERT INTO opening_rules (centre_id, weekday, start_minute, "
                                     "end_minute, kind) VALUES (?, ?, ?, ?, ?)"));
            for (const WeeklyInterval &w : std::as_const(hours.weekly)) {
                q.addBindValue(*centreId);
                q.addBindValue(w.weekday);
                q.addBindValue(w.range.startMinute);
                q.addBindValue(w.range.endMinute);
                q.addBindValue(w.isBreak ? QStringLiteral("break") : QStringLiteral("open"));
                if (!exec(q))
                    return false;
            }
            q.prepare(QStringLiteral("INSERT INTO closures (centre_id, first_day, last_day, "
                                     "reason) VALUES (?, ?, ?, ?)"));
            for (const Closure &c : std::as_const(hours.closures)) {
                q.addBindValue(*centreId);
                q.addBindValue(c.first.toString(Qt::ISODate));
                q.addBindValue(c.last.toString(Qt::ISODate));
                q.addBindValue(sqlText(c.reason));
                if (!exec(q))
                    return false;
            }
            q.prepare(QStringLiteral("INSERT INTO special_days (centre_id, day, label, "
                                     "start_minute, end_minute) VALUES (?, ?, ?, ?, ?)"));
            for (const SpecialDay &d : std::as_const(hours.specialDays)) {
                for (const TimeRange &r : d.open) {
                    q.addBindValue(*centreId);
                    q.addBindValue(d.date.toString(Qt::ISODate));
                    q.addBindValue(sqlText(d.label));
                    q.addBindValue(r.startMinute);
                    q.addBindValue(r.endMinute);
                    if (!exec(q))
                        return false;
                }
            }
            const QJsonObject payload{{QStringLiteral("centre"), *uuid},
                                      {QStringLiteral("opening_hours"), wire::toJson(hours)}};
            return tx.event(QStringLiteral("centre.hours_published"), payload, now) &&
                   tx.audit({now, caller.user->login, QStringLiteral("centre.hours_publish"),
                             QStringLiteral("centre"), *uuid, payload});
        });
        if (!ok)
            return storageError();
        return jsonResponse(wire::toJson(hours));
    });

    router.post(QStringLiteral("/api/v1/slots"), [this](const HttpRequest &request) {
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
        const QJsonValue slotsValue = body->value(QStringLiteral("slots"));
        if (!slotsValue.isArray())
            return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                             QStringLiteral("The field \"slots\" must be an array."),
                             QStringLiteral("slots"));
        const QJsonArray slots = slotsValue.toArray();
        if (slots.isEmpty() || slots.size() > maxSlotsPerBatch)
            return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                             QStringLiteral("A batch has 1 to %1 slots.").arg(maxSlotsPerBatch),
                             QStringLiteral("slots"));

        QList<SlotRecord> records;
        records.reserve(slots.size());
        QHash<QString, qint64> centreIds;
        QSet<QString> seen;
        const qint64 now = m_auth.now();
        for (qsizetype i = 0; i < slots.size(); ++i) {
            const QString where = QStringLiteral("slots[%1]").arg(i);
            if (!slots.at(i).isObject())
                return jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                                 QStringLiteral("Each slot must be an object."), where);
            JsonFields f(slots.at(i).toObject());
            const QString centreText = f.string(QStringLiteral("centre"), JsonFields::Required, 64);
            const QString service = f.string(QStringLiteral("service"), JsonFields::Required, 64);
            const QString startText = f.string(QStringLiteral("start"), JsonFields::Required, 40);
            const std::optional<qint64> minutes =
                f.integer(QStringLiteral("minutes"), JsonFields::Required, 5, 240);
            const std::optional<qint64> capacity =
                f.integer(QStringLiteral("capacity"), JsonFields::Required, 1, 10000);
            f.rejectUnknown();
            if (f.failed()) {
                QHttpServerResponse refusal = f.takeError();
                return refusal; // names the field inside the slot; `where` is in the message
            }
            const std::optional<QString> uuid = canonicalUuid(centreText);
            if (!uuid)
                return invalid(QStringLiteral("invalid_value"),
                               QStringLiteral("%1: centre must be a centre's UUID.").arg(where),
                               where % QStringLiteral(".centre"));
            if (!centreIds.contains(*uuid)) {
                const std::optional<qint64> id = centreIdOf(m_db, *uuid);
                if (!id)
                    return invalid(QStringLiteral("unknown_centre"),
                                   QStringLiteral("%1: there is no centre %2.").arg(where, *uuid),
                                   where % QStringLiteral(".centre"));
                centreIds.insert(*uuid, *id);
            }
            const qint64 centreId = centreIds.value(*uuid);
            if (!m_engine.centreOffers(centreId, service))
                return invalid(
                    QStringLiteral("service_not_offered"),
                    QStringLiteral("%1: the centre does not offer %2.").arg(where, service),
                    where % QStringLiteral(".service"));
            // An instant with its offset (or Z): a wall-clock time alone is ambiguous on DST days.
            const QDateTime start = QDateTime::fromString(startText, Qt::ISODate);
            const bool hasOffset = startText.endsWith(u'Z') ||
                                   QRegularExpression(QStringLiteral("[+-]\\d\\d:?\\d\\d$"))
                                       .match(startText)
                                       .hasMatch();
            if (!start.isValid() || !hasOffset)
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
                return invalid(
                    QStringLiteral("out_of_range"),
                    QStringLiteral("%1: slots are published at most 400 days ahead.").arg(where),
                    where % QStringLiteral(".start"));
            const QString key = QStringLiteral("%1/%2/%3").arg(centreId).arg(service).arg(startsAt);
            if (seen.contains(key))
                return invalid(
                    QStringLiteral("duplicate_slot"),
                    QStringLiteral("%1 repeats an earlier slot of the batch.").arg(where), where);
            seen.insert(key);
            SlotRecord record;
            record.centreId = centreId;
            record.service = service;
            record.startsAt = startsAt;
            record.minutes = int(*minutes);
            record.capacity = int(*capacity);
            records.append(record);
        }

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
                 {QStringLiteral("centres"), QJsonArray::fromStringList(centreIds.keys())}}});
        return jsonResponse(
            QJsonObject{{QStringLiteral("created"), records.size()}, {QStringLiteral("ids"), ids}},
            HttpStatus::Created);
    });
}

} // namespace slotdesk

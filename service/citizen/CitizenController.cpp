#include "service/citizen/CitizenController.h"

#include "service/http/EngineErrorResponse.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"
#include "service/ServiceInfo.h"
#include "service/booking/SigningKey.h"
#include "service/http/HttpServer.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"

#include <QJsonDocument>

namespace slotdesk {

namespace {

const QString idField = QStringLiteral("id");

bool parseId(const QString &text, qint64 *id) {
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

QHttpServerResponse badParameter(const char *reason, const QString &message, const QString &field) {
    return jsonError(HttpStatus::BadRequest, QLatin1String(reason), message, field);
}

} // namespace

CitizenController::CitizenController(BookingEngine &engine, BookingStore &store,
                                     const SigningKey &key, const Clock &clock, Limits limits)
    : m_engine(engine)
    , m_key(key)
    , m_clock(clock)
    , m_idempotency(
          store, clock, [this](const IdempotencyRecord &record) { return renderStored(record); },
          limits.idempotencyEntries)
    , m_lookups(clock, limits.lookupBurst, limits.lookupPerMinute)
    , m_availabilityCache(limits.availabilityAnswers) {}

void CitizenController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/health"), [this](const HttpRequest &) { return health(); });
    router.get(QStringLiteral("/api/v1/public-key"),
               [this](const HttpRequest &) { return publicKey(); });
    router.get(QStringLiteral("/api/v1/centres"), [this](const HttpRequest &) {
        QHttpServerResponse response = jsonBytes(m_engine.centresJson());
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=60"));
        return response;
    });
    router.get(QStringLiteral("/api/v1/centres/{id}/availability"),
               [this](const HttpRequest &r) { return availability(r); });
    router.get(QStringLiteral("/api/v1/centres/{id}/second-doses"),
               [this](const HttpRequest &r) { return secondDoses(r); });
    router.post(QStringLiteral("/api/v1/holds"),
                [this](const HttpRequest &r) { return createHold(r); });
    router.del(QStringLiteral("/api/v1/holds/{id}"),
               [this](const HttpRequest &r) { return deleteHold(r); });
    router.post(QStringLiteral("/api/v1/bookings"),
                [this](const HttpRequest &r) { return createBooking(r); });
    router.post(QStringLiteral("/api/v1/booking-code-requests"),
                [this](const HttpRequest &r) { return requestCode(r); });
    router.get(QStringLiteral("/api/v1/bookings/{code}"),
               [this](const HttpRequest &r) { return getBooking(r); });
    router.del(QStringLiteral("/api/v1/bookings/{code}"),
               [this](const HttpRequest &r) { return cancelBooking(r); });
}

void CitizenController::housekeeping() {
    m_engine.sweep();
    m_idempotency.prune();
    m_lookups.prune();
}

QHttpServerResponse CitizenController::engineError(const EngineError &error) {
    return engineErrorResponse(error);
}

QHttpServerResponse CitizenController::health() {
    return jsonResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                    {QStringLiteral("version"), serviceProductName()},
                                    {QStringLiteral("time"), m_clock.now().toString(Qt::ISODate)},
                                    {QStringLiteral("active_holds"), m_engine.activeHolds()}});
}

QHttpServerResponse CitizenController::publicKey() {
    QHttpServerResponse response = jsonResponse(QJsonObject{
        {QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
        {QStringLiteral("key_id"), m_key.keyId()},
        {QStringLiteral("public_key"), QString::fromLatin1(m_key.publicKey().toBase64())},
        {QStringLiteral("payload_format"),
         QStringLiteral("SD2:<code>:<centre_id>:<service>:<starts_at>:<leaf index>/<tree size>:"
                        "<base64url Merkle path>:<base64url signature of the root>; leaf = "
                        "BLAKE2b-256(0x00 || \"SD2:<code>:<centre_id>:<service>:<starts_at>\"), "
                        "node = BLAKE2b-256(0x01 || left || right) as in RFC 9162, signed "
                        "message = \"slotdesk-qr-root-v1\" || tree size (uint32, big-endian) || "
                        "root")}});
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=3600"));
    return response;
}

QHttpServerResponse CitizenController::availability(const HttpRequest &request) {
    // Browsers poll this: an unchanged answer to the same query goes out as the bytes that
    // were written last time (valid while nothing changed, no slot in it started, the day
    // and the Date second are the same), without parsing or serialising anything again.
    HttpServer *server = request.server();
    m_engine.sweep();
    const QString cacheKey = request.param(idField) % u'?' % request.rawQuery();
    if (server) {
        const CachedAnswer *cached = m_availabilityCache.find(cacheKey);
        if (cached && cached->generation == m_engine.generation() &&
            m_clock.now().toSecsSinceEpoch() < cached->validUntil &&
            cached->second == server->dateSecond() && cached->today == m_engine.today()) {
            request.answerSerialised(cached->bytes);
            return QHttpServerResponse(HttpStatus::Ok); // ignored
        }
    }
    QHttpServerResponse response = availabilityAnswer(request);
    if (server && response.statusCode() == HttpStatus::Ok) {
        CachedAnswer entry{m_engine.generation(), m_lastValidUntil, server->dateSecond(),
                           m_engine.today(), server->serialise(std::move(response))};
        request.answerSerialised(entry.bytes);
        m_availabilityCache.insert(cacheKey, std::move(entry));
        return QHttpServerResponse(HttpStatus::Ok); // ignored
    }
    return response;
}

QHttpServerResponse CitizenController::availabilityAnswer(const HttpRequest &request) {
    qint64 centreId = 0;
    if (!parseId(request.param(idField), &centreId) || !m_engine.hasCentre(centreId))
        return jsonError(HttpStatus::NotFound, QStringLiteral("centre_not_found"),
                         QStringLiteral("There is no active centre with this id."),
                         QStringLiteral("id"));
    const QUrlQuery query = request.query();
    const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first != u"service" && item.first != u"from" && item.first != u"to")
            return badParameter(
                "unknown_parameter",
                QStringLiteral("The query parameter \"%1\" is not known here.").arg(item.first),
                item.first);
    }
    const QString service = query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);
    if (service.isEmpty())
        return badParameter("missing_parameter",
                            QStringLiteral("The query parameter \"service\" is required."),
                            QStringLiteral("service"));
    if (!m_engine.centreOffers(centreId, service))
        return jsonError(
            HttpStatus::NotFound, QStringLiteral("service_not_offered"),
            QStringLiteral("This centre does not offer the service \"%1\".").arg(service),
            QStringLiteral("service"));
    const QDate today = m_engine.today();
    auto readDate = [&](const QString &name, QDate fallback, QDate *out) {
        const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        *out = QDate::fromString(text, Qt::ISODate);
        return text.size() == 10 && out->isValid();
    };
    QDate from;
    QDate to;
    if (!readDate(QStringLiteral("from"), today, &from))
        return badParameter("invalid_date", QStringLiteral("\"from\" must be a date YYYY-MM-DD."),
                            QStringLiteral("from"));
    if (!readDate(QStringLiteral("to"), from.addDays(6), &to))
        return badParameter("invalid_date", QStringLiteral("\"to\" must be a date YYYY-MM-DD."),
                            QStringLiteral("to"));
    if (from < today.addDays(-1) || from > today.addYears(2))
        return badParameter("out_of_range",
                            QStringLiteral("\"from\" must lie between yesterday and two years "
                                           "ahead."),
                            QStringLiteral("from"));
    if (to < from || from.daysTo(to) > 30)
        return badParameter("out_of_range",
                            QStringLiteral("\"to\" must be on or after \"from\" and at most 30 "
                                           "days later."),
                            QStringLiteral("to"));
    QHttpServerResponse response =
        jsonBytes(m_engine.availabilityJson(centreId, service, from, to, &m_lastValidUntil));
    // Browsers poll: a short shared cache lets a CDN or nginx absorb bursts.
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=2"));
    return response;
}

QHttpServerResponse CitizenController::createHold(const HttpRequest &request) {
    Idempotency::Begin idem = m_idempotency.begin(request);
    if (idem.answer)
        return std::move(*idem.answer);
    auto finish = [&](QHttpServerResponse response) {
        m_idempotency.remember(idem.record, response);
        return response;
    };
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return finish(std::move(*error));
    JsonFields fields(*body);
    const QString slotName = fields.firstOf({QStringLiteral("slot_id"), QStringLiteral("slotId")});
    const std::optional<qint64> slotId =
        fields.integer(slotName.isEmpty() ? QStringLiteral("slot_id") : slotName,
                       JsonFields::Required, 1, std::numeric_limits<qint32>::max() * qint64(1024));
    const QString service = fields.string(QStringLiteral("service"), JsonFields::Optional, 64);
    const std::optional<qint64> secondSlotId =
        fields.integer(QStringLiteral("second_slot_id"), JsonFields::Optional, 1,
                       std::numeric_limits<qint32>::max() * qint64(1024));
    // Naming the person is optional; when named, the hold counts against them too and only
    // they can confirm it.
    const QString familyName =
        fields.string(QStringLiteral("family_name"), JsonFields::Optional, 100);
    const QString givenName =
        fields.string(QStringLiteral("given_name"), JsonFields::Optional, 100);
    const QDate today = m_engine.today();
    const std::optional<QDate> birth = fields.date(
        QStringLiteral("birth_date"), JsonFields::Optional, QDate(today.year() - 130, 1, 1), today);
    fields.rejectUnknown();
    const bool named = !familyName.isEmpty() || !givenName.isEmpty() || birth;
    if (!fields.failed() && named && (familyName.isEmpty() || givenName.isEmpty() || !birth))
        fields.fail(HttpStatus::BadRequest, QStringLiteral("missing_field"),
                    QStringLiteral("A hold names its person with \"family_name\", \"given_name\" "
                                   "and \"birth_date\" together, or not at all."),
                    familyName.isEmpty()  ? QStringLiteral("family_name")
                    : givenName.isEmpty() ? QStringLiteral("given_name")
                                          : QStringLiteral("birth_date"));
    if (fields.failed())
        return finish(fields.takeError());
    HoldOwner owner{request.clientAddress().toString(), {}};
    if (named)
        owner.person = m_engine.personKey(familyName, givenName, *birth);
    if (!secondSlotId && m_engine.needsSecondDose(*slotId))
        return finish(badParameter("second_dose_required",
                                   QStringLiteral("This product has two doses: hold the first "
                                                  "together with a slot for the second "
                                                  "(\"second_slot_id\", see GET "
                                                  "/api/v1/centres/{id}/second-doses)."),
                                   QStringLiteral("second_slot_id")));
    HoldInfo hold;
    if (const EngineError e = secondSlotId
                                  ? m_engine.holdPair(*slotId, *secondSlotId, service, owner, &hold)
                                  : m_engine.hold(*slotId, service, owner, &hold))
        return finish(engineError(e));
    if (!idem.record) // nothing to remember: straight to bytes
        return request.answerJson(HttpStatus::Created, renderHold(hold));
    return finish(jsonBytes(renderHold(hold), HttpStatus::Created));
}

QByteArray CitizenController::renderHold(const HoldInfo &hold) {
    // Built by hand on every hold, byte for byte what QJsonDocument gave (keys sorted); the
    // expiry changes once a second, so its ISO text is formatted once a second.
    if (hold.expiresAt != m_holdExpiry) {
        m_holdExpiry = hold.expiresAt;
        m_holdExpiryText =
            QDateTime::fromSecsSinceEpoch(hold.expiresAt, Qt::UTC).toString(Qt::ISODate).toUtf8();
    }
    QByteArray out;
    out.reserve(96);
    out.append("{\"expires_at\":\"").append(m_holdExpiryText).append("\",\"hold_id\":");
    appendJsonString(out, hold.id);
    if (hold.secondSlotId)
        out.append(",\"second_slot_id\":").append(QByteArray::number(hold.secondSlotId));
    out.append(",\"slot_id\":").append(QByteArray::number(hold.slotId)).append('}');
    return out;
}

QHttpServerResponse CitizenController::deleteHold(const HttpRequest &request) {
    Idempotency::Begin idem = m_idempotency.begin(request);
    if (idem.answer)
        return std::move(*idem.answer);
    QHttpServerResponse response = [&] {
        if (const EngineError e = m_engine.releaseHold(request.param(idField)))
            return engineError(e);
        return QHttpServerResponse(HttpStatus::NoContent);
    }();
    m_idempotency.remember(idem.record, response);
    return response;
}

QByteArray CitizenController::renderBooking(const BookingRecord &b) {
    return renderWithPair(b, m_engine.signQr(b));
}

QByteArray CitizenController::renderWithPair(const BookingRecord &b, const QString &qrText) {
    if (b.pairedBookingId == 0 && b.dose != 2)
        return renderBooking(b, qrText);
    std::optional<BookingRecord> other;
    if (m_engine.pairedBooking(b, &other) || !other)
        return renderBooking(b, qrText);
    return renderBooking(b, qrText, *other, m_engine.signQr(*other));
}

QByteArray CitizenController::renderBooking(const BookingRecord &b, const QString &qrText,
                                            const BookingRecord &other, const QString &otherQr) {
    QByteArray out = renderBooking(b, qrText);
    if (other.id == 0)
        return out;
    out.chop(1);
    out.append(",\"dose\":").append(QByteArray::number(b.dose));
    out.append(b.dose == 2 ? ",\"first_dose\":" : ",\"second_dose\":");
    out.append(renderBooking(other, otherQr)).append('}');
    return out;
}

QHttpServerResponse CitizenController::secondDoses(const HttpRequest &request) {
    qint64 centreId = 0;
    if (!parseId(request.param(idField), &centreId) || !m_engine.hasCentre(centreId))
        return jsonError(HttpStatus::NotFound, QStringLiteral("centre_not_found"),
                         QStringLiteral("There is no active centre with this id."),
                         QStringLiteral("id"));
    const QUrlQuery query = request.query();
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first != u"slot")
            return badParameter(
                "unknown_parameter",
                QStringLiteral("The query parameter \"%1\" is not known here.").arg(item.first),
                item.first);
    }
    qint64 slotId = 0;
    if (!parseId(query.queryItemValue(QStringLiteral("slot"), QUrl::FullyDecoded), &slotId))
        return badParameter("missing_parameter",
                            QStringLiteral("The query parameter \"slot\" (a slot id) is required."),
                            QStringLiteral("slot"));
    if (m_engine.centreOfSlot(slotId) != centreId)
        return jsonError(HttpStatus::NotFound, QStringLiteral("slot_not_found"),
                         QStringLiteral("This centre has no slot with this id."),
                         QStringLiteral("slot"));
    DoseWindow window;
    std::vector<const Availability::Slot *> slots;
    if (const EngineError e = m_engine.secondDoseSlots(slotId, &window, &slots))
        return engineError(e);
    QByteArray list;
    for (const Availability::Slot *s : slots) {
        if (!list.isEmpty())
            list.append(',');
        list.append("{\"id\":" % QByteArray::number(s->record.id) % ",\"starts_at\":\"" %
                    berlinIso(s->record.startsAt).toLatin1() % "\",\"minutes\":" %
                    QByteArray::number(s->record.minutes) % ",\"free\":" %
                    QByteArray::number(s->publicFree()) % '}');
    }
    const QByteArray body = "{\"centre_id\":" % QByteArray::number(centreId) % ",\"slot_id\":" %
                            QByteArray::number(slotId) % ",\"from\":\"" %
                            window.first.toString(Qt::ISODate).toLatin1() % "\",\"to\":\"" %
                            window.last.toString(Qt::ISODate).toLatin1() % "\",\"slots\":[" % list %
                            "]}";
    return jsonBytes(body);
}

QByteArray CitizenController::renderBooking(const BookingRecord &b, const QString &qrText) {
    // Built by hand: this is on every confirm, and a QJsonObject tree plus the time-zone
    // conversion cost more than the database transaction. Field order is stable.
    // value() rather than constFind(): GCC 12 at -O2 reports -Wnull-dereference inside
    // QHash's inlined iterator.
    QByteArray startsAt = m_isoCache.value(b.startsAt);
    if (startsAt.isEmpty()) {
        if (m_isoCache.size() > 200000)
            m_isoCache.clear();
        startsAt = berlinIso(b.startsAt).toLatin1();
        m_isoCache.insert(b.startsAt, startsAt);
    }
    QByteArray out;
    out.reserve(512);
    out.append("{\"code\":");
    appendJsonString(out, BookingCode::grouped(b.code));
    out.append(",\"state\":");
    appendJsonString(out, b.state);
    out.append(",\"centre_id\":").append(QByteArray::number(b.centreId));
    out.append(",\"service\":");
    appendJsonString(out, b.service);
    out.append(",\"slot_id\":").append(QByteArray::number(b.slotId));
    out.append(",\"starts_at\":\"").append(startsAt).append('"');
    out.append(",\"minutes\":").append(QByteArray::number(b.minutes));
    out.append(",\"family_name\":");
    appendJsonString(out, b.familyName);
    out.append(",\"given_name\":");
    appendJsonString(out, b.givenName);
    out.append(",\"qr\":{\"text\":");
    appendJsonString(out, qrText);
    out.append(",\"key_id\":");
    appendJsonString(out, m_key.keyId());
    out.append("}}");
    return out;
}

QHttpServerResponse CitizenController::createBooking(const HttpRequest &request) {
    Idempotency::Begin idem = m_idempotency.begin(request);
    if (idem.answer)
        return std::move(*idem.answer);
    if (idem.inFlight)
        return waitForFirst(request);
    auto finish = [&](QHttpServerResponse response) {
        m_idempotency.remember(idem.record, response);
        return response;
    };
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return finish(std::move(*error));
    JsonFields fields(*body);
    ConfirmRequest confirm;
    confirm.holdId = fields.string(QStringLiteral("hold_id"), JsonFields::Required, 64);
    confirm.familyName = fields.string(QStringLiteral("family_name"), JsonFields::Required, 100);
    confirm.givenName = fields.string(QStringLiteral("given_name"), JsonFields::Required, 100);
    const QDate today = m_engine.today();
    const std::optional<QDate> birth = fields.date(
        QStringLiteral("birth_date"), JsonFields::Required, QDate(today.year() - 130, 1, 1), today);
    confirm.phone = fields.string(QStringLiteral("phone"), JsonFields::Optional, 40);
    confirm.email = fields.string(QStringLiteral("email"), JsonFields::Optional, 254);
    confirm.priorityGroup =
        fields.string(QStringLiteral("priority_group"), JsonFields::Optional, 64);
    confirm.invitationCode =
        fields.string(QStringLiteral("invitation_code"), JsonFields::Optional, 64);
    fields.rejectUnknown();
    if (!fields.failed() && confirm.phone.isEmpty() && confirm.email.isEmpty())
        fields.fail(HttpStatus::BadRequest, QStringLiteral("missing_field"),
                    QStringLiteral("Either \"phone\" or \"email\" is required."),
                    QStringLiteral("phone"));
    if (!fields.failed() && !confirm.phone.isEmpty()) {
        static const QRegularExpression phonePattern(QStringLiteral("^\\+?[0-9 ()/-]{6,40}$"));
        if (!phonePattern.match(confirm.phone).hasMatch())
            fields.fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                        QStringLiteral("\"phone\" must be a telephone number."),
                        QStringLiteral("phone"));
    }
    if (!fields.failed() && !confirm.email.isEmpty()) {
        static const QRegularExpression mailPattern(
            QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!mailPattern.match(confirm.email).hasMatch())
            fields.fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                        QStringLiteral("\"email\" must be an e-mail address."),
                        QStringLiteral("email"));
    }
    if (fields.failed())
        return finish(fields.takeError());
    confirm.birthDate = *birth;

    submitWrite(request, idem.record, [&](WriteDone done) {
        m_engine.submitConfirm(confirm, idem.record, std::move(done));
    });
    return QHttpServerResponse(HttpStatus::Accepted); // ignored: the answer is deferred
}

QByteArray CitizenController::renderStored(const IdempotencyRecord &record) {
    BookingRecord booking;
    if (m_engine.bookingById(record.bookingId, &booking))
        return {};
    return renderWithPair(booking, record.qrText);
}

void CitizenController::submitWrite(const HttpRequest &request,
                                    std::optional<IdempotencyRecord> record,
                                    const std::function<void(WriteDone)> &submit) {
    // Answered after the group commit this write joins (HttpServer keeps the connection's
    // answers in order and drops this one if the client has gone).
    DeferredReply reply = request.defer();
    if (record)
        m_idempotency.started(*record);
    const bool cancel = request.method() == QHttpServerRequest::Method::Delete;
    submit([this, reply, record, cancel](const WriteOutcome &outcome) mutable {
        const bool fresh = !outcome.error && !outcome.existing;
        const HttpStatus status = cancel ? HttpStatus::Ok : HttpStatus::Created;
        if (!record && fresh) { // nothing to remember: straight to bytes
            reply.finishJson(status, renderBooking(outcome.booking, outcome.qrText, outcome.second,
                                                   outcome.secondQrText));
            return;
        }
        QHttpServerResponse response = [&] {
            if (outcome.error)
                return engineError(outcome.error);
            if (outcome.existing)
                return alreadyBooked(outcome.booking);
            return jsonBytes(renderBooking(outcome.booking, outcome.qrText, outcome.second,
                                           outcome.secondQrText),
                             status);
        }();
        // Durable answers (new booking, cancellation) are in the database already.
        if (!fresh)
            m_idempotency.remember(record, response);
        m_idempotency.completed(record, response);
        reply.finish(std::move(response));
    });
}

QHttpServerResponse CitizenController::alreadyBooked(const BookingRecord &b) {
    // The day and the centre only: whoever knows a person's name and birth date must not learn
    // the code (it cancels the booking) nor anything else about them.
    const QString day =
        QDateTime::fromSecsSinceEpoch(b.startsAt, berlinTimeZone()).date().toString(Qt::ISODate);
    return jsonResponse(
        QJsonObject{
            {QStringLiteral("error"), QStringLiteral("already_booked")},
            {QStringLiteral("message"),
             QStringLiteral("This person already has a booking for this service. Its code is "
                            "sent again only to the contact given with it: POST "
                            "/api/v1/booking-code-requests.")},
            {QStringLiteral("date"), day},
            {QStringLiteral("centre_id"), b.centreId},
            {QStringLiteral("service"), b.service}},
        HttpStatus::Conflict);
}

std::optional<QHttpServerResponse> CitizenController::readBirthDate(const HttpRequest &request,
                                                                    QDate *birthDate) {
    // A header rather than the query string: URLs end up in access logs.
    const QByteArray text = request.header(QByteArrayLiteral("Birth-Date"));
    if (text.isEmpty())
        return badParameter("missing_birth_date",
                            QStringLiteral("The header \"Birth-Date\" (YYYY-MM-DD) is required."),
                            QStringLiteral("Birth-Date"));
    *birthDate = QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
    if (text.size() != 10 || !birthDate->isValid())
        return badParameter("invalid_birth_date",
                            QStringLiteral("\"Birth-Date\" must be a date YYYY-MM-DD."),
                            QStringLiteral("Birth-Date"));
    return std::nullopt;
}

QHttpServerResponse CitizenController::requestCode(const HttpRequest &request) {
    if (auto limited = limitLookup(request))
        return std::move(*limited);
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields fields(*body);
    const QString family = fields.string(QStringLiteral("family_name"), JsonFields::Required, 100);
    const QString given = fields.string(QStringLiteral("given_name"), JsonFields::Required, 100);
    const QDate today = m_engine.today();
    const std::optional<QDate> birth = fields.date(
        QStringLiteral("birth_date"), JsonFields::Required, QDate(today.year() - 130, 1, 1), today);
    const QString service = fields.string(QStringLiteral("service"), JsonFields::Required, 64);
    fields.rejectUnknown();
    if (fields.failed())
        return fields.takeError();
    bool queued = false;
    if (const EngineError e = m_engine.requestCodeResend(family, given, *birth, service, &queued))
        return engineError(e);
    // The same answer whether or not the person has a booking.
    return jsonResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("accepted")}},
                        HttpStatus::Accepted);
}

QHttpServerResponse CitizenController::waitForFirst(const HttpRequest &request) {
    m_idempotency.waitFor(QString::fromLatin1(request.header(QByteArrayLiteral("Idempotency-Key"))),
                          request.defer());
    return QHttpServerResponse(HttpStatus::Accepted); // ignored: the answer is deferred
}

std::optional<QHttpServerResponse> CitizenController::limitLookup(const HttpRequest &request) {
    const qint64 wait = m_lookups.take(request.clientAddress().toString());
    if (wait > 0)
        return tooManyRequests(wait);
    return std::nullopt;
}

QHttpServerResponse CitizenController::getBooking(const HttpRequest &request) {
    if (auto limited = limitLookup(request))
        return std::move(*limited);
    const std::optional<QString> code = BookingCode::parse(request.param(u"code"));
    if (!code)
        return badParameter("invalid_code",
                            QStringLiteral("This is not a valid booking code (check the "
                                           "characters)."),
                            QStringLiteral("code"));
    QDate birthDate;
    if (auto refused = readBirthDate(request, &birthDate))
        return std::move(*refused);
    BookingRecord booking;
    if (const EngineError e = m_engine.lookup(*code, birthDate, &booking))
        return engineError(e);
    return jsonBytes(renderBooking(booking));
}

QHttpServerResponse CitizenController::cancelBooking(const HttpRequest &request) {
    Idempotency::Begin idem = m_idempotency.begin(request);
    if (idem.answer)
        return std::move(*idem.answer);
    if (idem.inFlight)
        return waitForFirst(request);
    auto finish = [&](QHttpServerResponse response) {
        m_idempotency.remember(idem.record, response);
        return response;
    };
    if (auto limited = limitLookup(request))
        return std::move(*limited);
    const std::optional<QString> code = BookingCode::parse(request.param(u"code"));
    if (!code)
        return finish(badParameter("invalid_code",
                                   QStringLiteral("This is not a valid booking code (check the "
                                                  "characters)."),
                                   QStringLiteral("code")));
    QDate birthDate;
    if (auto refused = readBirthDate(request, &birthDate))
        return finish(std::move(*refused));
    submitWrite(request, idem.record, [&](WriteDone done) {
        m_engine.submitCancel(*code, birthDate, idem.record, std::move(done));
    });
    return QHttpServerResponse(HttpStatus::Accepted); // ignored: the answer is deferred
}

} // namespace slotdesk

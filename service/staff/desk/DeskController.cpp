#include "service/staff/desk/DeskController.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace slotdesk {

namespace {

QString isoTime(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QHttpServerResponse badQuery(const QString &name, const QString &message) {
    return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"), message, name);
}

QHttpServerResponse storageError(const QString &message) {
    return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"), message);
}

QHttpServerResponse unaudited() {
    return storageError(QStringLiteral("The read could not be audited; try again."));
}

// Opaque to clients: "<startsAt>.<bookingId>" in base64url.
QString encodeCursor(qint64 startsAt, qint64 id) {
    return QString::fromLatin1(
        QByteArray(QByteArray::number(startsAt) + '.' + QByteArray::number(id))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString &text, qint64 *startsAt, qint64 *id) {
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    if (parts.size() != 2)
        return false;
    bool okStart = false;
    bool okId = false;
    *startsAt = parts.at(0).toLongLong(&okStart);
    *id = parts.at(1).toLongLong(&okId);
    return okStart && okId && *id >= 0;
}

QJsonObject bookingJson(const DeskBooking &b) {
    return {{QStringLiteral("code"), b.code},
            {QStringLiteral("state"), b.state},
            {QStringLiteral("service"), b.service},
            {QStringLiteral("family_name"), b.familyName},
            {QStringLiteral("given_name"), b.givenName},
            {QStringLiteral("birth_date"), b.birthDate},
            {QStringLiteral("phone"), b.phone},
            {QStringLiteral("email"), b.email},
            {QStringLiteral("channel"), b.channel},
            {QStringLiteral("created_at"), isoTime(b.createdAt)},
            {QStringLiteral("updated_at"), isoTime(b.updatedAt)},
            {QStringLiteral("starts_at"), isoTime(b.startsAt)},
            {QStringLiteral("minutes"), b.minutes},
            {QStringLiteral("centre"), b.centreUuid}};
}

const QStringList bookingStates = {QStringLiteral("confirmed"), QStringLiteral("cancelled"),
                                   QStringLiteral("checked_in"), QStringLiteral("no_show")};

} // namespace

DeskController::DeskController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer)
    : m_bookings(std::move(db))
    , m_auth(auth)
    , m_writer(writer) {}

void DeskController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/bookings"),
               [this](const HttpRequest &request) { return listBookings(request); });
    router.post(QStringLiteral("/api/v1/bookings/{code}/check-in"),
                [this](const HttpRequest &request) { return checkIn(request); });
}

std::optional<QHttpServerResponse> DeskController::readFilter(const QUrlQuery &query,
                                                              DeskBookingFilter *filter,
                                                              QJsonObject *audited) {
    const auto item = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        filter->limit = item("limit").toInt(&ok);
        if (!ok || filter->limit < 1 || filter->limit > 500)
            return badQuery(QStringLiteral("limit"), QStringLiteral("limit must be 1 to 500."));
    }
    if (query.hasQueryItem(QStringLiteral("centre"))) {
        const QUuid uuid = QUuid::fromString(item("centre"));
        if (uuid.isNull())
            return badQuery(QStringLiteral("centre"),
                            QStringLiteral("centre must be a centre's UUID."));
        filter->centreUuid = uuid.toString(QUuid::WithoutBraces);
        audited->insert(QStringLiteral("centre"), *filter->centreUuid);
    }
    if (query.hasQueryItem(QStringLiteral("day"))) {
        const QString text = item("day");
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (text.size() != 10 || !day.isValid())
            return badQuery(QStringLiteral("day"),
                            QStringLiteral("day must be a date YYYY-MM-DD."));
        // A Berlin day is 23, 24 or 25 hours long: bound it by its two midnights.
        const QTimeZone zone = berlinTimeZone();
        filter->startsFrom = QDateTime(day, QTime(0, 0), zone).toSecsSinceEpoch();
        filter->startsUntil = QDateTime(day.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
        audited->insert(QStringLiteral("day"), text);
    }
    if (query.hasQueryItem(QStringLiteral("state"))) {
        const QString state = item("state");
        if (!bookingStates.contains(state))
            return badQuery(
                QStringLiteral("state"),
                QStringLiteral("state must be one of %1.").arg(bookingStates.join(u", ")));
        filter->state = state;
        audited->insert(QStringLiteral("state"), state);
    }
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        qint64 startsAt = 0;
        qint64 id = 0;
        if (!decodeCursor(item("cursor"), &startsAt, &id))
            return badQuery(QStringLiteral("cursor"),
                            QStringLiteral("cursor must be a next_cursor of an earlier page."));
        filter->after = {startsAt, id};
        audited->insert(QStringLiteral("cursor"), item("cursor"));
    }
    audited->insert(QStringLiteral("limit"), filter->limit);
    return std::nullopt;
}

QHttpServerResponse DeskController::listBookings(const HttpRequest &request) {
    StaffAuth::Caller caller =
        m_auth.require(request, {StaffRole::Admin, StaffRole::Desk, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    DeskBookingFilter filter;
    QJsonObject audited;
    if (std::optional<QHttpServerResponse> refusal = readFilter(request.query(), &filter, &audited))
        return std::move(*refusal);
    if (filter.centreUuid && !caller.centres.allowsUuid(*filter.centreUuid))
        return StaffAuth::centreRefusal();
    filter.centreIds = caller.centres.ids();
    const int limit = filter.limit;
    ++filter.limit; // one more tells whether there is a next page
    const Stored<QList<DeskBooking>> read = m_bookings.list(filter);
    if (read.error)
        return storageError(QStringLiteral("The bookings could not be read; try again."));
    const qsizetype rows = std::min<qsizetype>(read.value.size(), limit);
    if (!m_writer.auditOnly(
            {m_auth.now(), caller.user->login, QStringLiteral("bookings.read"),
             QStringLiteral("booking"), QString(),
             QJsonObject{{QStringLiteral("filter"), audited}, {QStringLiteral("rows"), rows}}}))
        return unaudited();
    QJsonArray items;
    for (qsizetype i = 0; i < rows; ++i)
        items.append(bookingJson(read.value.at(i)));
    QJsonObject answer{{QStringLiteral("items"), items}};
    if (read.value.size() > limit) {
        const DeskBooking &last = read.value.at(rows - 1);
        answer.insert(QStringLiteral("next_cursor"), encodeCursor(last.startsAt, last.id));
    }
    return jsonResponse(answer);
}

bool DeskController::auditLookup(const QString &actor, const QString &code, int rows,
                                 const QString &outcome) {
    return m_writer.auditOnly(
        {m_auth.now(), actor, QStringLiteral("checkin.lookup"), QStringLiteral("booking"), code,
         QJsonObject{{QStringLiteral("rows"), rows}, {QStringLiteral("outcome"), outcome}}});
}

QHttpServerResponse DeskController::checkIn(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Desk});
    if (!caller.user)
        return std::move(*caller.refusal);
    QString desk;
    if (!request.body().isEmpty()) {
        std::optional<QHttpServerResponse> error;
        const std::optional<QJsonObject> body = parseJsonObject(request, &error);
        if (!body)
            return std::move(*error);
        JsonFields fields(*body);
        desk = fields.string(QStringLiteral("desk"), JsonFields::Optional, 100);
        fields.rejectUnknown();
        if (fields.failed())
            return fields.takeError();
    }
    const QString login = caller.user->login;
    const std::optional<QString> code = BookingCode::parse(request.param(u"code"));
    const Stored<std::optional<DeskBooking>> found =
        code ? m_bookings.findByCode(*code) : Stored<std::optional<DeskBooking>>{};
    if (found.error)
        return storageError(QStringLiteral("The booking could not be read; try again."));
    const QString codeText = code.value_or(request.param(u"code").left(32));
    if (!found.value) {
        if (!auditLookup(login, codeText, 0, QStringLiteral("unknown_code")))
            return unaudited();
        return jsonError(HttpStatus::NotFound, QStringLiteral("unknown_code"),
                         QStringLiteral("There is no booking with this code."));
    }
    const DeskBooking &booking = *found.value;
    if (!caller.centres.allowsId(booking.centreId)) {
        if (!auditLookup(login, codeText, 1, QStringLiteral("forbidden_centre")))
            return unaudited();
        return StaffAuth::centreRefusal();
    }
    if (booking.state != u"confirmed") {
        if (!auditLookup(login, codeText, 1, booking.state))
            return unaudited();
        if (booking.state == u"checked_in") {
            QJsonObject body{{QStringLiteral("error"), QStringLiteral("already_checked_in")},
                             {QStringLiteral("message"),
                              QStringLiteral("This booking was checked in already.")}};
            if (const std::optional<qint64> at = m_bookings.lastArrival(booking.id))
                body.insert(QStringLiteral("checked_in_at"), isoTime(*at));
            return jsonResponse(body, HttpStatus::Conflict);
        }
        if (booking.state == u"cancelled")
            return jsonError(HttpStatus::Conflict, QStringLiteral("booking_cancelled"),
                             QStringLiteral("This booking was cancelled."));
        return jsonError(
            HttpStatus::Conflict, QStringLiteral("booking_not_active"),
            QStringLiteral("This booking is %1 and cannot be checked in.").arg(booking.state));
    }

    const qint64 now = m_auth.now();
    QJsonObject answer = bookingJson(booking);
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        if (!m_bookings.checkIn(booking, desk, caller.user->id, now))
            return false;
        // No personal data on the stream beyond what a desk needs to find the row.
        const QJsonObject payload{{QStringLiteral("code"), booking.code},
                                  {QStringLiteral("centre"), booking.centreUuid},
                                  {QStringLiteral("service"), booking.service},
                                  {QStringLiteral("starts_at"), isoTime(booking.startsAt)},
                                  {QStringLiteral("desk"), desk},
                                  {QStringLiteral("staff"), login}};
        return tx.event(QStringLiteral("checkin.arrival"), payload, now) &&
               tx.audit({now, login, QStringLiteral("checkin.arrival"), QStringLiteral("booking"),
                         booking.code, QJsonObject{{QStringLiteral("desk"), desk}}});
    });
    if (!ok)
        return storageError(QStringLiteral("The check-in could not be stored; try again."));
    answer.insert(QStringLiteral("state"), QStringLiteral("checked_in"));
    answer.insert(QStringLiteral("checked_in_at"), isoTime(now));
    answer.insert(QStringLiteral("updated_at"), isoTime(now));
    return jsonResponse(answer);
}

} // namespace slotdesk

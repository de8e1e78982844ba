#include "service/staff/DeskController.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffAuth.h"
#include "service/staff/StaffWriter.h"

#include "service/staff/SqlText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace slotdesk {

namespace {

QString isoTime(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QHttpServerResponse badQuery(const QString &name, const QString &message) {
    return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"), message, name);
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

const QString bookingColumns = QStringLiteral(
    "SELECT b.id, b.code, b.state, b.service_code, b.family_name, b.given_name, b.birth_date, "
    "b.phone, b.email, b.channel, b.created_at, b.updated_at, s.starts_at, s.minutes, c.uuid, "
    "c.id FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN centres c ON c.id = s.centre_id ");

QJsonObject bookingJson(const QSqlQuery &q) {
    return {{QStringLiteral("code"), q.value(1).toString()},
            {QStringLiteral("state"), q.value(2).toString()},
            {QStringLiteral("service"), q.value(3).toString()},
            {QStringLiteral("family_name"), q.value(4).toString()},
            {QStringLiteral("given_name"), q.value(5).toString()},
            {QStringLiteral("birth_date"), q.value(6).toString()},
            {QStringLiteral("phone"), q.value(7).toString()},
            {QStringLiteral("email"), q.value(8).toString()},
            {QStringLiteral("channel"), q.value(9).toString()},
            {QStringLiteral("created_at"), isoTime(q.value(10).toLongLong())},
            {QStringLiteral("updated_at"), isoTime(q.value(11).toLongLong())},
            {QStringLiteral("starts_at"), isoTime(q.value(12).toLongLong())},
            {QStringLiteral("minutes"), q.value(13).toInt()},
            {QStringLiteral("centre"), q.value(14).toString()}};
}

const QStringList bookingStates = {QStringLiteral("confirmed"), QStringLiteral("cancelled"),
                                   QStringLiteral("checked_in"), QStringLiteral("no_show")};

} // namespace

DeskController::DeskController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer) {}

void DeskController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/bookings"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller =
            m_auth.require(request, {StaffRole::Admin, StaffRole::Desk, StaffRole::Supervisor});
        if (!caller.user)
            return std::move(*caller.refusal);
        const QUrlQuery query = request.query();
        const auto item = [&query](const char *name) {
            return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        };

        int limit = 50;
        if (query.hasQueryItem(QStringLiteral("limit"))) {
            bool ok = false;
            limit = item("limit").toInt(&ok);
            if (!ok || limit < 1 || limit > 500)
                return badQuery(QStringLiteral("limit"), QStringLiteral("limit must be 1 to 500."));
        }
        QStringList where;
        QVariantList binds;
        if (query.hasQueryItem(QStringLiteral("centre"))) {
            const QUuid uuid = QUuid::fromString(item("centre"));
            if (uuid.isNull())
                return badQuery(QStringLiteral("centre"),
                                QStringLiteral("centre must be a centre's UUID."));
            where.append(QStringLiteral("c.uuid = ?"));
            binds.append(uuid.toString(QUuid::WithoutBraces));
        }
        if (query.hasQueryItem(QStringLiteral("day"))) {
            const QString text = item("day");
            const QDate day = QDate::fromString(text, Qt::ISODate);
            if (text.size() != 10 || !day.isValid())
                return badQuery(QStringLiteral("day"),
                                QStringLiteral("day must be a date YYYY-MM-DD."));
            // A Berlin day is 23, 24 or 25 hours long: bound it by its two midnights.
            const QTimeZone zone = berlinTimeZone();
            where.append(QStringLiteral("s.starts_at >= ? AND s.starts_at < ?"));
            binds.append(QDateTime(day, QTime(0, 0), zone).toSecsSinceEpoch());
            binds.append(QDateTime(day.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch());
        }
        if (query.hasQueryItem(QStringLiteral("state"))) {
            const QString state = item("state");
            if (!bookingStates.contains(state))
                return badQuery(
                    QStringLiteral("state"),
                    QStringLiteral("state must be one of %1.").arg(bookingStates.join(u", ")));
            where.append(QStringLiteral("b.state = ?"));
            binds.append(state);
        }
        if (query.hasQueryItem(QStringLiteral("cursor"))) {
            qint64 startsAt = 0;
            qint64 id = 0;
            if (!decodeCursor(item("cursor"), &startsAt, &id))
                return badQuery(QStringLiteral("cursor"),
                                QStringLiteral("cursor must be a next_cursor of an earlier page."));
            where.append(QStringLiteral("(s.starts_at, b.id) > (?, ?)"));
            binds.append(startsAt);
            binds.append(id);
        }

        QString sql = bookingColumns;
        if (!where.isEmpty())
            sql += QStringLiteral("WHERE ") % where.join(QStringLiteral(" AND ")) % u' ';
        sql += QStringLiteral("ORDER BY s.starts_at, b.id LIMIT ?");
        binds.append(limit + 1); // one more tells whether there is a next page

        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (const QVariant &value : std::as_const(binds))
            q.addBindValue(value);
        if (!q.exec())
            return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                             QStringLiteral("The bookings could not be read; try again."));
        QJsonArray items;
        qint64 lastStart = 0;
        qint64 lastId = 0;
        bool more = false;
        while (q.next()) {
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.append(bookingJson(q));
            lastStart = q.value(12).toLongLong();
            lastId = q.value(0).toLongLong();
        }
        QJsonObject answer{{QStringLiteral("items"), items}};
        if (more)
            answer.insert(QStringLiteral("next_cursor"), encodeCursor(lastStart, lastId));
        return jsonResponse(answer);
    });

    router.post(
        QStringLiteral("/api/v1/bookings/{code}/check-in"), [this](const HttpRequest &request) {
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
            const std::optional<QString> code = BookingCode::parse(request.param(u"code"));
            const auto notFound = [] {
                return jsonError(HttpStatus::NotFound, QStringLiteral("unknown_code"),
                                 QStringLiteral("There is no booking with this code."));
            };
            if (!code)
                return notFound();

            QSqlQuery q(m_db);
            q.prepare(bookingColumns % QStringLiteral("WHERE b.code = ?"));
            q.addBindValue(*code);
            if (!q.exec())
                return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                                 QStringLiteral("The booking could not be read; try again."));
            if (!q.next())
                return notFound();
            const qint64 bookingId = q.value(0).toLongLong();
            const QString state = q.value(2).toString();
            const qint64 centreId = q.value(15).toLongLong();
            QJsonObject booking = bookingJson(q);
            q.finish();

            if (state == u"checked_in") {
                QSqlQuery when(m_db);
                when.prepare(QStringLiteral("SELECT MAX(at) FROM check_ins WHERE booking_id = ? "
                                            "AND kind = 'arrival'"));
                when.addBindValue(bookingId);
                QJsonObject body{{QStringLiteral("error"), QStringLiteral("already_checked_in")},
                                 {QStringLiteral("message"),
                                  QStringLiteral("This booking was checked in already.")}};
                if (when.exec() && when.next() && !when.value(0).isNull())
                    body.insert(QStringLiteral("checked_in_at"),
                                isoTime(when.value(0).toLongLong()));
                return jsonResponse(body, HttpStatus::Conflict);
            }
            if (state == u"cancelled")
                return jsonError(HttpStatus::Conflict, QStringLiteral("booking_cancelled"),
                                 QStringLiteral("This booking was cancelled."));
            if (state != u"confirmed")
                return jsonError(
                    HttpStatus::Conflict, QStringLiteral("booking_not_active"),
                    QStringLiteral("This booking is %1 and cannot be checked in.").arg(state));

            const qint64 now = m_auth.now();
            const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
                QSqlQuery update(m_db);
                update.prepare(QStringLiteral("UPDATE bookings SET state = 'checked_in', "
                                              "updated_at = ? WHERE id = ? AND state = "
                                              "'confirmed'"));
                update.addBindValue(now);
                update.addBindValue(bookingId);
                if (!update.exec() || update.numRowsAffected() != 1)
                    return false;
                QSqlQuery insert(m_db);
                insert.prepare(QStringLiteral("INSERT INTO check_ins (booking_id, centre_id, "
                                              "desk, staff_id, kind, at) VALUES (?, ?, ?, ?, "
                                              "'arrival', ?)"));
                insert.addBindValue(bookingId);
                insert.addBindValue(centreId);
                insert.addBindValue(sqlText(desk));
                insert.addBindValue(caller.user->id);
                insert.addBindValue(now);
                if (!insert.exec())
                    return false;
                // No personal data on the stream beyond what a desk needs to find the row.
                const QJsonObject payload{
                    {QStringLiteral("code"), *code},
                    {QStringLiteral("centre"), booking.value(QStringLiteral("centre"))},
                    {QStringLiteral("service"), booking.value(QStringLiteral("service"))},
                    {QStringLiteral("starts_at"), booking.value(QStringLiteral("starts_at"))},
                    {QStringLiteral("desk"), desk},
                    {QStringLiteral("staff"), caller.user->login}};
                return tx.event(QStringLiteral("checkin.arrival"), payload, now) &&
                       tx.audit({now, caller.user->login, QStringLiteral("checkin.arrival"),
                                 QStringLiteral("booking"), *code,
                                 QJsonObject{{QStringLiteral("desk"), desk}}});
            });
            if (!ok)
                return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                                 QStringLiteral("The check-in could not be stored; try again."));
            booking.insert(QStringLiteral("state"), QStringLiteral("checked_in"));
            booking.insert(QStringLiteral("checked_in_at"), isoTime(now));
            booking.insert(QStringLiteral("updated_at"), isoTime(now));
            return jsonResponse(booking);
        });
}

} // namespace slotdesk

#include "service/staff/release/HotlineController.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"
#include "service/booking/BookingEngine.h"
#include "service/http/EngineErrorResponse.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"

#include <limits>

namespace slotdesk {

namespace {} // namespace

HotlineController::HotlineController(StaffAuth &auth, StaffWriter &writer, BookingEngine &engine)
    : m_auth(auth)
    , m_writer(writer)
    , m_engine(engine) {}

void HotlineController::registerRoutes(Router &router) {
    router.post(QStringLiteral("/api/v1/hotline-bookings"),
                [this](const HttpRequest &request) { return book(request); });
}

QHttpServerResponse HotlineController::book(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Desk});
    if (!caller.user)
        return std::move(*caller.refusal);
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields f(*body);
    const std::optional<qint64> slotId = f.integer(QStringLiteral("slot_id"), JsonFields::Required,
                                                   1, std::numeric_limits<qint64>::max());
    ConfirmRequest confirm;
    confirm.familyName = f.string(QStringLiteral("family_name"), JsonFields::Required, 100);
    confirm.givenName = f.string(QStringLiteral("given_name"), JsonFields::Required, 100);
    const QDate today = m_engine.today();
    const std::optional<QDate> birth = f.date(QStringLiteral("birth_date"), JsonFields::Required,
                                              QDate(today.year() - 130, 1, 1), today);
    confirm.phone = f.string(QStringLiteral("phone"), JsonFields::Optional, 40);
    confirm.email = f.string(QStringLiteral("email"), JsonFields::Optional, 254);
    confirm.priorityGroup = f.string(QStringLiteral("priority_group"), JsonFields::Optional, 64);
    confirm.invitationCode = f.string(QStringLiteral("invitation_code"), JsonFields::Optional, 64);
    f.rejectUnknown();
    if (!f.failed() && confirm.phone.isEmpty() && confirm.email.isEmpty())
        f.fail(HttpStatus::BadRequest, QStringLiteral("missing_field"),
               QStringLiteral("Either \"phone\" or \"email\" is required: where the caller is "
                              "reached."),
               QStringLiteral("phone"));
    if (f.failed())
        return f.takeError();
    confirm.birthDate = *birth;
    confirm.channel = QStringLiteral("hotline");

    // A centre-limited account books only at its centres.
    if (!caller.centres.allowsId(m_engine.centreOfSlot(*slotId)))
        return StaffAuth::centreRefusal();
    HoldInfo hold;
    if (const EngineError e = m_engine.holdForHotline(*slotId, &hold))
        return engineErrorResponse(e);
    confirm.holdId = hold.id;
    const WriteOutcome outcome = m_engine.confirm(confirm);
    if (outcome.error) {
        m_engine.releaseHold(hold.id);
        return engineErrorResponse(outcome.error);
    }
    const BookingRecord &b = outcome.booking;
    if (outcome.existing)
        return jsonError(HttpStatus::Conflict, QStringLiteral("already_booked"),
                         QStringLiteral("The caller already has a booking for this service on %1.")
                             .arg(berlinIso(b.startsAt)));
    const qint64 now = m_auth.now();
    m_writer.auditOnly({now, caller.user->login, QStringLiteral("booking.hotline"),
                        QStringLiteral("booking"), b.code,
                        QJsonObject{{QStringLiteral("slot_id"), b.slotId},
                                    {QStringLiteral("centre_id"), b.centreId}}});
    return jsonResponse(QJsonObject{{QStringLiteral("code"), BookingCode::grouped(b.code)},
                                    {QStringLiteral("state"), b.state},
                                    {QStringLiteral("channel"), b.channel},
                                    {QStringLiteral("centre_id"), b.centreId},
                                    {QStringLiteral("service"), b.service},
                                    {QStringLiteral("slot_id"), b.slotId},
                                    {QStringLiteral("starts_at"), berlinIso(b.startsAt)},
                                    {QStringLiteral("minutes"), b.minutes},
                                    {QStringLiteral("family_name"), b.familyName},
                                    {QStringLiteral("given_name"), b.givenName}},
                        HttpStatus::Created);
}

} // namespace slotdesk

#include "ui/checkin/CheckInVerdict.h"

#include "models/booking/BookingCode.h"
#include "models/domain/ServiceCatalogue.h"
#include "net/ServiceError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace slotdesk {

namespace {

QString berlinText(const QString &isoUtc, const QString &format) {
    const QDateTime utc = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Berlin"))),
                              format);
}

QString birthDateText(const QString &iso) {
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("dd.MM.yyyy")) : iso;
}

CheckInVerdict refused(const QString &headline, const QString &reason) {
    CheckInVerdict v;
    v.tone = CheckInVerdict::Tone::Refused;
    v.headline = headline;
    v.reason = reason;
    return v;
}

} // namespace

CheckInVerdict CheckInVerdict::forScan(const Scan &scan) {
    using P = Scan::Problem;
    const QString headline = tr("Not a booking code");
    switch (scan.problem) {
    case P::WrongLength:
        return refused(headline, tr("A booking code has 11 characters, like K7QX-M2PD-9TC. Scan "
                                    "again or type the code."));
    case P::ForeignCharacters:
        return refused(headline, tr("The input holds characters that never appear in a booking "
                                    "code. Scan again or type the code."));
    case P::WrongCheckCharacter:
        return refused(tr("Code mistyped"), tr("The check character does not match: a character "
                                               "was mistyped or misread. Compare the code and "
                                               "type it again."));
    case P::ForeignCode:
        return refused(tr("Code of another system"),
                       tr("This is not a Slotdesk appointment (for example a web address or a "
                          "vaccination certificate). Ask for the appointment confirmation."));
    case P::TruncatedQr:
        return refused(
            tr("Scan incomplete"),
            tr("Only part of the QR code arrived. Hold the code steady and scan again."));
    case P::DoubledQr:
        return refused(tr("Scanned twice"),
                       tr("Two codes arrived at once. Scan the code again, once."));
    case P::KeyboardLayout:
        return refused(tr("Scanner set up wrongly"),
                       tr("The scanner types with another keyboard layout (US instead of "
                          "German). Set the scanner to the German layout, or type the code."));
    case P::TooLong:
        return refused(headline, tr("The scanner sent far too much data. Scan again."));
    case P::None:
        break;
    }
    return refused(headline, tr("Scan again or type the code."));
}

CheckInVerdict CheckInVerdict::checking(const QString &code) {
    CheckInVerdict v;
    v.tone = Tone::Pending;
    v.code = BookingCode::grouped(code);
    v.headline = tr("Checking …");
    return v;
}

CheckInVerdict CheckInVerdict::forgedSignature(const QString &code) {
    CheckInVerdict v = refused(tr("Signature invalid"),
                               tr("The QR code was not issued by this booking service or was "
                                  "altered. Do not check in; ask for the booking confirmation."));
    v.code = BookingCode::grouped(code);
    return v;
}

CheckInVerdict CheckInVerdict::forReply(const QString &code, const ServiceReply &reply) {
    CheckInVerdict v;
    v.code = BookingCode::grouped(code);
    const QJsonObject body = reply.object();
    if (reply.ok()) {
        v.tone = Tone::Ok;
        v.headline = tr("Checked in");
        v.reason = tr("Compare name and birth date with the ID card.");
        v.name = tr("%1, %2").arg(body.value(u"family_name").toString(),
                                  body.value(u"given_name").toString());
        v.birthDate = birthDateText(body.value(u"birth_date").toString());
        v.service = serviceDisplayName(body.value(u"service").toString());
        v.slotTime =
            berlinText(body.value(u"starts_at").toString(), QStringLiteral("ddd dd.MM. HH:mm"));
        return v;
    }
    const ServiceError &e = reply.error;
    CheckInVerdict r;
    if (e.reason == u"already_checked_in") {
        r.tone = Tone::Attention;
        r.headline = tr("Already checked in");
        const QString at =
            berlinText(body.value(u"checked_in_at").toString(), QStringLiteral("HH:mm"));
        r.reason = at.isEmpty() ? tr("This booking was checked in before. Ask the person and the "
                                     "supervisor before letting them in again.")
                                : tr("This booking was checked in at %1. Ask the person and the "
                                     "supervisor before letting them in again.")
                                      .arg(at);
    } else if (e.reason == u"booking_cancelled") {
        r = refused(tr("Booking cancelled"),
                    tr("This appointment was cancelled. A walk-in may be possible if capacity "
                       "is free."));
    } else if (e.reason == u"booking_not_active") {
        r = refused(tr("Booking not valid"),
                    tr("This booking cannot be checked in (it was marked as a no-show)."));
    } else if (e.reason == u"unknown_code") {
        r = refused(tr("Unknown code"),
                    tr("There is no booking with this code. Compare the code with the "
                       "confirmation and type it again."));
    } else if (e.reason == u"forbidden_centre") {
        r = refused(tr("Other centre"),
                    tr("This booking belongs to a centre your account does not serve."));
    } else if (e.kind == ServiceError::Kind::Unauthorized) {
        r = refused(tr("Not signed in"), e.message);
    } else if (e.isConnectivity()) {
        r.tone = Tone::Attention;
        r.headline = tr("Service not reachable");
        r.reason = tr("The check-in could not be confirmed. Scan again when the connection is "
                      "back.");
    } else {
        r = refused(tr("Check-in failed"), e.message);
    }
    r.code = v.code;
    return r;
}

} // namespace slotdesk

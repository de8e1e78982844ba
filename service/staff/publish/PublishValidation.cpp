#include "service/staff/publish/PublishValidation.h"

#include "models/domain/ServiceCatalogue.h"

#include <QRegularExpression>
#include <QSet>

namespace slotdesk {

namespace {

QHttpServerResponse invalid(const QString &reason, const QString &message, const QString &field) {
    return jsonError(HttpStatus::UnprocessableEntity, reason, message, field);
}

} // namespace

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

} // namespace slotdesk

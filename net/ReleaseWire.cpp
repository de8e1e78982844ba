#include "net/ReleaseWire.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"

#include <QJsonArray>

namespace slotdesk::wire {

namespace {

QString csvField(const QString &text) {
    // A cell starting with = or @, or with + or - before something other than a digit (phone
    // numbers keep their +), is a formula to a spreadsheet: a leading ' keeps it text.
    QString value = text;
    const bool sign = value.size() > 0 && (value.front() == u'+' || value.front() == u'-');
    if ((!value.isEmpty() && (value.front() == u'=' || value.front() == u'@')) ||
        (sign && (value.size() == 1 || !value.at(1).isDigit())))
        value.prepend(u'\'');
    if (!value.contains(u';') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + value + u'"';
}

} // namespace

QJsonObject releaseToJson(const Release &r, qint64 now) {
    QJsonArray centres;
    for (const qint64 id : r.centreIds)
        centres.append(id);
    QJsonObject json{{QStringLiteral("uuid"), r.uuid},
                     {QStringLiteral("name"), r.name},
                     {QStringLiteral("opens_at"), r.opensAt},
                     {QStringLiteral("opens_at_local"), berlinIso(r.opensAt)},
                     {QStringLiteral("state"), releaseStateToString(r.stateAt(now))},
                     {QStringLiteral("created_by"), r.createdBy},
                     {QStringLiteral("created_at"), r.createdAt},
                     {QStringLiteral("slots"), r.slots},
                     {QStringLiteral("capacity"), r.capacity},
                     {QStringLiteral("booked"), r.booked},
                     {QStringLiteral("remaining"), r.remaining},
                     {QStringLiteral("withdrawn"), r.withdrawn},
                     {QStringLiteral("centres"), centres},
                     {QStringLiteral("eligibility"), r.eligibility},
                     {QStringLiteral("hotline_places"), r.hotlinePlaces}};
    if (r.invitations > 0)
        json.insert(QStringLiteral("invitations"),
                    QJsonObject{{QStringLiteral("total"), r.invitations},
                                {QStringLiteral("used"), r.invitationsUsed}});
    if (r.openedAt > 0)
        json.insert(QStringLiteral("opened_at"), r.openedAt);
    if (r.withdrawnAt > 0)
        json.insert(QStringLiteral("withdrawn_at"), r.withdrawnAt);
    return json;
}

bool releaseFromJson(const QJsonObject &json, Release *r, QString *error) {
    for (const char *name : {"uuid", "state"}) {
        if (!json.value(QLatin1String(name)).isString()) {
            *error = QStringLiteral("The release has no \"%1\" text.").arg(QLatin1String(name));
            return false;
        }
    }
    if (!json.value(QStringLiteral("opens_at")).isDouble()) {
        *error = QStringLiteral("The release has no \"opens_at\" number.");
        return false;
    }
    const auto integer = [&json](const char *name) {
        return json.value(QLatin1String(name)).toInteger();
    };
    r->uuid = json.value(QStringLiteral("uuid")).toString();
    r->name = json.value(QStringLiteral("name")).toString();
    r->opensAt = integer("opens_at");
    r->storedState = json.value(QStringLiteral("state")).toString();
    r->openedAt = integer("opened_at");
    r->withdrawnAt = integer("withdrawn_at");
    r->createdBy = json.value(QStringLiteral("created_by")).toString();
    r->createdAt = integer("created_at");
    r->slots = int(integer("slots"));
    r->capacity = int(integer("capacity"));
    r->booked = int(integer("booked"));
    r->remaining = int(integer("remaining"));
    r->withdrawn = int(integer("withdrawn"));
    r->hotlinePlaces = int(integer("hotline_places"));
    r->eligibility = json.value(QStringLiteral("eligibility")).toObject();
    const QJsonObject invitations = json.value(QStringLiteral("invitations")).toObject();
    r->invitations = invitations.value(QStringLiteral("total")).toInt();
    r->invitationsUsed = invitations.value(QStringLiteral("used")).toInt();
    r->centreIds.clear();
    const QJsonArray centres = json.value(QStringLiteral("centres")).toArray();
    for (const QJsonValue &c : centres)
        r->centreIds.append(c.toInteger());
    return true;
}

QJsonObject releaseBookingToJson(const DeskBooking &b) {
    return {{QStringLiteral("code"), BookingCode::grouped(b.code)},
            {QStringLiteral("state"), b.state},
            {QStringLiteral("channel"), b.channel},
            {QStringLiteral("family_name"), b.familyName},
            {QStringLiteral("given_name"), b.givenName},
            {QStringLiteral("birth_date"), b.birthDate},
            {QStringLiteral("phone"), b.phone},
            {QStringLiteral("email"), b.email},
            {QStringLiteral("centre_id"), b.centreId},
            {QStringLiteral("centre"), b.centreUuid},
            {QStringLiteral("service"), b.service},
            {QStringLiteral("starts_at"), berlinIso(b.startsAt)},
            {QStringLiteral("minutes"), b.minutes}};
}

QByteArray releaseBookingsCsv(const QList<DeskBooking> &bookings) {
    QString text = QStringLiteral("code;state;family_name;given_name;birth_date;phone;email;"
                                  "centre;service;starts_at;minutes\r\n");
    for (const DeskBooking &b : bookings) {
        const QStringList row{BookingCode::grouped(b.code),
                              b.state,
                              b.familyName,
                              b.givenName,
                              b.birthDate,
                              b.phone,
                              b.email,
                              b.centreUuid,
                              b.service,
                              berlinIso(b.startsAt),
                              QString::number(b.minutes)};
        QStringList fields;
        for (const QString &field : row)
            fields.append(csvField(field));
        text += fields.join(u';') + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace slotdesk::wire

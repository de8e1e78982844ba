#include "models/rules/Eligibility.h"

#include <QJsonArray>

namespace slotdesk {

QString Eligibility::reasonCode(Refusal refusal) {
    switch (refusal) {
    case Refusal::None:
        return {};
    case Refusal::TooYoung:
        return QStringLiteral("too_young");
    case Refusal::TooOld:
        return QStringLiteral("too_old");
    case Refusal::PriorityGroup:
        return QStringLiteral("priority_group");
    case Refusal::InvitationRequired:
        return QStringLiteral("invitation_required");
    case Refusal::InvitationUnknown:
        return QStringLiteral("invitation_unknown");
    case Refusal::InvitationUsed:
        return QStringLiteral("invitation_used");
    }
    return {};
}

int Eligibility::ageOn(QDate birthDate, QDate day) {
    int age = day.year() - birthDate.year();
    // Month/day compared as given: 29 February is after 28 February, so in a common year the
    // birthday is reached on 1 March.
    if (day.month() < birthDate.month() ||
        (day.month() == birthDate.month() && day.day() < birthDate.day()))
        --age;
    return age;
}

Eligibility::Refusal Eligibility::check(QDate birthDate, QDate appointmentDay,
                                        const QString &priorityGroup) const {
    const int age = ageOn(birthDate, appointmentDay);
    if (ageFrom && age < *ageFrom)
        return Refusal::TooYoung;
    if (ageTo && age > *ageTo)
        return Refusal::TooOld;
    if (!priorityGroups.isEmpty() && !priorityGroups.contains(priorityGroup))
        return Refusal::PriorityGroup;
    return Refusal::None;
}

QJsonObject Eligibility::toJson() const {
    QJsonObject json;
    if (ageFrom)
        json.insert(QStringLiteral("age_from"), *ageFrom);
    if (ageTo)
        json.insert(QStringLiteral("age_to"), *ageTo);
    if (!priorityGroups.isEmpty())
        json.insert(QStringLiteral("priority_groups"), QJsonArray::fromStringList(priorityGroups));
    if (invitationOnly)
        json.insert(QStringLiteral("invitation_only"), true);
    return json;
}

Eligibility Eligibility::fromJson(const QJsonObject &json) {
    Eligibility e;
    if (json.value(QStringLiteral("age_from")).isDouble())
        e.ageFrom = json.value(QStringLiteral("age_from")).toInt();
    if (json.value(QStringLiteral("age_to")).isDouble())
        e.ageTo = json.value(QStringLiteral("age_to")).toInt();
    for (const QJsonValue &group : json.value(QStringLiteral("priority_groups")).toArray())
        e.priorityGroups.append(group.toString());
    e.invitationOnly = json.value(QStringLiteral("invitation_only")).toBool();
    return e;
}

QString normaliseInvitationCode(const QString &text) {
    QString code;
    for (const QChar c : text) {
        if (c == u' ' || c == u'-')
            continue;
        if (c.unicode() > 127 || !c.isLetterOrNumber())
            return {};
        code.append(c.toUpper());
    }
    return code.size() >= 6 && code.size() <= 32 ? code : QString();
}

} // namespace slotdesk

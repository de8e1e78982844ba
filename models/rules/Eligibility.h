#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace slotdesk {

// Who may book the slots of a release: an age range on the appointment day, priority groups,
// and invitation-only campaigns (a code that books once). Stored as JSON in
// releases.eligibility; checked at confirm with the birth date the citizen gives.
struct Eligibility {
    std::optional<int> ageFrom; // inclusive, full years on the appointment day
    std::optional<int> ageTo;   // inclusive
    QStringList priorityGroups; // empty: everyone; else the citizen names one of them
    bool invitationOnly = false;

    bool restricts() const {
        return ageFrom || ageTo || !priorityGroups.isEmpty() || invitationOnly;
    }

    enum class Refusal {
        None,
        TooYoung,
        TooOld,
        PriorityGroup,      // no group named, or one the release does not admit
        InvitationRequired, // invitation-only and no code given
        InvitationUnknown,  // no such code for this release
        InvitationUsed,     // the code booked already
    };
    // The reason as the API names it ("too_young", ...); empty for None.
    static QString reasonCode(Refusal refusal);

    // Full years of life on `day` (German civil law: a year is completed at the start of the
    // birthday; someone born on 29 February becomes a year older on 1 March in common years).
    static int ageOn(QDate birthDate, QDate day);
    // Age and priority group (invitations are checked against the stored codes).
    Refusal check(QDate birthDate, QDate appointmentDay, const QString &priorityGroup) const;

    QJsonObject toJson() const;
    // Reads what toJson wrote (unknown keys ignored); a malformed text reads as no limits.
    static Eligibility fromJson(const QJsonObject &json);
};

// An invitation code as people type it: upper case, without spaces and hyphens. Empty when the
// text is not 6 to 32 letters and digits.
QString normaliseInvitationCode(const QString &text);

} // namespace slotdesk

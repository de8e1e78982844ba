#include "service/booking/ReleaseAdmission.h"

#include <QCoreApplication>

#include <sodium.h>

namespace slotdesk {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ReleaseAdmission", text);
}

EngineError refused(Eligibility::Refusal refusal, const QString &message, const QString &field) {
    EngineError e = EngineError::make(EngineError::Kind::Forbidden, "not_eligible", message, field);
    e.detail = Eligibility::reasonCode(refusal);
    return e;
}

} // namespace

void ReleaseAdmission::setRules(qint64 releaseId, const Eligibility &rules) {
    if (rules.restricts())
        m_rules.insert(releaseId, rules);
    else
        m_rules.remove(releaseId);
}

void ReleaseAdmission::addInvitation(qint64 releaseId, const QByteArray &hash, bool used) {
    m_invitations.insert(hash, Invitation{releaseId, used ? CodeState::Used : CodeState::Free});
}

QByteArray ReleaseAdmission::invitationHash(const QByteArray &pepper,
                                            const QString &normalisedCode) {
    // Keyed like person keys: a stolen database alone does not let anyone try codes offline.
    const QByteArray message = "invitation|" + normalisedCode.toUtf8();
    QByteArray hash(32, Qt::Uninitialized);
    crypto_generichash(
        reinterpret_cast<unsigned char *>(hash.data()), std::size_t(hash.size()),
        reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
        reinterpret_cast<const unsigned char *>(pepper.constData()), std::size_t(pepper.size()));
    return hash.toHex();
}

EngineError ReleaseAdmission::admit(qint64 releaseId, QDate appointmentDay,
                                    const Applicant &applicant, const QByteArray &pepper,
                                    QByteArray *invitation) {
    invitation->clear();
    // value() rather than iterators: GCC 12 at -O2 reports -Wnull-dereference inside QHash's
    // inlined iterator (QT64-NOTES).
    if (!m_rules.contains(releaseId))
        return {};
    const Eligibility rules = m_rules.value(releaseId);
    using R = Eligibility::Refusal;
    switch (rules.check(applicant.birthDate, appointmentDay, applicant.priorityGroup)) {
    case R::TooYoung:
        return refused(R::TooYoung,
                       tr("These appointments are for people aged %1 or more on the day of the "
                          "appointment.")
                           .arg(*rules.ageFrom),
                       QStringLiteral("birth_date"));
    case R::TooOld:
        return refused(R::TooOld,
                       tr("These appointments are for people aged %1 or less on the day of the "
                          "appointment.")
                           .arg(*rules.ageTo),
                       QStringLiteral("birth_date"));
    case R::PriorityGroup:
        return refused(R::PriorityGroup,
                       tr("These appointments are for the priority groups %1.")
                           .arg(rules.priorityGroups.join(QStringLiteral(", "))),
                       QStringLiteral("priority_group"));
    default:
        break;
    }
    if (!rules.invitationOnly)
        return {};
    const QString code = normaliseInvitationCode(applicant.invitationCode);
    if (applicant.invitationCode.isEmpty())
        return refused(R::InvitationRequired,
                       tr("These appointments need the code from an invitation."),
                       QStringLiteral("invitation_code"));
    const QByteArray hash = code.isEmpty() ? QByteArray() : invitationHash(pepper, code);
    const Invitation found = m_invitations.value(hash);
    if (code.isEmpty() || found.releaseId != releaseId)
        return refused(R::InvitationUnknown, tr("This invitation code is not valid here."),
                       QStringLiteral("invitation_code"));
    if (found.state != CodeState::Free)
        return refused(R::InvitationUsed, tr("This invitation code was used already."),
                       QStringLiteral("invitation_code"));
    m_invitations.insert(hash, Invitation{releaseId, CodeState::Committing});
    *invitation = hash;
    return {};
}

void ReleaseAdmission::invitationDone(const QByteArray &hash, bool used) {
    const Invitation found = m_invitations.value(hash);
    if (found.releaseId != 0 && found.state == CodeState::Committing)
        m_invitations.insert(hash,
                             Invitation{found.releaseId, used ? CodeState::Used : CodeState::Free});
}

} // namespace slotdesk

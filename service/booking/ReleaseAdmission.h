#pragma once

#include "models/rules/Eligibility.h"
#include "service/booking/EngineError.h"

#include <QByteArray>
#include <QDate>
#include <QHash>

namespace slotdesk {

// Who may book the slots of a release (age on the appointment day, priority group, invitation
// codes), in memory so that a confirm is decided without a read. Slots without a release are
// admitted without a lookup. Invitation codes are known only by their keyed hash (the pepper
// of person keys); a code is free, committing (its confirm is queued) or used. Owned by
// BookingEngine (single writer, server thread).
class ReleaseAdmission {
public:
    void setRules(qint64 releaseId, const Eligibility &rules);
    void addInvitation(qint64 releaseId, const QByteArray &hash, bool used);

    static QByteArray invitationHash(const QByteArray &pepper, const QString &normalisedCode);

    struct Applicant {
        QDate birthDate;
        QString priorityGroup;
        QString invitationCode; // as typed
    };
    // Forbidden "not_eligible" with the refusal in `detail`. On success with an invitation,
    // *invitation is its hash and the code is committing until invitationDone().
    EngineError admit(qint64 releaseId, QDate appointmentDay, const Applicant &applicant,
                      const QByteArray &pepper, QByteArray *invitation);
    // The confirm that carried the invitation committed (`used`) or did not.
    void invitationDone(const QByteArray &hash, bool used);

private:
    enum class CodeState { Free, Committing, Used };
    struct Invitation {
        qint64 releaseId = 0;
        CodeState state = CodeState::Free;
    };
    QHash<qint64, Eligibility> m_rules; // releases that restrict anything
    QHash<QByteArray, Invitation> m_invitations;
};

} // namespace slotdesk

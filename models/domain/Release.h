#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace slotdesk {

// A batch of slots that becomes bookable at opensAt. The stored state is scheduled, open or
// withdrawn; "sold out" is never stored: it is an open release whose future slots have no
// unbooked place left, so it can become open again when someone cancels.
enum class ReleaseState { Scheduled, Open, SoldOut, Withdrawn };

QString releaseStateToString(ReleaseState state); // "scheduled" | "open" | "sold_out" | "withdrawn"

struct Release {
    qint64 id = 0;
    QString uuid;
    QString name;
    qint64 opensAt = 0;  // Unix seconds UTC
    QString storedState; // releases.state: "scheduled" | "open" | "withdrawn"
    qint64 openedAt = 0; // 0: not opened yet
    qint64 withdrawnAt = 0;
    QString createdBy; // staff login
    qint64 createdAt = 0;
    // Figures over the release's slots, as read.
    int slots = 0;
    int capacity = 0;  // places offered (withdrawn places no longer count)
    int booked = 0;    // places booked
    int remaining = 0; // unbooked places of slots that have not started
    int withdrawn = 0; // places taken away by withdrawals
    QList<qint64> centreIds;
    // Who may book (see Eligibility: age_from, age_to, priority_groups, invitation_only).
    QJsonObject eligibility;
    int invitations = 0;     // invitation codes of the release
    int invitationsUsed = 0; // codes that booked
    int hotlinePlaces = 0;   // places kept back for hotline bookings

    // What staff see at `now` (Unix seconds): scheduled until opensAt even when the timer that
    // stores "open" is late.
    ReleaseState stateAt(qint64 now) const;
};

} // namespace slotdesk

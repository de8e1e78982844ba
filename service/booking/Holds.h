#pragma once

#include "service/booking/EngineError.h"

#include <QHash>
#include <QList>
#include <QString>

#include <map>

namespace slotdesk {

class Availability;
class HoldPolicy;

// Whom a hold is counted against: the client's address (empty for in-process callers) and,
// when the hold request named them, the person (their person key). A hold that names a person
// can only be confirmed by that person.
struct HoldOwner {
    QString address;
    QByteArray person;
};

// Places held for a citizen while they type their details. A hold counts against its slot's
// free places (Availability's `held`) from hold() until it expires, is released, or its
// confirm committed (then the held place becomes the booked place). Holds live only in memory:
// a restart forgets them and so gives their places back. Owned by BookingEngine (see its
// invariants); time is passed in, so tests see expiry without waiting. A client address and a
// person each hold at most as many places at once as the HoldPolicy allows.
class Holds {
public:
    Holds(Availability &availability, const HoldPolicy &policy, int holdSeconds);

    // Refused with Limited (retryAfter: until the owner's first hold expires) beyond the
    // policy's limits. `hotline`: staff hold a place for a caller; it may take the slot's
    // hotline contingent, which citizens' holds never do.
    EngineError hold(qint64 slotId, const QString &service, const HoldOwner &owner, qint64 now,
                     HoldInfo *hold, bool hotline = false);
    // A first dose and its second appointment held together: both places or neither, counted
    // as two holds against the client's and the person's limits (the per-person default of 2
    // is "a first dose and its second"), released, expired and confirmed together. The caller
    // checked the pair's product and interval; `secondUnavailable` is the refusal when the
    // second slot cannot be held.
    EngineError holdPair(qint64 slotId, qint64 secondSlotId, const QString &service,
                         const HoldOwner &owner, qint64 now, HoldInfo *hold,
                         const EngineError &secondUnavailable);
    EngineError release(const QString &holdId, qint64 now);
    // Marks an active hold as committing (its confirm is queued): it can then neither expire,
    // be released nor be confirmed again. `person`: who confirms; a hold that named another
    // person is refused. *slotId: the held slot.
    // *secondSlotId (may be null): the second dose's slot of a pair, else 0.
    EngineError beginCommit(const QString &holdId, const QByteArray &person, qint64 *slotId,
                            qint64 *secondSlotId = nullptr);
    // The confirm of a committing hold committed: its place becomes booked (`booked`) or is
    // given back (the person already had a booking).
    void commit(const QString &holdId, bool booked, qint64 now);
    // The confirm of a committing hold failed: the hold is active again (or expires now).
    void reactivate(const QString &holdId, qint64 now);
    // Expires holds whose time has come and forgets old tombstones. Cheap when nothing is due.
    void sweep(qint64 now);
    int active() const { return m_active; }
    int activeOfClient(const QString &client) const { return int(m_byClient.value(client).size()); }
    int activeOfPerson(const QByteArray &person) const {
        return int(m_byPerson.value(person).size());
    }

private:
    enum class State { Active, Committing, Expired, Used, Released };
    struct Hold {
        qint64 slotId = 0;
        qint64 expiresAt = 0;
        State state = State::Active;
        HoldOwner owner;
        bool hotline = false;
        qint64 secondSlotId = 0;
        int places() const { return secondSlotId ? 2 : 1; }
    };
    // Refusal when the owner may not take `places` more holds.
    EngineError checkLimits(const HoldOwner &owner, int places, qint64 now) const;
    // Refusal when this slot cannot be held now.
    EngineError checkSlot(qint64 slotId, const QString &service, qint64 now, bool hotline) const;
    void remember(qint64 slotId, qint64 secondSlotId, const HoldOwner &owner, qint64 now,
                  bool hotline, HoldInfo *hold);
    template <typename Key>
    static void forget(QHash<Key, QList<qint64>> &index, const Key &key, qint64 expiresAt);
    void giveBack(Hold &hold);
    void end(const QString &holdId, Hold &hold, State state, qint64 now);

    Availability &m_availability;
    const HoldPolicy &m_policy;
    int m_holdSeconds;
    // client → expiry times of its active holds (few per client: the policy bounds them).
    QHash<QString, QList<qint64>> m_byClient;
    QHash<QByteArray, QList<qint64>> m_byPerson;
    QHash<QString, Hold> m_holds;
    std::multimap<qint64, QString> m_expiryQueue; // expiresAt → active hold
    std::multimap<qint64, QString> m_forgetQueue; // when to drop tombstones
    int m_active = 0;
};

} // namespace slotdesk

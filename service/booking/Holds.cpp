#include "service/booking/Holds.h"

#include "models/core/Clock.h"
#include "service/booking/Availability.h"
#include "service/booking/HoldPolicy.h"
#include "service/booking/RandomPool.h"

#include <algorithm>

namespace slotdesk {

namespace {

// Tombstones of expired/used holds are kept this long so that a late confirm gets a precise
// "hold_expired" rather than "unknown hold".
constexpr qint64 tombstoneSeconds = 3600;

QString tr(const char *text) {
    return QCoreApplication::translate("Holds", text);
}

EngineError error(EngineError::Kind kind, const char *reason, const QString &message,
                  const QString &field) {
    return EngineError::make(kind, reason, message, field);
}

} // namespace

Holds::Holds(Availability &availability, const HoldPolicy &policy, int holdSeconds)
    : m_availability(availability)
    , m_policy(policy)
    , m_holdSeconds(holdSeconds) {}

namespace {

EngineError tooManyHolds(const QString &message, const QList<qint64> &expiries, qint64 now,
                         int holdSeconds) {
    EngineError e = error(EngineError::Kind::Limited, "too_many_holds", message, QString());
    e.retryAfter = expiries.isEmpty() ? holdSeconds
                                      : *std::min_element(expiries.cbegin(), expiries.cend()) - now;
    return e;
}

} // namespace

EngineError Holds::checkLimits(const HoldOwner &owner, int places, qint64 now) const {
    // A client with n holds may take `places` more when one with n + places - 1 may take one.
    if (!owner.address.isEmpty()) {
        const QList<qint64> expiries = m_byClient.value(owner.address);
        if (!m_policy.allowsClient(int(expiries.size()) + places - 1))
            return tooManyHolds(tr("This address holds %1 places already; confirm or release "
                                   "one, or wait until one expires.")
                                    .arg(expiries.size()),
                                expiries, now, m_holdSeconds);
    }
    if (!owner.person.isEmpty()) {
        const QList<qint64> expiries = m_byPerson.value(owner.person);
        if (!m_policy.allowsPerson(int(expiries.size()) + places - 1))
            return tooManyHolds(tr("This person holds %1 places already; confirm or release "
                                   "one, or wait until one expires.")
                                    .arg(expiries.size()),
                                expiries, now, m_holdSeconds);
    }
    return {};
}

EngineError Holds::checkSlot(qint64 slotId, const QString &service, qint64 now,
                             bool hotline) const {
    const Availability::Slot *slot = m_availability.slot(slotId);
    if (!slot || !m_availability.hasCentre(slot->record.centreId))
        return error(EngineError::Kind::NotFound, "slot_not_found",
                     tr("There is no bookable slot with this id."), QStringLiteral("slot_id"));
    if (!service.isEmpty() && slot->record.service != service)
        return error(EngineError::Kind::Invalid, "service_mismatch",
                     tr("This slot is for another service."), QStringLiteral("service"));
    if (slot->record.startsAt <= now)
        return error(EngineError::Kind::Conflict, "slot_in_past", tr("This slot has started."),
                     QStringLiteral("slot_id"));
    if (!slot->openAt(now)) {
        EngineError e =
            error(EngineError::Kind::Conflict, "release_not_open",
                  tr("This slot can be booked from %1 on.").arg(berlinIso(slot->record.opensAt)),
                  QStringLiteral("slot_id"));
        e.retryAfter = slot->record.opensAt - now;
        return e;
    }
    if ((hotline ? slot->free() : slot->publicFree()) <= 0)
        return error(EngineError::Kind::Conflict, "slot_full",
                     tr("This slot has no free place left."), QStringLiteral("slot_id"));
    return {};
}

void Holds::remember(qint64 slotId, qint64 secondSlotId, const HoldOwner &owner, qint64 now,
                     bool hotline, HoldInfo *hold) {
    const QString id = RandomPool::hexToken(16);
    const qint64 expiresAt = now + m_holdSeconds;
    const Hold entry{slotId, expiresAt, State::Active, owner, hotline, secondSlotId};
    m_availability.addHeld(slotId, +1, hotline);
    if (secondSlotId)
        m_availability.addHeld(secondSlotId, +1, hotline);
    m_active += entry.places();
    m_holds.insert(id, entry);
    for (int i = 0; i < entry.places(); ++i) {
        if (!owner.address.isEmpty())
            m_byClient[owner.address].append(expiresAt);
        if (!owner.person.isEmpty())
            m_byPerson[owner.person].append(expiresAt);
    }
    m_expiryQueue.emplace(expiresAt, id);
    *hold = HoldInfo{id, slotId, expiresAt, secondSlotId};
}

EngineError Holds::hold(qint64 slotId, const QString &service, const HoldOwner &owner, qint64 now,
                        HoldInfo *hold, bool hotline) {
    sweep(now);
    if (EngineError e = checkLimits(owner, 1, now))
        return e;
    if (EngineError e = checkSlot(slotId, service, now, hotline))
        return e;
    remember(slotId, 0, owner, now, hotline, hold);
    return {};
}

EngineError Holds::holdPair(qint64 slotId, qint64 secondSlotId, const QString &service,
                            const HoldOwner &owner, qint64 now, HoldInfo *hold,
                            const EngineError &secondUnavailable) {
    sweep(now);
    if (EngineError e = checkLimits(owner, 2, now))
        return e;
    if (EngineError e = checkSlot(slotId, service, now, false))
        return e;
    if (secondSlotId == slotId || checkSlot(secondSlotId, service, now, false))
        return secondUnavailable;
    remember(slotId, secondSlotId, owner, now, false, hold);
    return {};
}

template <typename Key>
void Holds::forget(QHash<Key, QList<qint64>> &index, const Key &key, qint64 expiresAt) {
    if (key.isEmpty())
        return;
    const auto it = index.find(key);
    if (it == index.end())
        return;
    it->removeOne(expiresAt);
    if (it->isEmpty())
        index.erase(it);
}

void Holds::giveBack(Hold &hold) {
    m_availability.addHeld(hold.slotId, -1, hold.hotline);
    if (hold.secondSlotId)
        m_availability.addHeld(hold.secondSlotId, -1, hold.hotline);
    m_active -= hold.places();
    for (int i = 0; i < hold.places(); ++i) {
        forget(m_byClient, hold.owner.address, hold.expiresAt);
        forget(m_byPerson, hold.owner.person, hold.expiresAt);
    }
}

void Holds::end(const QString &holdId, Hold &hold, State state, qint64 now) {
    hold.state = state;
    m_forgetQueue.emplace(now + tombstoneSeconds, holdId);
}

EngineError Holds::release(const QString &holdId, qint64 now) {
    sweep(now);
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end())
        return error(EngineError::Kind::NotFound, "hold_not_found",
                     tr("There is no hold with this id."), QStringLiteral("hold_id"));
    if (it->state == State::Expired)
        return error(EngineError::Kind::Conflict, "hold_expired", tr("The hold has expired."),
                     QStringLiteral("hold_id"));
    if (it->state != State::Active)
        return error(EngineError::Kind::Conflict, "hold_not_active",
                     tr("The hold was already used or released."), QStringLiteral("hold_id"));
    giveBack(*it);
    end(holdId, *it, State::Released, now);
    return {};
}

EngineError Holds::beginCommit(const QString &holdId, const QByteArray &person, qint64 *slotId,
                               qint64 *secondSlotId) {
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end())
        return error(EngineError::Kind::NotFound, "hold_not_found",
                     tr("There is no hold with this id."), QStringLiteral("hold_id"));
    if (it->state == State::Expired)
        return error(EngineError::Kind::Conflict, "hold_expired",
                     tr("The hold has expired; please choose a slot again."),
                     QStringLiteral("hold_id"));
    if (it->state != State::Active)
        return error(EngineError::Kind::Conflict, "hold_not_active",
                     tr("The hold was already used or released."), QStringLiteral("hold_id"));
    if (!it->owner.person.isEmpty() && it->owner.person != person)
        return error(EngineError::Kind::Conflict, "hold_of_other_person",
                     tr("This place is held for another person."), QStringLiteral("hold_id"));
    // The held place stays counted as held until the batch committed.
    it->state = State::Committing;
    *slotId = it->slotId;
    if (secondSlotId)
        *secondSlotId = it->secondSlotId;
    return {};
}

void Holds::commit(const QString &holdId, bool booked, qint64 now) {
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end() || it->state != State::Committing)
        return;
    giveBack(*it); // the held place becomes the booked place, or is given back
    if (booked) {
        m_availability.addBooked(it->slotId, +1, it->hotline);
        if (it->secondSlotId)
            m_availability.addBooked(it->secondSlotId, +1, it->hotline);
    }
    end(holdId, *it, booked ? State::Used : State::Released, now);
}

void Holds::reactivate(const QString &holdId, qint64 now) {
    const auto it = m_holds.find(holdId);
    if (it == m_holds.end() || it->state != State::Committing)
        return;
    it->state = State::Active;
    if (it->expiresAt > now) {
        m_expiryQueue.emplace(it->expiresAt, holdId);
        return;
    }
    giveBack(*it);
    end(holdId, *it, State::Expired, now);
}

void Holds::sweep(qint64 now) {
    while (!m_expiryQueue.empty() && m_expiryQueue.begin()->first <= now) {
        const QString id = m_expiryQueue.begin()->second;
        m_expiryQueue.erase(m_expiryQueue.begin());
        const auto it = m_holds.find(id);
        if (it == m_holds.end() || it->state != State::Active)
            continue;
        giveBack(*it);
        end(id, *it, State::Expired, now);
    }
    while (!m_forgetQueue.empty() && m_forgetQueue.begin()->first <= now) {
        m_holds.remove(m_forgetQueue.begin()->second);
        m_forgetQueue.erase(m_forgetQueue.begin());
    }
}

} // namespace slotdesk

#pragma once

#include "models/booking/BookingTypes.h"
#include "models/core/LruCache.h"

#include <QByteArray>
#include <QDate>
#include <QList>

#include <algorithm>

#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace slotdesk {

// The catalogue (centres and their services) and every bookable slot's counters, with the
// availability answers built from them and cached per Berlin day until something in the day
// changes or a slot in it starts. Owned and changed by BookingEngine only (see its invariants).
class Availability {
public:
    // answersPerCentre: whole answers kept per centre, least recently used evicted first.
    explicit Availability(int answersPerCentre = 256)
        : m_answersPerCentre(answersPerCentre) {}

    struct Slot {
        SlotRecord record;
        int held = 0;
        int hotlineHeld = 0;  // of `held`: places held for hotline bookings
        qint64 dayJulian = 0; // Europe/Berlin date of the start
        int free() const { return record.capacity - record.booked - held; }
        // The contingent not yet taken by hotline bookings or holds: never offered to citizens.
        int keptBack() const {
            return std::max(0, record.hotlinePlaces - record.hotlineBooked - hotlineHeld);
        }
        // What citizens may hold (staff booking for a caller may use free()).
        int publicFree() const { return free() - keptBack(); }
        // A slot of a release that has not opened is neither shown nor held.
        bool openAt(qint64 now) const { return record.opensAt <= now; }
    };

    void reset(const QList<CentreRecord> &centres, const QList<SlotRecord> &slots);
    // Adds the centre or replaces the one with its id.
    void putCentre(const CentreRecord &centre);
    void addSlot(const SlotRecord &record);

    const Slot *slot(qint64 slotId) const; // nullptr for an unknown slot
    // The slots of a centre and service on the Berlin days [from, to], by start.
    std::vector<const Slot *> slotsOnDays(qint64 centreId, const QString &service, QDate from,
                                          QDate to) const;
    int freePlaces(qint64 slotId) const; // -1 for an unknown slot
    // Counter changes of one known slot.
    // `hotline`: the place is a hotline one (counts against the contingent first).
    void addHeld(qint64 slotId, int delta, bool hotline = false);
    void addBooked(qint64 slotId, int delta, bool hotline = false);
    // Withdrawal: the slot keeps only its booked places (free never goes above 0 again).
    void capacityToBooked(qint64 slotId);
    // Something outside the counters changed what answers show (a release opened).
    void touch();

    bool hasCentre(qint64 centreId) const; // active ones only
    bool centreOffers(qint64 centreId, const QString &service) const;
    QByteArray centresJson();
    // JSON for the Berlin days [from, to] as seen at `now`. *validUntil (may be null): when the
    // answer changes by itself (a slot in it starts), as long as generation() stays the same.
    QByteArray json(qint64 centreId, const QString &service, QDate from, QDate to, qint64 now,
                    qint64 *validUntil);
    // Changes whenever anything an availability answer shows may have changed.
    quint64 generation() const { return m_generation; }
    qsizetype cachedAnswers() const;

private:
    using DayKey = std::tuple<qint64, QString, qint64>; // centre, service, julian day
    struct Day {
        std::vector<qint64> slotIds; // sorted by start
        QByteArray json;             // cached fragment; empty when stale
        qint64 validUntil = 0;       // start of the first future slot in json
    };
    void changed(const Slot &slot);
    QByteArray dayJson(const DayKey &key, Day &day, qint64 now);
    QByteArray answer(qint64 centreId, const QString &service, QDate from, QDate to, qint64 now);

    QList<CentreRecord> m_centres;
    QByteArray m_centresJson;
    std::unordered_map<qint64, Slot> m_slots;
    std::map<DayKey, Day> m_days;
    // Whole answers per centre, keyed by the query; dropped when the centre changes.
    int m_answersPerCentre;
    std::unordered_map<qint64, LruCache<QString, QByteArray>> m_answers;
    quint64 m_generation = 0;
};

} // namespace slotdesk

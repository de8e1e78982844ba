#include "service/booking/Availability.h"

#include "models/core/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace slotdesk {

void Availability::reset(const QList<CentreRecord> &centres, const QList<SlotRecord> &slots) {
    m_centres = centres;
    m_centresJson.clear();
    m_slots.clear();
    m_days.clear();
    m_answers.clear();
    ++m_generation;
    for (const SlotRecord &slot : slots)
        addSlot(slot);
}

void Availability::putCentre(const CentreRecord &centre) {
    const auto it = std::find_if(m_centres.begin(), m_centres.end(),
                                 [&centre](const CentreRecord &c) { return c.id == centre.id; });
    if (it == m_centres.end())
        m_centres.append(centre);
    else
        *it = centre;
    m_centresJson.clear();
    m_answers.erase(centre.id);
    ++m_generation;
}

void Availability::addSlot(const SlotRecord &record) {
    Slot state;
    state.record = record;
    state.dayJulian =
        QDateTime::fromSecsSinceEpoch(record.startsAt, berlinTimeZone()).date().toJulianDay();
    Day &day = m_days[DayKey{record.centreId, record.service, state.dayJulian}];
    auto &ids = day.slotIds;
    const qint64 startsAt = record.startsAt;
    const auto pos =
        std::upper_bound(ids.begin(), ids.end(), startsAt, [this](qint64 start, qint64 id) {
            return start < m_slots.at(id).record.startsAt;
        });
    m_slots.emplace(record.id, state);
    ids.insert(pos, record.id);
    day.json.clear();
    m_answers.erase(record.centreId);
    ++m_generation;
}

const Availability::Slot *Availability::slot(qint64 slotId) const {
    const auto it = m_slots.find(slotId);
    return it == m_slots.end() ? nullptr : &it->second;
}

std::vector<const Availability::Slot *>
Availability::slotsOnDays(qint64 centreId, const QString &service, QDate from, QDate to) const {
    std::vector<const Slot *> out;
    const auto end = m_days.upper_bound(DayKey{centreId, service, to.toJulianDay()});
    for (auto it = m_days.lower_bound(DayKey{centreId, service, from.toJulianDay()}); it != end;
         ++it) {
        for (const qint64 id : it->second.slotIds)
            out.push_back(&m_slots.at(id));
    }
    return out;
}

qsizetype Availability::cachedAnswers() const {
    qsizetype total = 0;
    for (const auto &[centre, answers] : m_answers)
        total += answers.size();
    return total;
}

int Availability::freePlaces(qint64 slotId) const {
    const Slot *s = slot(slotId);
    return s ? s->free() : -1;
}

void Availability::addHeld(qint64 slotId, int delta, bool hotline) {
    const auto it = m_slots.find(slotId);
    if (it == m_slots.end())
        return;
    it->second.held += delta;
    if (hotline)
        it->second.hotlineHeld += delta;
    changed(it->second);
}

void Availability::addBooked(qint64 slotId, int delta, bool hotline) {
    const auto it = m_slots.find(slotId);
    if (it == m_slots.end())
        return;
    it->second.record.booked += delta;
    if (hotline)
        it->second.record.hotlineBooked += delta;
    if (delta < 0 && it->second.record.withdrawn)
        it->second.record.capacity += delta; // as the store does: the place is not offered again
    changed(it->second);
}

void Availability::touch() {
    m_answers.clear();
    ++m_generation;
}

void Availability::capacityToBooked(qint64 slotId) {
    const auto it = m_slots.find(slotId);
    if (it == m_slots.end())
        return;
    it->second.record.capacity = it->second.record.booked;
    it->second.record.withdrawn = true;
    changed(it->second);
}

void Availability::changed(const Slot &slot) {
    const auto it = m_days.find(DayKey{slot.record.centreId, slot.record.service, slot.dayJulian});
    if (it != m_days.end())
        it->second.json.clear();
    m_answers.erase(slot.record.centreId);
    ++m_generation;
}

bool Availability::hasCentre(qint64 centreId) const {
    return std::any_of(m_centres.cbegin(), m_centres.cend(),
                       [centreId](const CentreRecord &c) { return c.id == centreId && c.active; });
}

bool Availability::centreOffers(qint64 centreId, const QString &service) const {
    return std::any_of(m_centres.cbegin(), m_centres.cend(), [&](const CentreRecord &c) {
        return c.id == centreId && c.active && c.services.contains(service);
    });
}

QByteArray Availability::centresJson() {
    if (m_centresJson.isEmpty()) {
        QJsonArray list;
        for (const CentreRecord &c : std::as_const(m_centres)) {
            if (!c.active)
                continue;
            list.append(
                QJsonObject{{QStringLiteral("id"), c.id},
                            {QStringLiteral("name"), c.name},
                            {QStringLiteral("street"), c.street},
                            {QStringLiteral("postcode"), c.postcode},
                            {QStringLiteral("city"), c.city},
                            {QStringLiteral("kind"), c.kind},
                            {QStringLiteral("phone"), c.phone},
                            {QStringLiteral("slot_minutes"), c.slotMinutes},
                            {QStringLiteral("services"), QJsonArray::fromStringList(c.services)}});
        }
        m_centresJson = QJsonDocument(QJsonObject{{QStringLiteral("centres"), list}})
                            .toJson(QJsonDocument::Compact);
    }
    return m_centresJson;
}

QByteArray Availability::dayJson(const DayKey &key, Day &day, qint64 now) {
    if (!day.json.isEmpty() && now < day.validUntil)
        return day.json;
    // Written by hand: this runs on every change under load, QJsonDocument would allocate a
    // tree per slot.
    QByteArray slots;
    int freeTotal = 0;
    day.validUntil = std::numeric_limits<qint64>::max();
    for (const qint64 id : day.slotIds) {
        const Slot &s = m_slots.at(id);
        if (s.record.startsAt <= now)
            continue;
        day.validUntil = std::min(day.validUntil, s.record.startsAt);
        if (!s.openAt(now)) {
            // Hidden until its release opens: the answer changes exactly then.
            day.validUntil = std::min(day.validUntil, s.record.opensAt);
            continue;
        }
        const int free = std::max(0, s.publicFree());
        freeTotal += free;
        if (!slots.isEmpty())
            slots.append(',');
        slots.append("{\"id\":" % QByteArray::number(id) % ",\"starts_at\":\"" %
                     berlinIso(s.record.startsAt).toLatin1() % "\",\"minutes\":" %
                     QByteArray::number(s.record.minutes) % ",\"free\":" %
                     QByteArray::number(free) % '}');
    }
    if (day.validUntil == std::numeric_limits<qint64>::max())
        day.validUntil = now + 86400 * 365;
    day.json = "{\"date\":\"" %
               QDate::fromJulianDay(std::get<2>(key)).toString(Qt::ISODate).toLatin1() %
               "\",\"free\":" % QByteArray::number(freeTotal) % ",\"slots\":[" % slots % "]}";
    return day.json;
}

QByteArray Availability::json(qint64 centreId, const QString &service, QDate from, QDate to,
                              qint64 now, qint64 *validUntil) {
    QByteArray result = answer(centreId, service, from, to, now);
    if (validUntil) {
        *validUntil = std::numeric_limits<qint64>::max();
        for (qint64 d = from.toJulianDay(); d <= to.toJulianDay(); ++d) {
            const auto it = m_days.find(DayKey{centreId, service, d});
            if (it != m_days.end())
                *validUntil = std::min(*validUntil, it->second.validUntil);
        }
    }
    return result;
}

QByteArray Availability::answer(qint64 centreId, const QString &service, QDate from, QDate to,
                                qint64 now) {
    const QString cacheKey =
        service % u'|' % from.toString(Qt::ISODate) % u'|' % to.toString(Qt::ISODate);
    LruCache<QString, QByteArray> &answers =
        m_answers.try_emplace(centreId, m_answersPerCentre).first->second;
    // A cached answer is valid until a slot in it starts (then it must disappear).
    if (const QByteArray *cached = answers.find(cacheKey)) {
        bool fresh = true;
        for (qint64 d = from.toJulianDay(); d <= to.toJulianDay() && fresh; ++d) {
            const auto it = m_days.find(DayKey{centreId, service, d});
            fresh =
                it == m_days.end() || (!it->second.json.isEmpty() && now < it->second.validUntil);
        }
        if (fresh)
            return *cached;
    }
    QByteArray days;
    for (qint64 d = from.toJulianDay(); d <= to.toJulianDay(); ++d) {
        const DayKey key{centreId, service, d};
        const auto it = m_days.find(key);
        if (it == m_days.end())
            continue;
        if (!days.isEmpty())
            days.append(',');
        days.append(dayJson(key, it->second, now));
    }
    QByteArray result = "{\"centre_id\":" % QByteArray::number(centreId) % ",\"service\":\"" %
                        service.toUtf8() % "\",\"from\":\"" %
                        from.toString(Qt::ISODate).toLatin1() % "\",\"to\":\"" %
                        to.toString(Qt::ISODate).toLatin1() % "\",\"days\":[" % days % "]}";
    answers.insert(cacheKey, result);
    return result;
}

} // namespace slotdesk

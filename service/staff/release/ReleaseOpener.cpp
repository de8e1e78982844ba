#include "service/staff/release/ReleaseOpener.h"

#include "models/core/Clock.h"
#include "models/store/ReleaseTable.h"
#include "net/ReleaseWire.h"
#include "service/booking/BookingEngine.h"
#include "service/staff/StaffWriter.h"

#include <algorithm>

namespace slotdesk {

namespace {

// The longest the timer sleeps: a Clock that jumps is noticed within this.
constexpr qint64 maxSleepMs = 1000;

} // namespace

ReleaseOpener::ReleaseOpener(QSqlDatabase db, StaffWriter &writer, BookingEngine &engine,
                             const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_writer(writer)
    , m_engine(engine)
    , m_clock(clock) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        openDue();
        arm();
    });
}

bool ReleaseOpener::load() {
    const Stored<QList<Release>> scheduled =
        ReleaseTable(m_db).scheduled(m_clock.now().toSecsSinceEpoch());
    if (scheduled.error)
        return false;
    for (const Release &r : scheduled.value)
        m_due.emplace(r.opensAt, r.id);
    openDue();
    arm();
    return true;
}

void ReleaseOpener::schedule(qint64 releaseId, qint64 opensAt) {
    m_due.emplace(opensAt, releaseId);
    arm();
}

int ReleaseOpener::openDue() {
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    int opened = 0;
    while (!m_due.empty() && m_due.begin()->first <= now) {
        const qint64 id = m_due.begin()->second;
        if (!open(id, now))
            break; // storage trouble: tried again on the next round
        m_due.erase(m_due.begin());
        ++opened;
    }
    if (opened > 0)
        m_engine.releaseOpened();
    return opened;
}

bool ReleaseOpener::open(qint64 releaseId, qint64 now) {
    ReleaseTable table(m_db);
    const Stored<QList<Release>> rows = table.scheduled(now);
    if (rows.error)
        return false;
    const auto it = std::find_if(rows.value.cbegin(), rows.value.cend(),
                                 [releaseId](const Release &r) { return r.id == releaseId; });
    if (it == rows.value.cend())
        return true; // withdrawn before it opened, or opened already
    const Release release = *it;
    return m_writer.run([&](StaffWriter::Transaction &tx) {
        if (!table.markOpen(releaseId, now))
            return false;
        QJsonObject payload = wire::releaseToJson(release, now);
        payload.insert(QStringLiteral("release"), release.uuid);
        return tx.event(QStringLiteral("release.opened"), payload, now) &&
               tx.audit({now,
                         release.createdBy.isEmpty() ? QStringLiteral("system") : release.createdBy,
                         QStringLiteral("release.open"), QStringLiteral("release"), release.uuid,
                         QJsonObject{{QStringLiteral("opens_at"), release.opensAt},
                                     {QStringLiteral("opened_by"), QStringLiteral("schedule")}}});
    });
}

void ReleaseOpener::arm() {
    if (m_due.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = m_due.begin()->first * 1000 - m_clock.now().toMSecsSinceEpoch();
    m_timer.start(int(std::clamp<qint64>(wait, 0, maxSleepMs)));
}

} // namespace slotdesk

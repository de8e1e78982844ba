#pragma once

#include "models/booking/Event.h"

#include <QList>
#include <QObject>

#include <functional>

namespace slotdesk {

// Fan-out point for committed events. Whoever appends events via EventLog inside a transaction
// calls publish() right AFTER the commit succeeded (never before, never after a rollback), in
// seq order. The live stream (staff side) connects to eventsCommitted and forwards to consoles;
// it replays older events from EventLog::readAfter() for resuming clients.
// Same thread as the HTTP server: a direct connection, no queuing.
class EventHub : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void publish(const QList<Event> &events) {
        if (!events.isEmpty())
            Q_EMIT eventsCommitted(events);
    }
    // Booking batches commit on a writer thread and are published when they come back. A
    // writer on the service's own connection calls settle() before its transaction: it waits
    // for the batch in flight and publishes it, so events stay in seq order.
    void setBarrier(std::function<void()> barrier) { m_barrier = std::move(barrier); }
    void settle() {
        if (m_barrier)
            m_barrier();
    }

Q_SIGNALS:
    void eventsCommitted(const QList<slotdesk::Event> &events);

private:
    std::function<void()> m_barrier;
};

} // namespace slotdesk

#pragma once

#include "models/booking/Event.h"

#include <QList>
#include <QObject>

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

Q_SIGNALS:
    void eventsCommitted(const QList<slotdesk::Event> &events);
};

} // namespace slotdesk

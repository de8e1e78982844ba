#pragma once

#include "models/booking/Event.h"
#include "service/http/Controller.h"
#include "service/staff/StaffSettings.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QWebSocket;

namespace slotdesk {

class EventHub;
class EventLog;
class HttpServer;
class StaffAuth;
class StreamSession;

// The live event stream: WebSocket on /api/v1/stream?after=<seq>&token=<bearer> (any staff
// role). Each console first gets the events with seq > after from the EventLog, page by page,
// then the live tail from the EventHub; every message is one JSON text frame
//   {"seq": 42, "type": "booking.confirmed", "at": "2026-...Z", "payload": {...}}
// plus one control frame {"control": "live", "last_seq": N} when the replay has caught up.
//
// No gaps, no duplicates: a session only ever sends seq == lastSent + 1. While it replays it
// ignores live events — they are already in the log, and the replay reads up to the last seq
// the hub has published (never an uncommitted row). A live session that sees a gap (it cannot
// happen with one writer, but costs nothing to handle) falls back to replaying.
//
// Slow consoles: replay pauses while more than half of streamMaxPendingBytes wait in the
// socket; a live session whose unsent bytes exceed streamMaxPendingBytes is closed with code
// 4008 ("slow consumer") and reconnects with its last seq. Close codes: 4400 bad request,
// 4401 token invalid/expired/revoked, 4008 slow consumer, 1001 service shutting down.
//
// An account limited to some centres gets only the events of those centres (and events that
// name no centre); the others are skipped, so it sees gaps in seq and resumes as usual.
class EventStream final : public QObject, public Controller {
    Q_OBJECT
public:
    EventStream(HttpServer &http, StaffAuth &auth, const EventLog &log, EventHub &hub,
                const StaffSettings &settings, QObject *parent = nullptr);
    ~EventStream() override;

    void registerRoutes(Router &router) override;
    int sessionCount() const { return int(m_sessions.size()); }
    qint64 publishedSeq() const { return m_publishedSeq; }

    static constexpr int CloseSlowConsumer = 4008;
    static constexpr int CloseBadRequest = 4400;
    static constexpr int CloseUnauthorized = 4401;

Q_SIGNALS:
    // A resuming session sent one page of its replay from the log and is not live yet (lets
    // tests commit new events exactly while a replay runs, without timing luck).
    void replayPageSent(qint64 lastSentSeq);

private:
    friend class StreamSession;
    void acceptPending();
    void onCommitted(const QList<Event> &events);
    void onPingTimer();
    void removeSession(StreamSession *session);

    HttpServer &m_http;
    StaffAuth &m_auth;
    const EventLog &m_log;
    StaffSettings m_settings;
    qint64 m_publishedSeq = 0;
    QTimer m_pingTimer;
    std::vector<std::unique_ptr<StreamSession>> m_sessions;
};

// One event as the stream sends it (shared by replay and live tail, and by the console tests).
QString streamMessage(const Event &event);

} // namespace slotdesk

#include "service/staff/stream/EventStream.h"

#include "models/booking/EventLog.h"
#include "service/EventHub.h"
#include "service/http/HttpServer.h"
#include "service/http/JsonResponse.h"
#include "service/staff/auth/CentreScope.h"
#include "service/staff/auth/StaffAuth.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr std::initializer_list<StaffRole> streamRoles = {StaffRole::Admin, StaffRole::Desk,
                                                          StaffRole::Supervisor};

// after=<seq>: absent means 0 (everything); anything but a non-negative integer is refused.
bool parseAfter(const QUrlQuery &query, qint64 *after) {
    *after = 0;
    if (!query.hasQueryItem(QStringLiteral("after")))
        return true;
    bool ok = false;
    *after = query.queryItemValue(QStringLiteral("after")).toLongLong(&ok);
    return ok && *after >= 0;
}

QWebSocketProtocol::CloseCode closeCode(int code) {
    return static_cast<QWebSocketProtocol::CloseCode>(code);
}

} // namespace

QString streamMessage(const Event &event) {
    // The stored payload text goes in as it is (one message per event and console).
    QByteArray json;
    json.reserve(event.payload.size() + 96);
    json.append("{\"at\":");
    appendJsonString(json, QDateTime::fromSecsSinceEpoch(event.at, Qt::UTC).toString(Qt::ISODate));
    json.append(",\"payload\":")
        .append(event.payload.isEmpty() ? QByteArrayLiteral("{}") : event.payload)
        .append(",\"seq\":")
        .append(QByteArray::number(event.seq))
        .append(",\"type\":");
    appendJsonString(json, event.type);
    json.append('}');
    return QString::fromUtf8(json);
}

class StreamSession final : public QObject {
public:
    StreamSession(EventStream &stream, std::unique_ptr<QWebSocket> socket, QString token,
                  CentreScope centres, qint64 after)
        : m_stream(stream)
        , m_socket(std::move(socket))
        , m_token(std::move(token))
        , m_centres(std::move(centres))
        , m_lastSent(after) {
        QWebSocket *ws = m_socket.get();
        connect(ws, &QWebSocket::disconnected, this, [this] { m_stream.removeSession(this); });
        connect(ws, &QWebSocket::bytesWritten, this, [this] {
            if (!m_live)
                schedulePump();
        });
        connect(ws, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
        // Consoles only listen; anything they send is ignored rather than buffered.
        connect(ws, &QWebSocket::textMessageReceived, this, [] {});
    }

    ~StreamSession() override {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
    }

    const QString &token() const { return m_token; }

    void start() { schedulePump(); }

    void close(int code, const QString &reason) {
        if (m_closing)
            return;
        m_closing = true;
        m_socket->close(closeCode(code), reason);
    }

    // Live tail: only the direct successor of what was sent goes out.
    void deliver(const QList<Event> &events, const QList<QString> &messages) {
        if (!m_live || m_closing)
            return;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const qint64 seq = events.at(i).seq;
            if (seq <= m_lastSent)
                continue;
            if (seq != m_lastSent + 1) {
                m_live = false; // a gap: read the missing events from the log
                schedulePump();
                return;
            }
            if (m_centres.allowsEvent(events.at(i)))
                m_socket->sendTextMessage(messages.at(i));
            m_lastSent = seq;
        }
        if (m_socket->bytesToWrite() > m_stream.m_settings.streamMaxPendingBytes)
            close(EventStream::CloseSlowConsumer,
                  QStringLiteral("slow consumer; reconnect with after=%1").arg(m_lastSent));
    }

    // Called by the ping timer: false when the session must go (no pong, token gone).
    void keepAlive() {
        if (m_closing)
            return;
        if (m_awaitingPong) {
            m_socket->abort(); // dead peer: disconnected() removes the session
            return;
        }
        if (!m_stream.m_auth.requireToken(m_token, streamRoles).user) {
            close(EventStream::CloseUnauthorized,
                  QStringLiteral("token expired or revoked; log in again"));
            return;
        }
        m_awaitingPong = true;
        m_socket->ping();
    }

private:
    void schedulePump() {
        if (m_pumpScheduled || m_closing)
            return;
        m_pumpScheduled = true;
        // Another event-loop turn per page, so one resuming console cannot stall the server.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpScheduled = false;
                pump();
            },
            Qt::QueuedConnection);
    }

    void pump() {
        if (m_live || m_closing)
            return;
        const qint64 head = m_stream.m_publishedSeq;
        if (m_lastSent >= head) {
            m_live = true;
            m_socket->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("control"), QStringLiteral("live")},
                                          {QStringLiteral("last_seq"), m_lastSent}})
                    .toJson(QJsonDocument::Compact)));
            return;
        }
        if (m_socket->bytesToWrite() > m_stream.m_settings.streamMaxPendingBytes / 2)
            return; // bytesWritten will pump again
        const int limit =
            int(std::min<qint64>(m_stream.m_settings.streamReplayPage, head - m_lastSent));
        const QList<Event> page = m_stream.m_log.readAfter(m_lastSent, limit);
        for (const Event &event : page) {
            if (event.seq != m_lastSent + 1) {
                close(EventStream::CloseBadRequest,
                      QStringLiteral("event %1 is missing from the log").arg(m_lastSent + 1));
                return;
            }
            if (m_centres.allowsEvent(event))
                m_socket->sendTextMessage(streamMessage(event));
            m_lastSent = event.seq;
        }
        if (page.isEmpty()) {
            close(EventStream::CloseBadRequest,
                  QStringLiteral("event %1 is missing from the log").arg(m_lastSent + 1));
            return;
        }
        schedulePump();
        Q_EMIT m_stream.replayPageSent(m_lastSent);
    }

    EventStream &m_stream;
    std::unique_ptr<QWebSocket> m_socket;
    QString m_token;
    CentreScope m_centres;
    // The last seq this console is past: sent, or left out as another centre's.
    qint64 m_lastSent = 0;
    bool m_live = false;
    bool m_pumpScheduled = false;
    bool m_awaitingPong = false;
    bool m_closing = false;
};

EventStream::EventStream(HttpServer &http, StaffAuth &auth, const EventLog &log, EventHub &hub,
                         const StaffSettings &settings, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_auth(auth)
    , m_log(log)
    , m_settings(settings)
    , m_publishedSeq(log.lastSeq()) {
    connect(&hub, &EventHub::eventsCommitted, this, &EventStream::onCommitted);
    connect(&m_http, &HttpServer::newWebSocketConnection, this, &EventStream::acceptPending);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventStream::onPingTimer);
    m_pingTimer.start(std::max(1, m_settings.streamPingSeconds) * 1000);
}

EventStream::~EventStream() = default;

void EventStream::registerRoutes(Router &router) {
    // Refuse before the upgrade when we can: a console then sees a plain HTTP 401/400.
    router.addWebSocket(QStringLiteral("/api/v1/stream"), [this](const HttpRequest &request,
                                                                 QHttpServerResponse *refusal) {
        qint64 after = 0;
        if (!parseAfter(request.query(), &after)) {
            *refusal = jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                                 QStringLiteral("after must be a non-negative integer."),
                                 QStringLiteral("after"));
            return false;
        }
        QString token = request.query().queryItemValue(QStringLiteral("token"));
        if (token.isEmpty())
            token = StaffAuth::bearerToken(request);
        StaffAuth::Caller caller = m_auth.requireToken(token, streamRoles);
        if (!caller.user) {
            *refusal = std::move(*caller.refusal);
            return false;
        }
        return true;
    });
}

void EventStream::acceptPending() {
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QUrlQuery query(socket->requestUrl());
        QString token = query.queryItemValue(QStringLiteral("token"));
        if (token.isEmpty()) {
            const QByteArray header = socket->request().rawHeader("Authorization");
            if (header.toLower().startsWith("bearer "))
                token = QString::fromLatin1(header.mid(7).trimmed());
        }
        qint64 after = 0;
        // The guard checked both already; checked again because the socket is what we keep.
        if (!parseAfter(query, &after)) {
            socket->close(closeCode(CloseBadRequest), QStringLiteral("bad after"));
            socket.release()->deleteLater();
            continue;
        }
        StaffAuth::Caller caller = m_auth.requireToken(token, streamRoles);
        if (!caller.user) {
            socket->close(closeCode(CloseUnauthorized), QStringLiteral("invalid token"));
            socket.release()->deleteLater();
            continue;
        }
        if (after > m_publishedSeq) {
            // The console knows a future we do not (a restored backup): it must start over.
            socket->close(closeCode(CloseBadRequest),
                          QStringLiteral("after=%1 is ahead of the log (last seq %2)")
                              .arg(after)
                              .arg(m_publishedSeq));
            socket.release()->deleteLater();
            continue;
        }
        auto session = std::make_unique<StreamSession>(*this, std::move(socket), token,
                                                       std::move(caller.centres), after);
        StreamSession *raw = session.get();
        m_sessions.push_back(std::move(session));
        raw->start();
    }
}

void EventStream::onCommitted(const QList<Event> &events) {
    if (events.isEmpty())
        return;
    m_publishedSeq = std::max(m_publishedSeq, events.constLast().seq);
    if (m_sessions.empty())
        return;
    // Serialised once for all consoles.
    QList<QString> messages;
    messages.reserve(events.size());
    for (const Event &event : events)
        messages.append(streamMessage(event));
    // A session may close (and be removed) while delivering: iterate over a snapshot.
    std::vector<StreamSession *> snapshot;
    for (const auto &session : m_sessions)
        snapshot.push_back(session.get());
    for (StreamSession *session : snapshot)
        session->deliver(events, messages);
}

void EventStream::onPingTimer() {
    std::vector<StreamSession *> snapshot;
    for (const auto &session : m_sessions)
        snapshot.push_back(session.get());
    for (StreamSession *session : snapshot)
        session->keepAlive();
}

void EventStream::removeSession(StreamSession *session) {
    const auto it = std::find_if(m_sessions.begin(), m_sessions.end(),
                                 [session](const auto &s) { return s.get() == session; });
    if (it == m_sessions.end())
        return;
    // Deleted later: we may be inside one of the session's own signal handlers. Parented so
    // that it cannot outlive the stream when no event loop runs any more.
    StreamSession *released = it->release();
    released->setParent(this);
    released->deleteLater();
    m_sessions.erase(it);
}

} // namespace slotdesk

#include "service/http/HttpServer.h"

#include "service/ServiceInfo.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"
#include "service/metrics/MetricsRegistry.h"

#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <limits>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace slotdesk {

namespace {

// Qt reads at most this much from the kernel ahead of the parser: a connection whose reading
// is paused holds no more than this in the socket (and TCP flow control stops its client).
constexpr qint64 socketReadBufferBytes = 64 * 1024;
// A refused connection (over the cap) gets this long to read its 503 before it is aborted.
constexpr qint64 refusedGraceMs = 2000;
// Out of file descriptors, accepting is tried again this much later.
constexpr int resumeAcceptingMs = 100;
constexpr qint64 noDeadline = std::numeric_limits<qint64>::max();

} // namespace

DeferredReply::DeferredReply(HttpServer *server, std::shared_ptr<Slot> slot)
    : m_server(server)
    , m_slot(std::move(slot)) {}

void DeferredReply::finish(QHttpServerResponse &&response) {
    if (!m_slot || m_slot->ready)
        return;
    if (!m_server) {
        m_slot->ready = true;
        return;
    }
    m_server->finish(m_slot, std::move(response));
}

void DeferredReply::finishJson(HttpStatus status, const QByteArray &body) {
    if (!m_slot || m_slot->ready)
        return;
    if (!m_server) {
        m_slot->ready = true;
        return;
    }
    m_server->finishBytes(m_slot, m_server->serialiseJson(int(status), body));
}

QHttpServerResponse HttpRequest::answerJson(HttpStatus status, const QByteArray &body) const {
    if (!m_deferral || !m_deferral->server)
        return jsonBytes(body, status);
    m_deferral->serialised = m_deferral->server->serialiseJson(int(status), body);
    return QHttpServerResponse(status); // not sent: the serialised answer is
}

bool HttpRequest::answerSerialised(const QByteArray &bytes) const {
    if (!m_deferral || !m_deferral->server)
        return false;
    m_deferral->serialised = bytes;
    return true;
}

DeferredReply HttpRequest::defer() const {
    if (!m_deferral || !m_deferral->server)
        return {};
    if (!m_deferral->slot) {
        m_deferral->slot = std::make_shared<DeferredReply::Slot>();
        m_deferral->slot->socket = m_deferral->socket;
    }
    return DeferredReply(m_deferral->server, m_deferral->slot);
}

QHostAddress HttpRequest::clientAddress() const {
    if (!m_deferral || !m_deferral->server)
        return m_peer;
    return m_deferral->server->clientAddress(m_head, m_peer);
}

struct HttpServer::Connection {
    QTcpSocket *socket = nullptr;
    QHostAddress peer;
    // Bytes read and not yet consumed by complete requests.
    QByteArray buffer;
    // Where the search for the end of the header block goes on (bytes before it were searched).
    qsizetype searched = 0;
    // Set once the header block of the request being read is parsed; it waits for the body.
    std::optional<HttpRequestHead> head;
    qsizetype headSize = 0; // header block including the empty line
    bool continueSent = false;
    bool closing = false; // no further requests are read; the socket closes after the answers
    // Bytes of a refused body still to be read and dropped before the socket closes: closing
    // with unread bytes makes the kernel send a reset, which can destroy the refusal the
    // client has not read yet.
    qint64 drain = 0;
    Queue queue;
    quint64 requests = 0; // answered or being answered
    // What the connection waits for, and until when (HttpServer::m_uptime milliseconds).
    Phase phase = Phase::Head;
    qint64 deadline = noDeadline;
    // Backpressure: requests are not read until enough of the output is written.
    bool readPaused = false;
    QMetaObject::Connection resumeOnWrite;
};

HttpServer::HttpServer(HttpLimits limits, MetricsRegistry &metrics, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_metrics(metrics)
    , m_accepted(metrics.counter(QStringLiteral("slotdesk_http_connections_accepted_total"),
                                 QStringLiteral("HTTP connections accepted.")))
    , m_refused(metrics.counter(QStringLiteral("slotdesk_http_connections_refused_total"),
                                QStringLiteral("HTTP connections refused with 503 because "
                                               "max-connections were open.")))
    , m_acceptErrors(metrics.counter(
          QStringLiteral("slotdesk_http_accept_pauses_total"),
          QStringLiteral("Times accepting paused because no file descriptor was free.")))
    , m_headTimeouts(metrics.counter(QStringLiteral("slotdesk_http_timeouts_total"),
                                     QStringLiteral("Connections closed by a timeout."),
                                     {{QStringLiteral("phase"), QStringLiteral("head")}}))
    , m_bodyTimeouts(metrics.counter(QStringLiteral("slotdesk_http_timeouts_total"), {},
                                     {{QStringLiteral("phase"), QStringLiteral("body")}}))
    , m_idleTimeouts(metrics.counter(QStringLiteral("slotdesk_http_timeouts_total"), {},
                                     {{QStringLiteral("phase"), QStringLiteral("idle")}}))
    , m_protocolErrors(metrics.counter(
          QStringLiteral("slotdesk_http_protocol_errors_total"),
          QStringLiteral("Requests refused before routing (malformed, too large, timed out); "
                         "the connection is closed.")))
    , m_readPauses(metrics.counter(
          QStringLiteral("slotdesk_http_read_pauses_total"),
          QStringLiteral("Times a connection stopped being read because its client did not read "
                         "its answers.")))
    , m_latency(metrics.histogram(QStringLiteral("slotdesk_http_request_duration_seconds"),
                                  QStringLiteral("From a complete request to its answer."),
                                  MetricsRegistry::latencyBounds()))
    , m_serialiser(serviceProductName().toUtf8())
    , m_webSockets(serviceProductName(), QWebSocketServer::NonSecureMode) {
    metrics.addGauge(QStringLiteral("slotdesk_http_open_connections"),
                     QStringLiteral("Open HTTP connections (not counting WebSockets)."),
                     [this] { return double(m_connections.size()); });
    m_uptime.start();
    connect(&m_listener, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    connect(&m_listener, &QTcpServer::acceptError, this, [this] { acceptFailed(); });
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &HttpServer::newWebSocketConnection);
    // A quarter of the shortest timeout, so that none fires much later than set.
    const int shortest =
        std::min({m_limits.headTimeoutMs, m_limits.bodyTimeoutMs, m_limits.idleTimeoutMs});
    m_sweep.setInterval(std::clamp(shortest / 4, 20, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &HttpServer::sweep);
    m_resumeAccepting.setSingleShot(true);
    m_resumeAccepting.setInterval(resumeAcceptingMs);
    connect(&m_resumeAccepting, &QTimer::timeout, this, &HttpServer::resumeAccepting);
}

HttpServer::~HttpServer() {
    for (Connection *connection : std::as_const(m_connections)) {
        connection->socket->disconnect(this);
        delete connection;
    }
    m_connections.clear();
}

void HttpServer::addController(Controller &controller) {
    controller.registerRoutes(m_router);
}

quint16 HttpServer::start(const QHostAddress &address, quint16 port) {
    createRouteMetrics();
    if (!m_listener.listen(address, port))
        return 0;
    m_sweep.start();
    return m_listener.serverPort();
}

bool HttpServer::hasPendingWebSocketConnections() const {
    return m_webSockets.hasPendingConnections();
}

std::unique_ptr<QWebSocket> HttpServer::nextPendingWebSocketConnection() {
    return std::unique_ptr<QWebSocket>(m_webSockets.nextPendingConnection());
}

void HttpServer::acceptConnections() {
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections) {
            refuseConnection(socket);
            continue;
        }
        m_accepted.inc();
        socket->setReadBufferSize(socketReadBufferBytes);
        auto *connection = new Connection;
        connection->socket = socket;
        connection->peer = socket->peerAddress();
        connection->deadline = m_nowMs + m_limits.headTimeoutMs;
        m_connections.insert(socket, connection);
        connect(socket, &QIODevice::readyRead, this,
                [this, connection] { readRequests(*connection); });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this,
                [this, socket] { delete m_connections.take(socket); });
    }
    if (!descriptorFree())
        pauseAccepting();
}

// Whether one more descriptor can be opened (dup of the listener, closed at once). Qt 6.4
// neither pauses nor reports a failed accept(): with no descriptor left, the readable
// listener makes its event loop retry accept() without end, so we stop accepting before.
bool HttpServer::descriptorFree() const {
    const int fd = ::fcntl(int(m_listener.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno != EMFILE && errno != ENFILE;
}

// Stops accepting until a descriptor is free (checked every resumeAcceptingMs); the open
// connections are served meanwhile, and new ones wait in the listen backlog.
void HttpServer::pauseAccepting() {
    if (m_acceptPaused)
        return;
    m_acceptPaused = true;
    m_acceptErrors.inc();
    qWarning("Out of file descriptors with %d HTTP connections open: accepting waits for one "
             "to close",
             int(m_connections.size()));
    m_listener.pauseAccepting();
    m_resumeAccepting.start();
}

void HttpServer::resumeAccepting() {
    if (!descriptorFree()) {
        m_resumeAccepting.start();
        return;
    }
    m_acceptPaused = false;
    m_listener.resumeAccepting();
}

// Over the cap: a 503 at once, and the connection closes once it is written. The open
// connections are not touched.
void HttpServer::refuseConnection(QTcpSocket *socket) {
    m_refused.inc();
    QHttpServerResponse response =
        jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("service_unavailable"),
                  QStringLiteral("Too many open connections; try again shortly."));
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    socket->write(ResponseSerialiser::withConnectionClose(serialise(std::move(response))));
    socket->flush();
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    // A client that neither reads nor closes does not keep the descriptor.
    QTimer::singleShot(refusedGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

// Where Qt reports a failed accept() (and has paused accepting): try again shortly, not never.
void HttpServer::acceptFailed() {
    m_acceptPaused = false;
    pauseAccepting();
}

void HttpServer::sweep() {
    m_nowMs = m_uptime.elapsed();
    // Descriptors may also run out through files and WebSockets, between accepts.
    if (!m_acceptPaused && m_listener.isListening() && !descriptorFree())
        pauseAccepting();
    std::vector<QTcpSocket *> expired;
    for (const Connection *connection : std::as_const(m_connections)) {
        if (connection->deadline <= m_nowMs)
            expired.push_back(connection->socket);
    }
    for (QTcpSocket *socket : expired) {
        if (Connection *connection = m_connections.value(socket))
            expire(*connection);
    }
}

void HttpServer::expire(Connection &connection) {
    QTcpSocket *socket = connection.socket;
    switch (connection.phase) {
    case Phase::Head:
    case Phase::Body:
        (connection.phase == Phase::Head ? m_headTimeouts : m_bodyTimeouts).inc();
        if (connection.phase == Phase::Head && connection.buffer.isEmpty()) {
            // Not a byte of a request yet: nothing to answer.
            connection.closing = true;
            socket->disconnectFromHost();
        } else {
            refuse(connection,
                   jsonError(HttpStatus::RequestTimeout, QStringLiteral("request_timeout"),
                             connection.phase == Phase::Head
                                 ? QStringLiteral("The request headers did not arrive in time.")
                                 : QStringLiteral("The request body did not arrive in time.")));
        }
        break;
    case Phase::Idle:
    case Phase::Stalled:
        m_idleTimeouts.inc();
        connection.closing = true;
        // Answers the client does not read would keep a graceful close waiting for ever.
        if (socket->bytesToWrite() > 0)
            socket->abort();
        else
            socket->disconnectFromHost();
        break;
    case Phase::Busy:
        connection.deadline = noDeadline;
        return;
    case Phase::Closing:
        socket->abort();
        return;
    }
    if (m_connections.contains(socket))
        updateDeadline(connection, false);
}

// Sets what the connection waits for now. A deadline runs from the moment the connection
// entered its phase; `progressed` (a request was answered) starts it again.
void HttpServer::updateDeadline(Connection &connection, bool progressed) {
    Phase phase;
    if (connection.closing)
        phase = Phase::Closing;
    else if (connection.readPaused)
        phase = Phase::Stalled;
    else if (!connection.queue.empty())
        phase = Phase::Busy; // our own answer is pending: no deadline
    else if (connection.head)
        phase = Phase::Body;
    else if (!connection.buffer.isEmpty() || connection.requests == 0)
        phase = Phase::Head;
    else
        phase = Phase::Idle;
    if (phase == connection.phase && !progressed)
        return;
    connection.phase = phase;
    switch (phase) {
    case Phase::Head:
    case Phase::Closing:
        connection.deadline = m_nowMs + m_limits.headTimeoutMs;
        break;
    case Phase::Body:
        connection.deadline = m_nowMs + m_limits.bodyTimeoutMs;
        break;
    case Phase::Idle:
    case Phase::Stalled:
        connection.deadline = m_nowMs + m_limits.idleTimeoutMs;
        break;
    case Phase::Busy:
        connection.deadline = noDeadline;
        break;
    }
}

bool HttpServer::outputFull(const Connection &connection) const {
    return connection.socket->bytesToWrite() > m_limits.maxPendingOutputBytes ||
           qsizetype(connection.queue.size()) > m_limits.maxQueuedAnswers;
}

void HttpServer::pauseReading(Connection &connection) {
    if (connection.readPaused)
        return;
    m_readPauses.inc();
    connection.readPaused = true;
    QTcpSocket *socket = connection.socket;
    connection.resumeOnWrite = connect(socket, &QIODevice::bytesWritten, this, [this, socket] {
        if (Connection *c = m_connections.value(socket)) {
            // Written bytes are progress: the client reads, slowly.
            c->deadline = m_nowMs + m_limits.idleTimeoutMs;
        }
        resumeReading(socket);
    });
}

// Reading goes on once half of the output limit is written; on the next event-loop turn, not
// inside the write notification or the deferred answer that freed the space.
void HttpServer::resumeReading(QTcpSocket *socket) {
    Connection *connection = m_connections.value(socket);
    if (!connection || !connection->readPaused || connection->closing)
        return;
    if (socket->bytesToWrite() > m_limits.maxPendingOutputBytes / 2 ||
        qsizetype(connection->queue.size()) > m_limits.maxQueuedAnswers / 2)
        return;
    connection->readPaused = false;
    disconnect(connection->resumeOnWrite);
    QMetaObject::invokeMethod(
        this,
        [this, socket = QPointer<QTcpSocket>(socket)] {
            if (Connection *c = socket ? m_connections.value(socket) : nullptr)
                readRequests(*c);
        },
        Qt::QueuedConnection);
}

void HttpServer::readRequests(Connection &connection) {
    QTcpSocket *socket = connection.socket;
    if (connection.closing) {
        // The answer that closes the connection is queued or written: later bytes (a refused
        // body, requests after "Connection: close") are dropped unbuffered.
        const qint64 dropped = socket->skip(socket->bytesAvailable());
        if (connection.drain > 0) {
            connection.drain = std::max<qint64>(0, connection.drain - dropped);
            if (connection.drain == 0 && connection.queue.empty())
                socket->disconnectFromHost();
        }
        return;
    }
    // While paused, bytes stay in the socket's bounded read buffer (and then in the kernel).
    if (connection.readPaused)
        return;
    connection.buffer.append(socket->readAll());
    const quint64 requestsBefore = connection.requests;
    qsizetype at = 0;
    bool full = false;
    while (!connection.closing && !(full = outputFull(connection)) &&
           takeRequest(connection, &at)) {
    }
    if (!m_connections.contains(socket))
        return; // handed over to the WebSocket server
    // Only the unconsumed tail (a request in progress, or requests not read while paused)
    // stays buffered.
    if (connection.closing || at == connection.buffer.size()) {
        connection.buffer.clear();
        connection.searched = 0;
    } else if (at > 0) {
        connection.buffer.remove(0, at);
        connection.searched -= at;
    }
    if (full && !connection.closing)
        pauseReading(connection);
    updateDeadline(connection, connection.requests != requestsBefore);
}

// Takes one complete request from the connection's buffer at *at and answers it. Returns false
// when the buffer holds no complete request any more (or the connection stops reading).
bool HttpServer::takeRequest(Connection &connection, qsizetype *at) {
    if (!connection.head && !takeHead(connection, at))
        return false;
    HttpRequestHead &head = *connection.head;
    const qsizetype available = connection.buffer.size() - *at - connection.headSize;
    if (available < head.contentLength) {
        if (head.expectContinue && !head.http10 && !connection.continueSent &&
            connection.queue.empty()) {
            connection.socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            connection.continueSent = true;
        }
        return false;
    }
    if (head.contentLength > 0)
        head.body = connection.buffer.mid(*at + connection.headSize, head.contentLength);
    *at += connection.headSize + head.contentLength;
    connection.searched = *at;
    const HttpRequestHead request = std::move(head);
    connection.head.reset();
    answer(connection, request);
    return true;
}

// Parses the header block at *at once it is complete; answers and closes on errors, on a body
// over the limit and on WebSocket upgrades (returns false then).
bool HttpServer::takeHead(Connection &connection, qsizetype *at) {
    const QByteArray &buffer = connection.buffer;
    // An empty line before a request line is allowed (RFC 9112, 2.2).
    while (buffer.size() - *at >= 2 && buffer[*at] == '\r' && buffer[*at + 1] == '\n')
        *at += 2;
    const qsizetype end = findHeadEnd(buffer, std::max(*at, connection.searched - 3));
    const qsizetype headSize = (end < 0 ? buffer.size() : end) - *at;
    if (headSize > m_limits.maxHeadBytes) {
        refuse(connection,
               jsonError(HttpStatus::RequestHeaderFieldsTooLarge,
                         QStringLiteral("headers_too_large"),
                         QStringLiteral("The request line and headers are larger than %1 bytes.")
                             .arg(m_limits.maxHeadBytes)));
        return false;
    }
    if (end < 0) {
        connection.searched = buffer.size();
        return false;
    }
    HttpRequestHead head;
    HttpHeadError error;
    if (!parseRequestHead(buffer.mid(*at, headSize), &head, &error)) {
        refuse(connection, jsonError(error.status, error.reason, error.message));
        return false;
    }
    if (head.webSocketUpgrade && head.method == QHttpServerRequest::Method::Get) {
        upgrade(connection, head, *at);
        return false;
    }
    if (head.contentLength > m_limits.maxBodyBytes) {
        const qint64 bodyInBuffer = buffer.size() - *at - headSize - 4;
        answerEarly(connection, head, head.contentLength - bodyInBuffer);
        return false;
    }
    connection.head = std::move(head);
    connection.headSize = headSize + 4;
    connection.continueSent = false;
    return true;
}

void HttpServer::answer(Connection &connection, const HttpRequestHead &head) {
    const qint64 startNs = m_uptime.nsecsElapsed();
    ++connection.requests;
    const bool closeAfter = !head.keepAlive;
    if (closeAfter)
        connection.closing = true;
    DeferralPoint deferral{this, connection.socket, {}, {}};
    int route = -1;
    QHttpServerResponse response = dispatch(head, connection.peer, &deferral, &route);
    if (deferral.slot) {
        DeferredReply::Slot &slot = *deferral.slot;
        slot.closeAfter = closeAfter;
        if (slot.ready) {
            // Finished while the handler still ran (a synchronous failure after defer()).
            observe(route, head.method, startNs, slot.bytes);
        } else {
            slot.route = route;
            slot.method = head.method;
            slot.startNs = startNs;
        }
        connection.queue.push_back(std::move(deferral.slot));
        flush(connection.socket);
    } else if (!deferral.serialised.isEmpty()) {
        observe(route, head.method, startNs, deferral.serialised);
        sendBytes(connection, std::move(deferral.serialised), closeAfter);
    } else {
        QByteArray bytes = serialise(std::move(response));
        observe(route, head.method, startNs, bytes);
        sendBytes(connection, std::move(bytes), closeAfter);
    }
}

// A body over the limit is never read: 404 and 405 still come first (as for any request), then
// 413; the connection closes because the unread body would be taken for the next request.
void HttpServer::answerEarly(Connection &connection, const HttpRequestHead &head,
                             qint64 unreadBody) {
    // Up to this much of a refused body is read and dropped before closing; a client that
    // sends more than that (or nothing) may see a reset instead.
    constexpr qint64 maxDrain = 1024 * 1024;
    if (unreadBody > 0 && unreadBody <= maxDrain)
        connection.drain = unreadBody;
    const QString path = QUrl::fromPercentEncoding(head.pathPart().toByteArray());
    const Router::Match match = m_router.match(head.method, path);
    if (!match.handler) {
        refuse(connection, dispatch(head, connection.peer, nullptr));
        return;
    }
    refuse(
        connection,
        jsonError(HttpStatus::PayloadTooLarge, QStringLiteral("body_too_large"),
                  QStringLiteral("The body is larger than %1 bytes.").arg(m_limits.maxBodyBytes)));
}

void HttpServer::upgrade(Connection &connection, const HttpRequestHead &head, qsizetype at) {
    const QString path = QUrl::fromPercentEncoding(head.pathPart().toByteArray());
    std::vector<std::pair<QString, QString>> params;
    const Router::UpgradeGuard *guard = m_router.matchWebSocket(path, &params);
    if (!guard) {
        refuse(connection, jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                                     QStringLiteral("No WebSocket endpoint at this path.")));
        return;
    }
    if (*guard) {
        QHttpServerResponse refusal(HttpStatus::Unauthorized);
        if (!(*guard)(HttpRequest(head, path, std::move(params), connection.peer), &refusal)) {
            refuse(connection, std::move(refusal));
            return;
        }
    }
    if (!connection.queue.empty()) {
        // Earlier answers on this connection are still deferred: they could no longer be
        // written once the socket speaks WebSocket.
        refuse(connection,
               jsonError(HttpStatus::BadRequest, QStringLiteral("malformed_request"),
                         QStringLiteral("A WebSocket upgrade must not wait behind unanswered "
                                        "requests on the same connection.")));
        return;
    }
    QTcpSocket *socket = connection.socket;
    // The handshake (and anything after it) goes back into the socket for the WebSocket
    // server to read.
    const QByteArray handshake = connection.buffer.sliced(at);
    socket->disconnect(this);
    disconnect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    delete m_connections.take(socket);
    socket->setReadBufferSize(0);
    for (qsizetype i = handshake.size() - 1; i >= 0; --i)
        socket->ungetChar(handshake.at(i));
    m_webSockets.handleConnection(socket);
    Q_EMIT socket->readyRead();
}

// Answers a request that ends the connection: nothing after it on the connection is read.
void HttpServer::refuse(Connection &connection, QHttpServerResponse &&response) {
    m_protocolErrors.inc();
    connection.closing = true;
    connection.head.reset();
    sendBytes(connection, serialise(std::move(response)), true);
}

QHttpServerResponse HttpServer::dispatch(const HttpRequestHead &head, const QHostAddress &peer,
                                         DeferralPoint *deferral, int *route) {
    const QByteArrayView encodedPath = head.pathPart();
    QString path = encodedPath.contains('%') ? QUrl::fromPercentEncoding(encodedPath.toByteArray())
                                             : QString::fromUtf8(encodedPath);
    Router::Match match = m_router.match(head.method, path);
    if (!match.pathMatched) {
        return jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                         QStringLiteral("There is no resource at this path."));
    }
    if (!match.handler) {
        QHttpServerResponse response =
            jsonError(HttpStatus::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                      QStringLiteral("This path does not accept the method %1.")
                          .arg(Router::methodName(head.method)));
        response.setHeader(QByteArrayLiteral("Allow"), match.allowed.join(u", ").toLatin1());
        return response;
    }
    if (route)
        *route = match.route;
    return (*match.handler)(
        HttpRequest(head, std::move(path), std::move(match.params), peer, deferral));
}

void HttpServer::createRouteMetrics() {
    const QList<RouteInfo> routes = m_router.routes();
    m_routeMetrics.clear();
    m_routeMetrics.reserve(size_t(routes.size()));
    for (const RouteInfo &route : routes) {
        const MetricLabels labels{{QStringLiteral("method"), route.method.toUpper()},
                                  {QStringLiteral("route"), route.path}};
        RouteMetrics metrics;
        metrics.requests =
            &m_metrics.counter(QStringLiteral("slotdesk_http_requests_total"),
                               QStringLiteral("Answered requests by method and route pattern "
                                              "(route \"none\": no route matched)."),
                               labels);
        MetricLabels client = labels;
        client.append({QStringLiteral("class"), QStringLiteral("4xx")});
        MetricLabels server = labels;
        server.append({QStringLiteral("class"), QStringLiteral("5xx")});
        const QString errors = QStringLiteral("slotdesk_http_errors_total");
        const QString help = QStringLiteral("Error answers by method, route pattern and class.");
        metrics.clientErrors = &m_metrics.counter(errors, help, client);
        metrics.serverErrors = &m_metrics.counter(errors, help, server);
        m_routeMetrics.push_back(metrics);
    }
}

HttpServer::RouteMetrics &HttpServer::routeMetrics(int route, QHttpServerRequest::Method method) {
    if (route >= 0 && size_t(route) < m_routeMetrics.size())
        return m_routeMetrics[size_t(route)];
    const auto known = m_unmatchedMetrics.find(int(method));
    if (known != m_unmatchedMetrics.end())
        return known->second;
    const MetricLabels labels{{QStringLiteral("method"), Router::methodName(method)},
                              {QStringLiteral("route"), QStringLiteral("none")}};
    RouteMetrics metrics;
    metrics.requests =
        &m_metrics.counter(QStringLiteral("slotdesk_http_requests_total"), {}, labels);
    MetricLabels client = labels;
    client.append({QStringLiteral("class"), QStringLiteral("4xx")});
    MetricLabels server = labels;
    server.append({QStringLiteral("class"), QStringLiteral("5xx")});
    metrics.clientErrors =
        &m_metrics.counter(QStringLiteral("slotdesk_http_errors_total"), {}, client);
    metrics.serverErrors =
        &m_metrics.counter(QStringLiteral("slotdesk_http_errors_total"), {}, server);
    return m_unmatchedMetrics.emplace(int(method), metrics).first->second;
}

// Counts an answer by its route and status (read back from the serialised status line).
void HttpServer::observe(int route, QHttpServerRequest::Method method, qint64 startNs,
                         const QByteArray &answer) {
    m_latency.observe(double(m_uptime.nsecsElapsed() - startNs) / 1e9);
    RouteMetrics &metrics = routeMetrics(route, method);
    metrics.requests->inc();
    const char statusClass = answer.size() > 9 ? answer.at(9) : '5';
    if (statusClass == '4')
        metrics.clientErrors->inc();
    else if (statusClass == '5')
        metrics.serverErrors->inc();
}

void HttpServer::sendBytes(Connection &connection, QByteArray bytes, bool closeAfter) {
    if (connection.queue.empty()) {
        if (closeAfter) {
            connection.socket->write(ResponseSerialiser::withConnectionClose(std::move(bytes)));
            if (connection.drain == 0)
                connection.socket->disconnectFromHost();
        } else {
            connection.socket->write(bytes);
        }
        return;
    }
    // An earlier answer on this connection is still deferred: wait behind it.
    auto slot = std::make_shared<DeferredReply::Slot>();
    slot->socket = connection.socket;
    slot->bytes = std::move(bytes);
    slot->ready = true;
    slot->closeAfter = closeAfter;
    connection.queue.push_back(std::move(slot));
}

void HttpServer::finish(const std::shared_ptr<DeferredReply::Slot> &slot,
                        QHttpServerResponse &&response) {
    finishBytes(slot, serialise(std::move(response)));
}

void HttpServer::finishBytes(const std::shared_ptr<DeferredReply::Slot> &slot, QByteArray bytes) {
    slot->bytes = std::move(bytes);
    slot->ready = true;
    if (slot->startNs != 0) {
        observe(slot->route, slot->method, slot->startNs, slot->bytes);
        slot->startNs = 0;
    }
    if (slot->socket)
        flush(slot->socket);
}

void HttpServer::flush(QTcpSocket *socket) {
    Connection *connection = m_connections.value(socket);
    if (!connection)
        return;
    Queue &queue = connection->queue;
    while (!queue.empty() && queue.front()->ready) {
        const std::shared_ptr<DeferredReply::Slot> front = queue.front();
        queue.pop_front();
        if (!socket->isOpen())
            continue;
        if (front->closeAfter) {
            socket->write(ResponseSerialiser::withConnectionClose(std::move(front->bytes)));
            if (connection->drain == 0)
                socket->disconnectFromHost();
        } else {
            socket->write(front->bytes);
        }
    }
    if (queue.empty())
        updateDeadline(*connection, false);
    if (connection->readPaused)
        resumeReading(socket);
}

qint64 HttpServer::largestConnectionBacklog() const {
    qint64 largest = 0;
    for (const Connection *connection : m_connections) {
        qint64 bytes = connection->buffer.size() + connection->socket->bytesAvailable() +
                       connection->socket->bytesToWrite();
        for (const auto &slot : connection->queue)
            bytes += slot->bytes.size();
        largest = std::max(largest, bytes);
    }
    return largest;
}

int HttpServer::readPausedConnections() const {
    int paused = 0;
    for (const Connection *connection : m_connections)
        paused += connection->readPaused ? 1 : 0;
    return paused;
}

int HttpServer::pendingReplies() const {
    int pending = 0;
    for (const Connection *connection : m_connections) {
        for (const auto &slot : connection->queue)
            pending += slot->ready ? 0 : 1;
    }
    return pending;
}

int HttpServer::queuedAnswers() const {
    int queued = 0;
    for (const Connection *connection : m_connections)
        queued += int(connection->queue.size());
    return queued;
}

} // namespace slotdesk

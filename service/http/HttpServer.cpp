#include "service/http/HttpServer.h"

#include "service/ServiceInfo.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace slotdesk {

namespace {

const char *reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

// The response headers handlers use (QHttpServerResponse 6.4 cannot list its headers).
const QByteArray passedHeaders[] = {QByteArrayLiteral("Allow"), QByteArrayLiteral("Retry-After"),
                                    QByteArrayLiteral("WWW-Authenticate"),
                                    QByteArrayLiteral("Location"),
                                    QByteArrayLiteral("Idempotent-Replayed")};

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

struct HttpServer::Connection {
    QTcpSocket *socket = nullptr;
    QHostAddress peer;
    // Bytes read and not yet consumed by complete requests.
    QByteArray buffer;
    // Where the search for the end of the header block goes on (bytes before it were searched).
    qsizetype searched = 0;
    // The socket's read transaction starts whenever `buffer` is empty and is committed when it
    // is empty again; `consumed` counts the bytes taken from `buffer` in between, so that a
    // WebSocket upgrade can roll the socket back to the first byte of its handshake.
    qint64 consumed = 0;
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
};

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_serverName(serviceProductName().toUtf8())
    , m_webSockets(serviceProductName(), QWebSocketServer::NonSecureMode) {
    connect(&m_listener, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &HttpServer::newWebSocketConnection);
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
    if (!m_listener.listen(address, port))
        return 0;
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
        auto *connection = new Connection;
        connection->socket = socket;
        connection->peer = socket->peerAddress();
        m_connections.insert(socket, connection);
        connect(socket, &QIODevice::readyRead, this,
                [this, connection] { readRequests(*connection); });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this,
                [this, socket] { delete m_connections.take(socket); });
    }
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
    if (connection.buffer.isEmpty()) {
        socket->startTransaction();
        connection.consumed = 0;
        connection.buffer = socket->readAll();
    } else {
        connection.buffer.append(socket->readAll());
    }
    qsizetype at = 0;
    while (!connection.closing && takeRequest(connection, &at)) {
    }
    if (!m_connections.contains(socket))
        return; // handed over to the WebSocket server
    if (connection.closing || at == connection.buffer.size()) {
        connection.buffer.clear();
        connection.searched = 0;
        socket->commitTransaction();
    } else if (at > 0) {
        connection.buffer.remove(0, at);
        connection.searched -= at;
        connection.consumed += at;
    }
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
    const bool closeAfter = !head.keepAlive;
    if (closeAfter)
        connection.closing = true;
    DeferralPoint deferral{this, connection.socket, {}, {}};
    QHttpServerResponse response = dispatch(head, connection.peer, &deferral);
    if (deferral.slot) {
        deferral.slot->closeAfter = closeAfter;
        connection.queue.push_back(std::move(deferral.slot));
        // Finished while the handler still ran (a synchronous failure after defer()).
        flush(connection.socket);
    } else if (!deferral.serialised.isEmpty()) {
        sendBytes(connection, std::move(deferral.serialised), closeAfter);
    } else {
        sendBytes(connection, serialise(std::move(response)), closeAfter);
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
    const qint64 before = connection.consumed + at;
    socket->disconnect(this);
    disconnect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    delete m_connections.take(socket);
    socket->rollbackTransaction();
    socket->skip(before);
    m_webSockets.handleConnection(socket);
    Q_EMIT socket->readyRead();
}

// Answers a request that ends the connection: nothing after it on the connection is read.
void HttpServer::refuse(Connection &connection, QHttpServerResponse &&response) {
    connection.closing = true;
    connection.head.reset();
    sendBytes(connection, serialise(std::move(response)), true);
}

QHttpServerResponse HttpServer::dispatch(const HttpRequestHead &head, const QHostAddress &peer,
                                         DeferralPoint *deferral) {
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
    return (*match.handler)(
        HttpRequest(head, std::move(path), std::move(match.params), peer, deferral));
}

namespace {

// Adds "Connection: close" after the status line of a serialised answer (rare: only answers
// that end the connection pay for the copy).
QByteArray withConnectionClose(QByteArray bytes) {
    const qsizetype statusEnd = bytes.indexOf("\r\n");
    if (statusEnd >= 0)
        bytes.insert(statusEnd, "\r\nConnection: close");
    return bytes;
}

} // namespace

void HttpServer::sendBytes(Connection &connection, QByteArray bytes, bool closeAfter) {
    if (connection.queue.empty()) {
        if (closeAfter) {
            connection.socket->write(withConnectionClose(std::move(bytes)));
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
            socket->write(withConnectionClose(std::move(front->bytes)));
            if (connection->drain == 0)
                socket->disconnectFromHost();
        } else {
            socket->write(front->bytes);
        }
    }
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

void HttpServer::appendHead(QByteArray &out, int status, const QByteArray &type, qsizetype bodySize,
                            const QByteArray &cacheControl) {
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status))
        .append("\r\nContent-Type: ")
        .append(type.isEmpty() ? QByteArrayLiteral("application/x-empty") : type)
        .append("\r\nContent-Length: ")
        .append(QByteArray::number(bodySize))
        .append("\r\nDate: ")
        .append(httpDate())
        .append("\r\nServer: ")
        .append(m_serverName)
        .append("\r\nCache-Control: ")
        .append(cacheControl.isEmpty() ? QByteArrayLiteral("no-store") : cacheControl);
}

QByteArray HttpServer::serialise(QHttpServerResponse &&response) {
    const int status = int(response.statusCode());
    const QByteArray body = response.data();
    const QList<QByteArray> cacheControl = response.headers(QByteArrayLiteral("Cache-Control"));
    QByteArray out;
    out.reserve(body.size() + 256);
    appendHead(out, status, response.mimeType(), body.size(),
               cacheControl.isEmpty() ? QByteArray() : cacheControl.constFirst());
    for (const QByteArray &name : passedHeaders) {
        const QList<QByteArray> values = response.headers(name);
        for (const QByteArray &value : values)
            out.append("\r\n").append(name).append(": ").append(value);
    }
    out.append("\r\n\r\n").append(body);
    return out;
}

QByteArray HttpServer::serialiseJson(int status, const QByteArray &body) {
    // Every header lookup in a QHttpServerResponse 6.4 lower-cases the name to hash it: the
    // six in serialise() were ~17,000 instructions per answer, as much as the hold itself.
    static const QByteArray json = QByteArrayLiteral("application/json");
    QByteArray out;
    out.reserve(body.size() + 192);
    appendHead(out, status, json, body.size(), {});
    out.append("\r\n\r\n").append(body);
    return out;
}

qint64 HttpServer::dateSecond() {
    httpDate();
    return m_dateSecond;
}

QByteArray HttpServer::httpDate() {
    // Wall-clock time on purpose (a protocol header, not domain logic): cached per second
    // because formatting costs more than the availability answer itself.
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != m_dateSecond) {
        m_dateSecond = second;
        m_dateText = QLocale::c()
                         .toString(QDateTime::fromSecsSinceEpoch(second, Qt::UTC),
                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                         .toLatin1();
    }
    return m_dateText;
}

} // namespace slotdesk

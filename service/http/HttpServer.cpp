#include "service/http/HttpServer.h"

#include "service/ServiceInfo.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QLocale>
#include <QTcpSocket>

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
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
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

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_limits(limits)
    , m_serverName(serviceProductName().toUtf8()) {}

void HttpServer::addController(Controller &controller) {
    controller.registerRoutes(m_router);
}

quint16 HttpServer::start(const QHostAddress &address, quint16 port) {
    return listen(address, port);
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    // QAbstractHttpServer 6.4 calls us for WebSocket handshakes too: returning true without
    // writing lets it pass the socket on to its QWebSocketServer (newWebSocketConnection).
    if (request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) ==
        0) {
        std::vector<std::pair<QString, QString>> params;
        const Router::UpgradeGuard *guard = m_router.matchWebSocket(request.url().path(), &params);
        if (!guard) {
            send(socket, jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                                   QStringLiteral("No WebSocket endpoint at this path.")));
            return true;
        }
        if (*guard) {
            QHttpServerResponse refusal(HttpStatus::Unauthorized);
            if (!(*guard)(HttpRequest(request, std::move(params)), &refusal)) {
                send(socket, std::move(refusal));
                return true;
            }
        }
        return true;
    }
    DeferralPoint deferral{this, socket, {}, {}};
    QHttpServerResponse response = dispatch(request, &deferral);
    if (deferral.slot)
        enqueue(socket, std::move(deferral.slot));
    else if (!deferral.serialised.isEmpty())
        sendBytes(socket, std::move(deferral.serialised));
    else
        send(socket, std::move(response));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    Q_UNUSED(request);
    send(socket, jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                           QStringLiteral("There is no resource at this path.")));
}

QHttpServerResponse HttpServer::dispatch(const QHttpServerRequest &request,
                                         DeferralPoint *deferral) {
    QUrl url = request.url();
    const QString path = url.path();
    Router::Match match = m_router.match(request.method(), path);
    if (!match.pathMatched) {
        return jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                         QStringLiteral("There is no resource at this path."));
    }
    if (!match.handler) {
        QHttpServerResponse response =
            jsonError(HttpStatus::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                      QStringLiteral("This path does not accept the method %1.")
                          .arg(Router::methodName(request.method())));
        response.setHeader(QByteArrayLiteral("Allow"), match.allowed.join(u", ").toLatin1());
        return response;
    }
    if (request.body().size() > m_limits.maxBodyBytes) {
        return jsonError(
            HttpStatus::PayloadTooLarge, QStringLiteral("body_too_large"),
            QStringLiteral("The body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    }
    return (*match.handler)(
        HttpRequest(request, std::move(match.params), deferral, std::move(url)));
}

void HttpServer::send(QTcpSocket *socket, QHttpServerResponse &&response) {
    sendBytes(socket, serialise(std::move(response)));
}

void HttpServer::sendBytes(QTcpSocket *socket, QByteArray bytes) {
    const auto queue = m_queues.find(socket);
    if (queue == m_queues.end() || queue->empty()) {
        socket->write(bytes);
        return;
    }
    // An earlier answer on this connection is still deferred: wait behind it.
    auto slot = std::make_shared<DeferredReply::Slot>();
    slot->socket = socket;
    slot->bytes = std::move(bytes);
    slot->ready = true;
    queue->push_back(std::move(slot));
}

void HttpServer::enqueue(QTcpSocket *socket, std::shared_ptr<DeferredReply::Slot> slot) {
    auto queue = m_queues.find(socket);
    if (queue == m_queues.end()) {
        queue = m_queues.insert(socket, {});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_queues.remove(socket); });
    }
    queue->push_back(std::move(slot));
    // Finished while the handler still ran (a synchronous failure after defer()).
    flush(socket);
}

void HttpServer::finish(const std::shared_ptr<DeferredReply::Slot> &slot,
                        QHttpServerResponse &&response) {
    slot->bytes = serialise(std::move(response));
    slot->ready = true;
    if (slot->socket)
        flush(slot->socket);
}

void HttpServer::flush(QTcpSocket *socket) {
    const auto queue = m_queues.find(socket);
    if (queue == m_queues.end())
        return;
    while (!queue->empty() && queue->front()->ready) {
        const std::shared_ptr<DeferredReply::Slot> &front = queue->front();
        if (front->socket && front->socket->isOpen())
            front->socket->write(front->bytes);
        queue->pop_front();
    }
}

int HttpServer::pendingReplies() const {
    int pending = 0;
    for (const Queue &queue : m_queues) {
        for (const auto &slot : queue)
            pending += slot->ready ? 0 : 1;
    }
    return pending;
}

int HttpServer::queuedAnswers() const {
    int queued = 0;
    for (const Queue &queue : m_queues)
        queued += int(queue.size());
    return queued;
}

QByteArray HttpServer::serialise(QHttpServerResponse &&response) {
    const int status = int(response.statusCode());
    const QByteArray body = response.data();
    QByteArray type = response.mimeType();
    const QList<QByteArray> cacheControl = response.headers(QByteArrayLiteral("Cache-Control"));
    QByteArray out;
    out.reserve(body.size() + 256);
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status))
        .append("\r\nContent-Type: ")
        .append(type.isEmpty() ? QByteArrayLiteral("application/x-empty") : type)
        .append("\r\nContent-Length: ")
        .append(QByteArray::number(body.size()))
        .append("\r\nDate: ")
        .append(httpDate())
        .append("\r\nServer: ")
        .append(m_serverName)
        .append("\r\nCache-Control: ")
        .append(cacheControl.isEmpty() ? QByteArrayLiteral("no-store") : cacheControl.constFirst());
    for (const QByteArray &name : passedHeaders) {
        const QList<QByteArray> values = response.headers(name);
        for (const QByteArray &value : values)
            out.append("\r\n").append(name).append(": ").append(value);
    }
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

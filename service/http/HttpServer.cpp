#include "service/http/HttpServer.h"

#include "service/ServiceInfo.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QLocale>

namespace slotdesk {

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
            send(request, socket,
                 jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                           QStringLiteral("No WebSocket endpoint at this path.")));
            return true;
        }
        if (*guard) {
            QHttpServerResponse refusal(HttpStatus::Unauthorized);
            if (!(*guard)(HttpRequest(request, std::move(params)), &refusal)) {
                send(request, socket, std::move(refusal));
                return true;
            }
        }
        return true;
    }
    send(request, socket, dispatch(request));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    send(request, socket,
         jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                   QStringLiteral("There is no resource at this path.")));
}

QHttpServerResponse HttpServer::dispatch(const QHttpServerRequest &request) {
    const QString path = request.url().path();
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
    return (*match.handler)(HttpRequest(request, std::move(match.params)));
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket,
                      QHttpServerResponse &&response) {
    response.setHeader(QByteArrayLiteral("Date"), httpDate());
    response.setHeader(QByteArrayLiteral("Server"), m_serverName);
    if (!response.hasHeader(QByteArrayLiteral("Cache-Control")))
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.write(makeResponder(request, socket));
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

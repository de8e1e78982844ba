#pragma once

#include "service/http/Router.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <deque>
#include <memory>

namespace slotdesk {

class Controller;

struct HttpLimits {
    // A larger Content-Length is answered 413 as soon as the header block has arrived: the body
    // is never buffered (read and dropped before the close), and the connection is closed.
    qint64 maxBodyBytes = 64 * 1024;
    // Request line plus header lines; more is answered 431 and the connection closed.
    qsizetype maxHeadBytes = 16 * 1024;
};

// The HTTP/1.1 front of the service: our own server on a QTcpServer, because the request parser
// of QAbstractHttpServer 6.4 reads the socket one byte per QIODevice::read call (about 40 % of
// the server thread's time at booking peak). Each connection's bytes are read in one piece per
// readyRead and every complete request in them is parsed and answered in a loop.
// - persistent connections: HTTP/1.1 keeps the connection unless "Connection: close",
//   HTTP/1.0 closes it unless "Connection: keep-alive"; a closing answer carries
//   "Connection: close", and the socket closes once it is written;
// - pipelined requests and requests split over any number of reads; bodies framed by
//   Content-Length only (Transfer-Encoding → 411 length_required), "Expect: 100-continue"
//   gets "100 Continue" before the body is read;
// - protocol errors are JSON errors (jsonError()) and close the connection: malformed request
//   line or header, unknown method → 400, invalid or conflicting Content-Length → 400
//   invalid_content_length, header block over HttpLimits::maxHeadBytes → 431, an Expect other
//   than 100-continue → 417, HTTP other than 1.0/1.1 → 505. Idle connections are not timed
//   out (as with QAbstractHttpServer before);
// - every answer carries Date (RFC 7231, cached per second), Server (serviceProductName()),
//   and Cache-Control: no-store unless the handler set its own Cache-Control;
// - unknown path → 404 not_found; known path, other method → 405 method_not_allowed + Allow;
// - body larger than HttpLimits::maxBodyBytes → 413 body_too_large as soon as the headers are
//   in, without buffering the body (up to 1 MiB of it is read and dropped before the close, so
//   that the client reads the 413 instead of a connection reset);
// - handlers are called on the server thread, one request at a time, which is what makes the
//   booking engine a single writer. A handler may defer its answer (HttpRequest::defer()):
//   answers then still leave each connection in request order, later ones wait in a
//   per-connection queue behind the deferred one;
// - answers are serialised into one buffer and written with one socket write. Headers a
//   handler may set: Content-Type (via the mime type), Cache-Control, Allow, Retry-After,
//   WWW-Authenticate, Location, Idempotent-Replayed; any other name is not sent (serialise());
// - "Upgrade: websocket" on a path registered with Router::addWebSocket runs the route's guard
//   and hands the socket (handshake bytes restored) to a QWebSocketServer: connect
//   newWebSocketConnection and take the sockets with nextPendingWebSocketConnection().
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }
    void addController(Controller &controller);

    // Returns the bound port (useful with port 0), or 0 when listening failed.
    quint16 start(const QHostAddress &address, quint16 port);

    // The complete HTTP/1.1 answer as written to the socket (status line, our common headers,
    // body). Handlers may cache it for at most the current dateSecond(): it carries Date.
    QByteArray serialise(QHttpServerResponse &&response);
    // The same for the common answer: a JSON body, Cache-Control: no-store, no other header.
    QByteArray serialiseJson(int status, const QByteArray &body);
    qint64 dateSecond();

    // Deferred answers not yet sent on any connection (for tests and shutdown).
    int pendingReplies() const;
    // Answers waiting in connection queues, deferred or ready behind a deferred one.
    int queuedAnswers() const;

    bool hasPendingWebSocketConnections() const;
    std::unique_ptr<QWebSocket> nextPendingWebSocketConnection();

Q_SIGNALS:
    void newWebSocketConnection();

private:
    friend class DeferredReply;
    using Queue = std::deque<std::shared_ptr<DeferredReply::Slot>>;
    struct Connection;

    void acceptConnections();
    void readRequests(Connection &connection);
    bool takeRequest(Connection &connection, qsizetype *at);
    bool takeHead(Connection &connection, qsizetype *at);
    void answer(Connection &connection, const HttpRequestHead &head);
    void answerEarly(Connection &connection, const HttpRequestHead &head, qint64 unreadBody);
    void upgrade(Connection &connection, const HttpRequestHead &head, qsizetype at);
    void refuse(Connection &connection, QHttpServerResponse &&response);
    QHttpServerResponse dispatch(const HttpRequestHead &head, const QHostAddress &peer,
                                 DeferralPoint *deferral);
    void sendBytes(Connection &connection, QByteArray bytes, bool closeAfter);
    void finish(const std::shared_ptr<DeferredReply::Slot> &slot, QHttpServerResponse &&response);
    void finishBytes(const std::shared_ptr<DeferredReply::Slot> &slot, QByteArray bytes);
    void appendHead(QByteArray &out, int status, const QByteArray &type, qsizetype bodySize,
                    const QByteArray &cacheControl);
    void flush(QTcpSocket *socket);
    QByteArray httpDate();

    HttpLimits m_limits;
    Router m_router;
    QByteArray m_serverName;
    qint64 m_dateSecond = -1;
    QByteArray m_dateText;
    QTcpServer m_listener;
    QWebSocketServer m_webSockets;
    // One entry per open socket, removed when the socket is destroyed or handed to m_webSockets.
    QHash<QTcpSocket *, Connection *> m_connections;
};

} // namespace slotdesk

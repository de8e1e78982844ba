#pragma once

#include "service/http/Router.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QHostAddress>

#include <deque>
#include <memory>

namespace slotdesk {

class Controller;

struct HttpLimits {
    // Larger bodies are answered 413 before any handler runs. QHttpServer 6.4 has buffered the
    // body already, so this protects the handlers, not the socket; a reverse proxy in front
    // (client_max_body_size) protects memory.
    qint64 maxBodyBytes = 64 * 1024;
};

// The HTTP front of the service. Subclasses QAbstractHttpServer (not QHttpServer) so that
// routing, 404/405, limits and the common headers are ours:
// - every answer carries Date (RFC 7231, cached per second), Server (serviceProductName()),
//   and Cache-Control: no-store unless the handler set its own Cache-Control;
// - unknown path → 404 not_found; known path, other method → 405 method_not_allowed + Allow;
// - body larger than HttpLimits::maxBodyBytes → 413 body_too_large;
// - handlers are called on the server thread, one request at a time, which is what makes the
//   booking engine a single writer. A handler may defer its answer (HttpRequest::defer()):
//   answers then still leave each connection in request order, later ones wait in a
//   per-connection queue behind the deferred one;
// - answers are serialised here into one buffer and written with one socket write (the 6.4
//   responder writes every header piece separately). Headers a handler may set: Content-Type
//   (via the mime type), Cache-Control, Allow, Retry-After, WWW-Authenticate, Location,
//   Idempotent-Replayed; any other name is not sent (see serialise()).
class HttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }
    void addController(Controller &controller);

    // Returns the bound port (useful with port 0), or 0 when listening failed.
    quint16 start(const QHostAddress &address, quint16 port);

    // The complete HTTP/1.1 answer as written to the socket (status line, our common headers,
    // body). Handlers may cache it for at most the current dateSecond(): it carries Date.
    QByteArray serialise(QHttpServerResponse &&response);
    qint64 dateSecond();

    // Deferred answers not yet sent on any connection (for tests and shutdown).
    int pendingReplies() const;
    // Answers waiting in connection queues, deferred or ready behind a deferred one.
    int queuedAnswers() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class DeferredReply;
    using Queue = std::deque<std::shared_ptr<DeferredReply::Slot>>;

    QHttpServerResponse dispatch(const QHttpServerRequest &request, DeferralPoint *deferral);
    void send(QTcpSocket *socket, QHttpServerResponse &&response);
    void sendBytes(QTcpSocket *socket, QByteArray bytes);
    void enqueue(QTcpSocket *socket, std::shared_ptr<DeferredReply::Slot> slot);
    void finish(const std::shared_ptr<DeferredReply::Slot> &slot, QHttpServerResponse &&response);
    void flush(QTcpSocket *socket);
    QByteArray httpDate();

    HttpLimits m_limits;
    Router m_router;
    QByteArray m_serverName;
    qint64 m_dateSecond = -1;
    QByteArray m_dateText;
    // Only connections that ever deferred an answer have an entry (removed with the socket).
    QHash<QTcpSocket *, Queue> m_queues;
};

} // namespace slotdesk

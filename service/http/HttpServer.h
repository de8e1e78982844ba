#pragma once

#include "service/http/ResponseSerialiser.h"
#include "service/http/Router.h"
#include "service/http/TrustedProxies.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace slotdesk {

class Controller;
class Counter;
class Histogram;
class MetricsRegistry;

struct HttpLimits {
    // A larger Content-Length is answered 413 as soon as the header block has arrived: the body
    // is never buffered (read and dropped before the close), and the connection is closed.
    qint64 maxBodyBytes = 64 * 1024;
    // Request line plus header lines; more is answered 431 and the connection closed.
    qsizetype maxHeadBytes = 16 * 1024;
    // From the first byte of a request (or the accept) until its header block is complete;
    // then 408 request_timeout (or, before any byte, a silent close).
    int headTimeoutMs = 10 * 1000;
    // From the end of the header block until the body is complete; then 408.
    int bodyTimeoutMs = 30 * 1000;
    // A keep-alive connection with nothing to read or write, or one whose client stopped
    // reading its answers, is closed after this long without progress.
    int idleTimeoutMs = 60 * 1000;
    // Open HTTP connections (WebSockets handed over are not counted). One more is answered
    // 503 service_unavailable with "Connection: close" at once and closed.
    int maxConnections = 4096;
    // Backpressure: a connection's requests are not read while its unsent answers (socket
    // buffer plus queued answers) exceed this, until half of it is written.
    qint64 maxPendingOutputBytes = 512 * 1024;
    int maxQueuedAnswers = 1024;
};

// The HTTP/1.1 front of the service: our own server on a QTcpServer, because the request parser
// of QAbstractHttpServer 6.4 reads the socket one byte per QIODevice::read call, a large share of
// the server thread's time at booking peak. Each connection's bytes are read in one piece per
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
//   than 100-continue → 417, HTTP other than 1.0/1.1 → 505;
// - timeouts (HttpLimits): a head or body in progress for too long → 408 request_timeout and
//   close; an idle keep-alive connection, or one whose client does not read, is closed. One
//   coarse sweep timer checks every connection's deadline: no timer per connection or request;
// - at most HttpLimits::maxConnections open connections: one more gets 503 at once. With no
//   file descriptor free, accepting pauses (new connections wait in the listen backlog) and
//   resumes by itself once one is; the open connections go on being served;
// - backpressure: while a connection's unsent answers exceed HttpLimits::maxPendingOutputBytes,
//   its requests are not read (the socket's read buffer is bounded, so TCP flow control stops
//   the client); only the unconsumed tail of a read is kept between reads;
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
    // `metrics` must outlive the server: it counts connections, timeouts, requests and errors
    // by route, and request latency.
    HttpServer(HttpLimits limits, MetricsRegistry &metrics, QObject *parent = nullptr);
    ~HttpServer() override;

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }
    void addController(Controller &controller);

    // Returns the bound port (useful with port 0), or 0 when listening failed. Routes are
    // registered before (their metrics are created here).
    quint16 start(const QHostAddress &address, quint16 port);

    void setTrustedProxies(TrustedProxies proxies) { m_proxies = std::move(proxies); }
    QHostAddress clientAddress(const HttpRequestHead &head, const QHostAddress &peer) const {
        return m_proxies.isEmpty() ? peer : m_proxies.clientAddress(peer, head);
    }

    // The complete HTTP/1.1 answer as written to the socket (status line, our common headers,
    // body). Handlers may cache it for at most the current dateSecond(): it carries Date.
    QByteArray serialise(QHttpServerResponse &&response) {
        return m_serialiser.serialise(std::move(response));
    }
    // The same for the common answer: a JSON body, Cache-Control: no-store, no other header.
    QByteArray serialiseJson(int status, const QByteArray &body) {
        return m_serialiser.serialiseJson(status, body);
    }
    qint64 dateSecond() { return m_serialiser.dateSecond(); }

    // Deferred answers not yet sent on any connection (for tests and shutdown).
    int pendingReplies() const;
    // Answers waiting in connection queues, deferred or ready behind a deferred one.
    int queuedAnswers() const;

    // Open HTTP connections, and the most bytes any one of them holds: read and not yet
    // handled, plus answers not yet sent (for tests of the bounds).
    int openConnections() const { return int(m_connections.size()); }
    qint64 largestConnectionBacklog() const;
    int readPausedConnections() const;

    bool hasPendingWebSocketConnections() const;
    std::unique_ptr<QWebSocket> nextPendingWebSocketConnection();

Q_SIGNALS:
    void newWebSocketConnection();

private:
    friend class DeferredReply;
    using Queue = std::deque<std::shared_ptr<DeferredReply::Slot>>;
    struct Connection;
    struct RouteMetrics {
        Counter *requests = nullptr;
        Counter *clientErrors = nullptr;
        Counter *serverErrors = nullptr;
    };
    enum class Phase : quint8 { Head, Body, Idle, Busy, Stalled, Closing };

    void acceptConnections();
    void refuseConnection(QTcpSocket *socket);
    void acceptFailed();
    bool descriptorFree() const;
    void pauseAccepting();
    void resumeAccepting();
    void sweep();
    void expire(Connection &connection);
    void updateDeadline(Connection &connection, bool progressed);
    bool outputFull(const Connection &connection) const;
    void pauseReading(Connection &connection);
    void resumeReading(QTcpSocket *socket);
    void readRequests(Connection &connection);
    bool takeRequest(Connection &connection, qsizetype *at);
    bool takeHead(Connection &connection, qsizetype *at);
    void answer(Connection &connection, const HttpRequestHead &head);
    void answerEarly(Connection &connection, const HttpRequestHead &head, qint64 unreadBody);
    void upgrade(Connection &connection, const HttpRequestHead &head, qsizetype at);
    void refuse(Connection &connection, QHttpServerResponse &&response);
    QHttpServerResponse dispatch(const HttpRequestHead &head, const QHostAddress &peer,
                                 DeferralPoint *deferral, int *route = nullptr);
    void createRouteMetrics();
    RouteMetrics &routeMetrics(int route, QHttpServerRequest::Method method);
    void observe(int route, QHttpServerRequest::Method method, qint64 startNs,
                 const QByteArray &answer);
    void sendBytes(Connection &connection, QByteArray bytes, bool closeAfter);
    void finish(const std::shared_ptr<DeferredReply::Slot> &slot, QHttpServerResponse &&response);
    void finishBytes(const std::shared_ptr<DeferredReply::Slot> &slot, QByteArray bytes);
    void flush(QTcpSocket *socket);

    HttpLimits m_limits;
    Router m_router;
    TrustedProxies m_proxies;
    MetricsRegistry &m_metrics;
    std::vector<RouteMetrics> m_routeMetrics;                 // by Router::Match::route
    std::unordered_map<int, RouteMetrics> m_unmatchedMetrics; // by method, for 404/405
    Counter &m_accepted;
    Counter &m_refused;
    Counter &m_acceptErrors;
    Counter &m_headTimeouts;
    Counter &m_bodyTimeouts;
    Counter &m_idleTimeouts;
    Counter &m_protocolErrors;
    Counter &m_readPauses;
    Histogram &m_latency;
    // Monotonic time for deadlines; m_nowMs is read from it by the sweep only (coarse).
    QElapsedTimer m_uptime;
    qint64 m_nowMs = 0;
    QTimer m_sweep;
    QTimer m_resumeAccepting;
    bool m_acceptPaused = false;

    ResponseSerialiser m_serialiser;
    QTcpServer m_listener;
    QWebSocketServer m_webSockets;
    // One entry per open socket, removed when the socket is destroyed or handed to m_webSockets.
    QHash<QTcpSocket *, Connection *> m_connections;
};

} // namespace slotdesk

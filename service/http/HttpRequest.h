#pragma once

#include "service/http/HttpRequestHead.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace slotdesk {

class HttpServer;

// An answer a handler promised to give later, e.g. after the group commit its request joined.
// The HttpServer keeps answers in request order per connection (a pipelined later request is
// never answered before an earlier deferred one) and holds the socket only through a QPointer:
// finishing after the client went away (or after the server is gone) does nothing.
class DeferredReply {
public:
    DeferredReply() = default;
    bool isValid() const { return m_slot != nullptr; }
    // Sends the answer (once; later calls are ignored). Must run on the server thread.
    void finish(QHttpServerResponse &&response);
    // finish() for a JSON body with the common headers only, without a QHttpServerResponse.
    void finishJson(QHttpServerResponder::StatusCode status, const QByteArray &body);

    struct Slot {
        QPointer<QTcpSocket> socket;
        QByteArray bytes; // the serialised answer once ready
        bool ready = false;
        bool closeAfter = false; // the connection ends after this answer
        // For the metrics, once the answer is known: the route (-1: none) and when the request
        // started (0: already counted, or not a request of its own).
        int route = -1;
        QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
        qint64 startNs = 0;
    };

private:
    friend class HttpServer;
    friend class HttpRequest;
    DeferredReply(HttpServer *server, std::shared_ptr<Slot> slot);
    QPointer<HttpServer> m_server;
    std::shared_ptr<Slot> m_slot;
};

// Where HttpRequest::defer() records that the handler deferred its answer.
struct DeferralPoint {
    HttpServer *server = nullptr;
    QTcpSocket *socket = nullptr;
    std::shared_ptr<DeferredReply::Slot> slot;
    QByteArray serialised; // a complete answer the handler had cached (answerSerialised())
};

// What a route handler sees: the request our HttpServer parsed plus the path parameters the
// Router captured ("/api/v1/bookings/{code}" → param("code")). Only valid during the handler
// call: handlers run on the server thread; an answer that must wait (a group commit) goes
// through defer(), which our HttpServer writes itself.
class HttpRequest {
public:
    // `path`: the percent-decoded path of head's target (the server decoded it for routing).
    HttpRequest(const HttpRequestHead &head, QString path,
                std::vector<std::pair<QString, QString>> params, QHostAddress peer,
                DeferralPoint *deferral = nullptr)
        : m_head(head)
        , m_path(std::move(path))
        , m_params(std::move(params))
        , m_peer(std::move(peer))
        , m_deferral(deferral) {}

    QHttpServerRequest::Method method() const { return m_head.method; }
    // Built on first use: most handlers need only path(), query() or rawQuery().
    const QUrl &url() const;
    const QString &path() const { return m_path; }
    // A path parameter (percent-decoded); empty when the pattern has no such name.
    QString param(QStringView name) const;
    // A request header, matched case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const { return m_head.header(name).toByteArray(); }
    QUrlQuery query() const;
    // The query string as sent (still percent-encoded), without '?'.
    QString rawQuery() const { return QString::fromLatin1(m_head.queryPart()); }
    const QByteArray &body() const { return m_head.body; }
    // The socket's peer: a reverse proxy when there is one.
    const QHostAddress &peer() const { return m_peer; }
    // The client the request comes from: the peer, or the address a trusted proxy forwarded
    // (HttpServer::setTrustedProxies). Rate limits are keyed on this.
    QHostAddress clientAddress() const;

    // Defers the answer: whatever the handler returns is ignored and the connection's answer
    // is what the returned DeferredReply is finished with. Copy what you need from this
    // request first: it is gone when the handler returns. Invalid (isValid() false) when the
    // request did not come through the HttpServer (then answer synchronously).
    DeferredReply defer() const;
    // Answers with complete HTTP bytes made by HttpServer::serialise() earlier (a cached
    // answer): whatever the handler returns is ignored. Returns false (and does nothing)
    // when the request did not come through the HttpServer.
    bool answerSerialised(const QByteArray &bytes) const;
    // Answers with a JSON body and the common headers only (serialised at once, without the
    // header lookups of a QHttpServerResponse); return what it returns. Outside the HttpServer
    // the returned response is the answer.
    QHttpServerResponse answerJson(QHttpServerResponder::StatusCode status,
                                   const QByteArray &body) const;
    HttpServer *server() const { return m_deferral ? m_deferral->server : nullptr; }

private:
    const HttpRequestHead &m_head;
    QString m_path;
    std::vector<std::pair<QString, QString>> m_params;
    QHostAddress m_peer;
    DeferralPoint *m_deferral = nullptr;
    mutable std::optional<QUrl> m_url;
};

} // namespace slotdesk

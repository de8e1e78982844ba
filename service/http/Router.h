#pragma once

#include "service/http/HttpRequest.h"

#include <QHttpServerResponse>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <vector>

namespace slotdesk {

using HttpHandler = std::function<QHttpServerResponse(const HttpRequest &)>;

// One registered route, in OpenAPI spelling: method "get"/"post"/..., path "/api/v1/x/{id}".
struct RouteInfo {
    QString method;
    QString path;
    bool webSocket = false;
};

// Path-pattern routing with our own matcher instead of QHttpServer's router, because
// QHttpServer 6.4 answers a wrong method with 404: we need "path exists, method does not"
// to answer 405 with an Allow header. Patterns use OpenAPI syntax: literal segments and
// "{name}" segments matching one non-empty path segment. The same pattern may be registered
// once per method; registering a duplicate (method, pattern) is a programming error (asserts).
class Router {
public:
    void add(QHttpServerRequest::Method method, const QString &pattern, HttpHandler handler);
    void get(const QString &pattern, HttpHandler handler);
    void post(const QString &pattern, HttpHandler handler);
    void put(const QString &pattern, HttpHandler handler);
    void patch(const QString &pattern, HttpHandler handler);
    void del(const QString &pattern, HttpHandler handler);

    // Upgrade requests ("Upgrade: websocket") on this path are handed to HttpServer's
    // QWebSocketServer: connect HttpServer::newWebSocketConnection and take the sockets with
    // nextPendingWebSocketConnection(). The handshake request is available to a guard:
    // return false to refuse it (answered with the guard's response, 401 unless it set another,
    // and the connection closed), true to accept.
    using UpgradeGuard = std::function<bool(const HttpRequest &, QHttpServerResponse *refusal)>;
    void addWebSocket(const QString &pattern, UpgradeGuard guard = {});

    struct Match {
        const HttpHandler *handler = nullptr; // set when path and method matched
        bool pathMatched = false;             // path exists (for 405)
        int route = -1;                       // with handler: its index in routes()
        QStringList allowed;                  // methods registered for that path, "GET", ...
        std::vector<std::pair<QString, QString>> params;
    };
    Match match(QHttpServerRequest::Method method, const QString &path) const;
    // For WebSocket upgrades: nullptr when no WebSocket route matches the path.
    const UpgradeGuard *matchWebSocket(const QString &path,
                                       std::vector<std::pair<QString, QString>> *params) const;

    // Every registered route (for the OpenAPI sync test), in registration order.
    QList<RouteInfo> routes() const;

    static QString methodName(QHttpServerRequest::Method method); // "GET", ...

private:
    struct Route {
        QHttpServerRequest::Method method;
        QString pattern;
        QStringList segments; // pattern split at '/', without the leading empty one
        HttpHandler handler;
        UpgradeGuard guard;
        bool webSocket = false;
    };
    using Segments = QVarLengthArray<QStringView, 12>;
    static Segments splitPath(QStringView path);
    static bool matchSegments(const QStringList &pattern, const Segments &path,
                              std::vector<std::pair<QString, QString>> *params);
    std::vector<Route> m_routes;
};

} // namespace slotdesk

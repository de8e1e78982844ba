#include "service/http/Router.h"

#include <QUrl>

namespace slotdesk {

namespace {

QStringList splitPattern(const QString &pattern) {
    QStringList segments = pattern.split(u'/');
    if (!segments.isEmpty() && segments.constFirst().isEmpty())
        segments.removeFirst();
    return segments;
}

bool isParam(const QString &segment) {
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

void Router::add(QHttpServerRequest::Method method, const QString &pattern, HttpHandler handler) {
    for (const Route &route : m_routes)
        Q_ASSERT_X(route.webSocket || route.method != method || route.pattern != pattern,
                   "Router::add", "duplicate route");
    m_routes.push_back({method, pattern, splitPattern(pattern), std::move(handler), {}, false});
}

void Router::get(const QString &pattern, HttpHandler handler) {
    add(QHttpServerRequest::Method::Get, pattern, std::move(handler));
}
void Router::post(const QString &pattern, HttpHandler handler) {
    add(QHttpServerRequest::Method::Post, pattern, std::move(handler));
}
void Router::put(const QString &pattern, HttpHandler handler) {
    add(QHttpServerRequest::Method::Put, pattern, std::move(handler));
}
void Router::patch(const QString &pattern, HttpHandler handler) {
    add(QHttpServerRequest::Method::Patch, pattern, std::move(handler));
}
void Router::del(const QString &pattern, HttpHandler handler) {
    add(QHttpServerRequest::Method::Delete, pattern, std::move(handler));
}

void Router::addWebSocket(const QString &pattern, UpgradeGuard guard) {
    m_routes.push_back({QHttpServerRequest::Method::Get,
                        pattern,
                        splitPattern(pattern),
                        {},
                        std::move(guard),
                        true});
}

Router::Segments Router::splitPath(QStringView path) {
    // As QStringView::split(u'/') without the leading empty segment, but without allocating:
    // the split cost more than matching against all routes.
    Segments segments;
    if (path.isEmpty())
        return segments;
    qsizetype start = path.front() == u'/' ? 1 : 0;
    for (qsizetype i = start; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == u'/') {
            segments.append(path.sliced(start, i - start));
            start = i + 1;
        }
    }
    return segments;
}

bool Router::matchSegments(const QStringList &pattern, const Segments &path,
                           std::vector<std::pair<QString, QString>> *params) {
    if (pattern.size() != path.size())
        return false;
    // Literal segments first: most routes fail there, before anything is decoded or copied.
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &want = pattern.at(i);
        if (isParam(want) ? path.at(i).isEmpty() : want != path.at(i))
            return false;
    }
    if (params) {
        params->clear();
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QString &want = pattern.at(i);
            if (!isParam(want))
                continue;
            const QStringView value = path.at(i);
            params->emplace_back(want.mid(1, want.size() - 2),
                                 value.contains(u'%') ? QUrl::fromPercentEncoding(value.toUtf8())
                                                      : value.toString());
        }
    }
    return true;
}

Router::Match Router::match(QHttpServerRequest::Method method, const QString &path) const {
    Match result;
    const Segments segments = splitPath(path);
    // The common case first and cheaply: the route with this method; the list of allowed
    // methods is only worked out for a 405.
    for (const Route &route : m_routes) {
        if (route.webSocket || route.method != method)
            continue;
        if (matchSegments(route.segments, segments, &result.params)) {
            result.pathMatched = true;
            result.handler = &route.handler;
            result.route = int(&route - m_routes.data());
            return result;
        }
    }
    for (const Route &route : m_routes) {
        if (route.webSocket || !matchSegments(route.segments, segments, nullptr))
            continue;
        result.pathMatched = true;
        const QString name = methodName(route.method);
        if (!result.allowed.contains(name))
            result.allowed.append(name);
    }
    return result;
}

const Router::UpgradeGuard *
Router::matchWebSocket(const QString &path,
                       std::vector<std::pair<QString, QString>> *params) const {
    const Segments segments = splitPath(path);
    for (const Route &route : m_routes) {
        if (route.webSocket && matchSegments(route.segments, segments, params))
            return &route.guard;
    }
    return nullptr;
}

QList<RouteInfo> Router::routes() const {
    QList<RouteInfo> out;
    out.reserve(qsizetype(m_routes.size()));
    for (const Route &route : m_routes)
        out.append({methodName(route.method).toLower(), route.pattern, route.webSocket});
    return out;
}

QString Router::methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

} // namespace slotdesk

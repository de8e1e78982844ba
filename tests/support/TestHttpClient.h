#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSignalSpy>
#include <QUrl>

namespace slotdesk::test {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The staff routes take their token as a bearer header.
inline HttpHeaders bearer(const QString &token) {
    if (token.isEmpty())
        return {};
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
}

struct HttpReply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString field() const { return json.value(QStringLiteral("field")).toString(); }
};

// The one HTTP client of the integration suites: real HTTP over loopback against a service that
// usually runs in the same thread, so every call waits on the reply's finished signal (which
// spins the event loop the server needs too). The wait only runs out when the service hangs.
class TestHttpClient {
public:
    explicit TestHttpClient(quint16 port)
        : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port)) {}

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const HttpHeaders &headers = {},
                         const QByteArray &contentType = QByteArrayLiteral("application/json")) {
        QNetworkRequest request(QUrl(m_base + path));
        const bool hasBody =
            !body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH";
        if (hasBody && !contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return m_manager.sendCustomRequest(request, method, body);
    }

    static HttpReply finish(QNetworkReply *reply) {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(30000);
        }
        HttpReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    HttpReply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const HttpHeaders &headers = {},
                   const QByteArray &contentType = QByteArrayLiteral("application/json")) {
        return finish(start(method, path, body, headers, contentType));
    }
    HttpReply get(const QString &path, const HttpHeaders &headers = {}) {
        return call("GET", path, {}, headers);
    }
    HttpReply post(const QString &path, const QJsonObject &json, const HttpHeaders &headers = {}) {
        return call("POST", path, compact(json), headers);
    }
    HttpReply put(const QString &path, const QJsonObject &json, const HttpHeaders &headers = {}) {
        return call("PUT", path, compact(json), headers);
    }
    HttpReply patch(const QString &path, const QJsonObject &json, const HttpHeaders &headers = {}) {
        return call("PATCH", path, compact(json), headers);
    }

    // Staff calls with a bearer token.
    HttpReply call(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &token) {
        return call(method, path, body, bearer(token));
    }
    HttpReply get(const QString &path, const QString &token) { return get(path, bearer(token)); }
    HttpReply post(const QString &path, const QJsonObject &json, const QString &token) {
        return post(path, json, bearer(token));
    }
    HttpReply put(const QString &path, const QJsonObject &json, const QString &token) {
        return put(path, json, bearer(token));
    }
    HttpReply patch(const QString &path, const QJsonObject &json, const QString &token) {
        return patch(path, json, bearer(token));
    }

    // Signs a staff account in; an empty token when the service refused.
    QString login(const QString &login, const QString &password) {
        const HttpReply reply =
            post(QStringLiteral("/api/v1/auth/login"),
                 {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
        return reply.json.value(QStringLiteral("token")).toString();
    }

    QString base() const { return m_base; }

private:
    static QByteArray compact(const QJsonObject &json) {
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    }

    QString m_base;
    QNetworkAccessManager m_manager;
};

} // namespace slotdesk::test

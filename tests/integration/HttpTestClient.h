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

// Real HTTP over loopback against a service in the same thread: requests run while the test
// waits on the reply's finished signal (the server needs the event loop too).
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
};

class HttpTestClient {
public:
    explicit HttpTestClient(quint16 port)
        : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port)) {}

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {},
                         const QByteArray &contentType = QByteArrayLiteral("application/json")) {
        QNetworkRequest request(QUrl(m_base + path));
        if (!body.isEmpty() && !contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return m_manager.sendCustomRequest(request, method, body);
    }

    static HttpReply finish(QNetworkReply *reply) {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(20000);
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
                   const QList<QPair<QByteArray, QByteArray>> &headers = {},
                   const QByteArray &contentType = QByteArrayLiteral("application/json")) {
        return finish(start(method, path, body, headers, contentType));
    }
    HttpReply get(const QString &path) { return call("GET", path); }
    HttpReply post(const QString &path, const QJsonObject &json,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        return call("POST", path, QJsonDocument(json).toJson(QJsonDocument::Compact), headers);
    }

private:
    QString m_base;
    QNetworkAccessManager m_manager;
};

} // namespace slotdesk::test

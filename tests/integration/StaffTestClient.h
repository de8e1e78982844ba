#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace slotdesk::test {

// A real HTTP client on loopback for the integration suites. The service runs in the same
// thread, so every call spins a local event loop until the answer is complete (bounded by a
// timeout that only trips when the service hangs).
struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString field() const { return json.value(QStringLiteral("field")).toString(); }
};

class StaffTestClient {
public:
    explicit StaffTestClient(quint16 port)
        : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port)) {}

    HttpAnswer call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QString &token = {},
                    const QByteArray &contentType = QByteArrayLiteral("application/json")) {
        QNetworkRequest request(QUrl(m_base + path));
        if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return answer;
    }

    HttpAnswer get(const QString &path, const QString &token = {}) {
        return call("GET", path, {}, token);
    }
    HttpAnswer post(const QString &path, const QJsonObject &body, const QString &token = {}) {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    HttpAnswer put(const QString &path, const QJsonObject &body, const QString &token = {}) {
        return call("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    HttpAnswer patch(const QString &path, const QJsonObject &body, const QString &token = {}) {
        return call("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }

    QString login(const QString &login, const QString &password) {
        const HttpAnswer answer =
            post(QStringLiteral("/api/v1/auth/login"),
                 {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
        return answer.json.value(QStringLiteral("token")).toString();
    }

    QString base() const { return m_base; }

private:
    QString m_base;
    QNetworkAccessManager m_manager;
};

} // namespace slotdesk::test

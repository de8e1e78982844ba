#include "service/http/JsonResponse.h"

#include <QJsonDocument>

namespace slotdesk {

namespace {
const QByteArray jsonMime = QByteArrayLiteral("application/json");
}

QHttpServerResponse jsonError(HttpStatus status, const QString &reason, const QString &message,
                              const QString &field) {
    QJsonObject body{{QStringLiteral("error"), reason}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return jsonResponse(body, status);
}

QHttpServerResponse jsonResponse(const QJsonObject &body, HttpStatus status) {
    return QHttpServerResponse(jsonMime, QJsonDocument(body).toJson(QJsonDocument::Compact),
                               status);
}

QHttpServerResponse jsonResponse(const QJsonArray &body, HttpStatus status) {
    return QHttpServerResponse(jsonMime, QJsonDocument(body).toJson(QJsonDocument::Compact),
                               status);
}

QHttpServerResponse jsonBytes(const QByteArray &body, HttpStatus status) {
    return QHttpServerResponse(jsonMime, body, status);
}

QHttpServerResponse tooManyRequests(qint64 retryAfterSeconds) {
    QHttpServerResponse response =
        jsonError(HttpStatus::TooManyRequests, QStringLiteral("rate_limited"),
                  QStringLiteral("Too many requests from this address; retry later."));
    response.setHeader(QByteArrayLiteral("Retry-After"),
                       QByteArray::number(qMax<qint64>(1, retryAfterSeconds)));
    return response;
}

} // namespace slotdesk

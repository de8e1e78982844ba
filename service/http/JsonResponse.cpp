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

void appendJsonString(QByteArray &out, QStringView text) {
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    // Runs of bytes that need no escape go in with one append: names and codes rarely have any.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u >= 0x20 && *p != '"' && *p != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        if (u < 0x20)
            out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
        else
            out.append('\\').append(*p);
    }
    out.append(run, end - run);
    out.append('"');
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

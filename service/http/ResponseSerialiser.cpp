#include "service/http/ResponseSerialiser.h"

#include <QDateTime>
#include <QLocale>

namespace slotdesk {

namespace {

const char *reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

// The response headers handlers use (QHttpServerResponse 6.4 cannot list its headers).
const QByteArray passedHeaders[] = {QByteArrayLiteral("Allow"),
                                    QByteArrayLiteral("Retry-After"),
                                    QByteArrayLiteral("WWW-Authenticate"),
                                    QByteArrayLiteral("Location"),
                                    QByteArrayLiteral("Idempotent-Replayed"),
                                    QByteArrayLiteral("ETag"),
                                    QByteArrayLiteral("Content-Disposition")};

} // namespace

// Adds "Connection: close" after the status line of a serialised answer (rare: only answers
// that end the connection pay for the copy).
QByteArray ResponseSerialiser::withConnectionClose(QByteArray bytes) {
    const qsizetype statusEnd = bytes.indexOf("\r\n");
    if (statusEnd >= 0)
        bytes.insert(statusEnd, "\r\nConnection: close");
    return bytes;
}

void ResponseSerialiser::appendHead(QByteArray &out, int status, const QByteArray &type,
                                    qsizetype bodySize, const QByteArray &cacheControl) {
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status))
        .append("\r\nContent-Type: ")
        .append(type.isEmpty() ? QByteArrayLiteral("application/x-empty") : type)
        .append("\r\nContent-Length: ")
        .append(QByteArray::number(bodySize))
        .append("\r\nDate: ")
        .append(httpDate())
        .append("\r\nServer: ")
        .append(m_serverName)
        .append("\r\nCache-Control: ")
        .append(cacheControl.isEmpty() ? QByteArrayLiteral("no-store") : cacheControl);
}

QByteArray ResponseSerialiser::serialise(QHttpServerResponse &&response) {
    const int status = int(response.statusCode());
    const QByteArray body = response.data();
    const QList<QByteArray> cacheControl = response.headers(QByteArrayLiteral("Cache-Control"));
    QByteArray out;
    out.reserve(body.size() + 256);
    appendHead(out, status, response.mimeType(), body.size(),
               cacheControl.isEmpty() ? QByteArray() : cacheControl.constFirst());
    for (const QByteArray &name : passedHeaders) {
        const QList<QByteArray> values = response.headers(name);
        for (const QByteArray &value : values)
            out.append("\r\n").append(name).append(": ").append(value);
    }
    out.append("\r\n\r\n").append(body);
    return out;
}

QByteArray ResponseSerialiser::serialiseJson(int status, const QByteArray &body) {
    // Every header lookup in a QHttpServerResponse 6.4 lower-cases the name to hash it, which
    // costs as much as the hold itself on this path.
    static const QByteArray json = QByteArrayLiteral("application/json");
    QByteArray out;
    out.reserve(body.size() + 192);
    appendHead(out, status, json, body.size(), {});
    out.append("\r\n\r\n").append(body);
    return out;
}

qint64 ResponseSerialiser::dateSecond() {
    httpDate();
    return m_dateSecond;
}

QByteArray ResponseSerialiser::httpDate() {
    // Wall-clock time on purpose (a protocol header, not domain logic): cached per second
    // because formatting costs more than the availability answer itself.
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != m_dateSecond) {
        m_dateSecond = second;
        m_dateText = QLocale::c()
                         .toString(QDateTime::fromSecsSinceEpoch(second, Qt::UTC),
                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                         .toLatin1();
    }
    return m_dateText;
}

} // namespace slotdesk

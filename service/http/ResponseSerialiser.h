#pragma once

#include <QByteArray>
#include <QHttpServerResponse>

namespace slotdesk {

// Turns answers into the bytes HttpServer writes: status line, the common headers (Date,
// Server, Content-Type, Content-Length, Cache-Control) and the few a handler may set (Allow,
// Retry-After, WWW-Authenticate, Location, Idempotent-Replayed; any other name is not sent).
// The Date text is cached per second: formatting it costs more than a cached answer.
class ResponseSerialiser {
public:
    explicit ResponseSerialiser(QByteArray serverName)
        : m_serverName(std::move(serverName)) {}

    QByteArray serialise(QHttpServerResponse &&response);
    // The common answer: a JSON body, Cache-Control: no-store, no other header.
    QByteArray serialiseJson(int status, const QByteArray &body);
    // The second whose Date the answers carry now.
    qint64 dateSecond();
    static QByteArray withConnectionClose(QByteArray bytes);

private:
    void appendHead(QByteArray &out, int status, const QByteArray &type, qsizetype bodySize,
                    const QByteArray &cacheControl);
    QByteArray httpDate();

    QByteArray m_serverName;
    qint64 m_dateSecond = -1;
    QByteArray m_dateText;
};

} // namespace slotdesk

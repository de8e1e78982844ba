#pragma once

#include <QByteArray>

namespace slotdesk::test {

// One HTTP/1.1 request as bytes, for clients that write to a socket themselves (pipelining
// tests, the load generator) instead of going through QNetworkAccessManager.
inline QByteArray rawHttpRequest(const QByteArray &method, const QByteArray &path,
                                 const QByteArray &body = {}) {
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty())
        r +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    return r + "\r\n" + body;
}

} // namespace slotdesk::test

#pragma once

#include <QByteArray>

namespace slotdesk::bench {

// One blocking keep-alive HTTP/1.1 connection on a raw socket, as a console's single
// connection to its service sends one request after the other. Counts the bytes both ways.
class BenchHttp {
public:
    struct Answer {
        int status = 0; // 0: the connection failed
        QByteArray body;
    };

    BenchHttp() = default;
    ~BenchHttp();
    BenchHttp(const BenchHttp &) = delete;
    BenchHttp &operator=(const BenchHttp &) = delete;

    bool connect(quint16 port);
    void setToken(const QByteArray &token) { m_token = token; }
    Answer request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

    qint64 bytesSent() const { return m_sent; }
    qint64 bytesReceived() const { return m_received; }

private:
    bool writeAll(const QByteArray &bytes);

    int m_fd = -1;
    QByteArray m_token;
    QByteArray m_in;
    qint64 m_sent = 0;
    qint64 m_received = 0;
};

} // namespace slotdesk::bench

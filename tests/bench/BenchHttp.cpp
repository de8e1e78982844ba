#include "tests/bench/BenchHttp.h"

#include <QStringBuilder>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace slotdesk::bench {

BenchHttp::~BenchHttp() {
    if (m_fd >= 0)
        ::close(m_fd);
}

bool BenchHttp::connect(quint16 port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return true;
}

bool BenchHttp::writeAll(const QByteArray &bytes) {
    qsizetype at = 0;
    while (at < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + at, size_t(bytes.size() - at));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        at += n;
    }
    m_sent += bytes.size();
    return true;
}

BenchHttp::Answer BenchHttp::request(const QByteArray &method, const QByteArray &path,
                                     const QByteArray &body) {
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!m_token.isEmpty())
        head += "Authorization: Bearer " + m_token + "\r\n";
    if (!body.isEmpty() || method != "GET")
        head +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    head += "\r\n";
    // Head and body in two writes, as a client streaming a large body does; TCP_NODELAY keeps
    // the head from waiting.
    if (!writeAll(head) || (!body.isEmpty() && !writeAll(body)))
        return {};
    char buffer[65536];
    for (;;) {
        const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            qsizetype length = 0;
            const QByteArray lowerHead = m_in.left(headerEnd).toLower();
            const qsizetype cl = lowerHead.indexOf("content-length:");
            if (cl >= 0)
                length = std::strtoll(lowerHead.constData() + cl + 15, nullptr, 10);
            if (m_in.size() >= headerEnd + 4 + length) {
                Answer answer;
                answer.status = std::atoi(m_in.constData() + 9);
                answer.body = m_in.mid(headerEnd + 4, length);
                m_received += headerEnd + 4 + length;
                m_in.remove(0, headerEnd + 4 + length);
                return answer;
            }
        }
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {};
        m_in.append(buffer, qsizetype(n));
    }
}

} // namespace slotdesk::bench

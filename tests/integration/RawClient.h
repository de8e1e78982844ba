#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

namespace slotdesk::test {

// A keep-alive client on a bare socket: it can pipeline, split requests into any writes and
// see the exact order of answers, interim "100 Continue" answers and the server closing.
class RawClient {
public:
    // `from`: the local address to connect from (any of 127.0.0.0/8 on Linux), to appear as
    // another client address.
    explicit RawClient(quint16 port, const QHostAddress &from = {}) {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { read(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, [this] { closed = true; });
        // Every write is its own packet: split requests really arrive split.
        QObject::connect(&socket, &QTcpSocket::connected,
                         [this] { socket.setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        if (!from.isNull())
            socket.bind(from);
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    bool connected() const { return socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes) { socket.write(bytes); }

    struct Answer {
        int status = 0;
        QByteArray head;
        QJsonObject json;
        QString error() const { return json.value(QStringLiteral("error")).toString(); }
        bool closes() const { return head.toLower().contains("\r\nconnection: close"); }
    };
    QList<Answer> answers;
    int interimAnswers = 0; // "HTTP/1.1 100 Continue"
    bool closed = false;
    QTcpSocket socket;
    // After "101 Switching Protocols" the bytes are WebSocket frames, not answers.
    bool upgraded() const { return !answers.isEmpty() && answers.constLast().status == 101; }

private:
    void read() {
        m_in += socket.readAll();
        while (!upgraded()) {
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = m_in.left(end);
            const int status = m_in.mid(9, 3).toInt();
            if (status == 100) {
                ++interimAnswers;
                m_in.remove(0, end + 4);
                continue;
            }
            const qsizetype cl = head.toLower().indexOf("content-length:");
            const qsizetype length =
                cl < 0 ? 0
                       : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (m_in.size() < end + 4 + length)
                return;
            answers.append(
                {status, head, QJsonDocument::fromJson(m_in.mid(end + 4, length)).object()});
            m_in.remove(0, end + 4 + length);
        }
    }
    QByteArray m_in;
};

} // namespace slotdesk::test

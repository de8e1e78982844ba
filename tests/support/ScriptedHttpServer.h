#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

class QTcpSocket;

namespace slotdesk::test {

// A real HTTP/1.1 server on a free loopback port that answers with scripted replies, one per
// request in order, for what the booking service never does on purpose (a 503 followed by
// success, garbage, silence). Every request head is recorded. An answer that is empty keeps
// the connection silent: the request is read and never answered. With a TLS configuration it
// speaks HTTPS.
class ScriptedHttpServer : public QObject {
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    explicit ScriptedHttpServer(const QSslConfiguration &tls = {});
    quint16 port() const { return m_server->serverPort(); }
    QString url() const;

    // Queued in order; once used up, every further request gets the last one again.
    void addAnswer(const QByteArray &raw) { m_answers.append(raw); }
    static QByteArray answer(int status, const QByteArray &reason, const QByteArray &body,
                             const QByteArray &contentType = "application/json");

    const QList<Request> &requests() const { return m_requests; }
    int connections() const { return m_connections; }

private:
    void serve(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QList<QByteArray> m_answers;
    QList<Request> m_requests;
    int m_connections = 0;
};

} // namespace slotdesk::test

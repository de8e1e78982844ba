#include "tests/support/ScriptedHttpServer.h"

#include <QSslServer>
#include <QTcpSocket>

namespace slotdesk::test {

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const {
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(const QSslConfiguration &tls)
    : m_tls(!tls.localCertificate().isNull()) {
    if (m_tls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(tls);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    m_server->listen(QHostAddress::LocalHost, 0);
    QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_connections;
            socket->setParent(this);
            QObject::connect(socket, &QTcpSocket::readyRead, this,
                             [this, socket] { serve(socket); });
        }
    });
}

QString ScriptedHttpServer::url() const {
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

QByteArray ScriptedHttpServer::answer(int status, const QByteArray &reason, const QByteArray &body,
                                      const QByteArray &contentType) {
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

void ScriptedHttpServer::serve(QTcpSocket *socket) {
    // Requests are small: wait until head and body are complete, then answer once.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        Request request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            break;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        const QByteArray reply =
            m_answers.value(m_requests.size(), m_answers.value(m_answers.size() - 1));
        m_requests.append(request);
        if (!reply.isEmpty())
            socket->write(reply);
    }
    socket->setProperty("buffer", buffer);
}

} // namespace slotdesk::test

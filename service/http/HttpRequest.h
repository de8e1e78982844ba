#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QString>
#include <QUrlQuery>

#include <utility>
#include <vector>

namespace slotdesk {

// What a route handler sees: the parsed Qt request plus the path parameters the Router captured
// ("/api/v1/bookings/{code}" → param("code")). Only valid during the handler call: handlers are
// synchronous on the server thread (QHttpServer 6.4 crashes with deferred responses).
class HttpRequest {
public:
    HttpRequest(const QHttpServerRequest &raw, std::vector<std::pair<QString, QString>> params)
        : m_raw(raw)
        , m_params(std::move(params)) {}

    const QHttpServerRequest &raw() const { return m_raw; }
    QHttpServerRequest::Method method() const { return m_raw.method(); }
    QString path() const { return m_raw.url().path(); }
    // A path parameter (percent-decoded); empty when the pattern has no such name.
    QString param(QStringView name) const;
    // A request header, matched case-insensitively; empty when absent.
    QByteArray header(const QByteArray &name) const;
    QUrlQuery query() const { return m_raw.query(); }
    QByteArray body() const { return m_raw.body(); }
    QHostAddress peer() const { return m_raw.remoteAddress(); }

private:
    const QHttpServerRequest &m_raw;
    std::vector<std::pair<QString, QString>> m_params;
};

} // namespace slotdesk

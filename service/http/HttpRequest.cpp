#include "service/http/HttpRequest.h"

namespace slotdesk {

const QUrl &HttpRequest::url() const {
    if (!m_url)
        m_url.emplace(QUrl::fromEncoded(m_head.target().toByteArray(), QUrl::TolerantMode));
    return *m_url;
}

QString HttpRequest::param(QStringView name) const {
    for (const auto &[key, value] : m_params) {
        if (key == name)
            return value;
    }
    return {};
}

QUrlQuery HttpRequest::query() const {
    return QUrlQuery(QString::fromUtf8(m_head.queryPart()));
}

} // namespace slotdesk

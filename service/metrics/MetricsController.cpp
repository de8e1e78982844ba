#include "service/metrics/MetricsController.h"

#include "service/http/JsonResponse.h"
#include "service/http/Router.h"
#include "service/metrics/MetricsRegistry.h"

namespace slotdesk {

MetricsController::MetricsController(const MetricsRegistry &registry, Authoriser authorise)
    : m_registry(registry)
    , m_authorise(std::move(authorise)) {}

void MetricsController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/metrics"),
               [this](const HttpRequest &request) { return metrics(request); });
}

QHttpServerResponse MetricsController::metrics(const HttpRequest &request) const {
    // A reverse proxy on the same host connects from loopback too: a forwarded request is
    // treated as remote whether or not the proxy is trusted.
    const bool local = request.peer().isLoopback() &&
                       request.header(QByteArrayLiteral("X-Forwarded-For")).isEmpty() &&
                       request.header(QByteArrayLiteral("Forwarded")).isEmpty();
    if (!local) {
        if (!m_authorise) {
            return jsonError(HttpStatus::Forbidden, QStringLiteral("forbidden"),
                             QStringLiteral("The metrics are readable from loopback only."));
        }
        if (std::optional<QHttpServerResponse> refusal = m_authorise(request))
            return std::move(*refusal);
    }
    return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                               m_registry.render());
}

} // namespace slotdesk

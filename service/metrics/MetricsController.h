#pragma once

#include "service/http/Controller.h"
#include "service/http/HttpRequest.h"

#include <QHttpServerResponse>

#include <functional>
#include <optional>

namespace slotdesk {

class MetricsRegistry;

// GET /metrics in Prometheus' text format. Readable without a token from loopback (a scraper
// on the same host); a request from elsewhere, or one a proxy forwarded, needs what
// `authorise` accepts (the composition root passes the staff token check). `authorise`
// returns the refusal (401/403), or nothing when the caller may read.
class MetricsController final : public Controller {
public:
    using Authoriser = std::function<std::optional<QHttpServerResponse>(const HttpRequest &)>;
    MetricsController(const MetricsRegistry &registry, Authoriser authorise);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse metrics(const HttpRequest &request) const;
    const MetricsRegistry &m_registry;
    Authoriser m_authorise;
};

} // namespace slotdesk

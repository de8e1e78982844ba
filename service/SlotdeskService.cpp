#include "service/SlotdeskService.h"

#include "models/core/Clock.h"
#include "service/ServiceInfo.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"

#include <QCoreApplication>

namespace slotdesk {

namespace {

class HealthController final : public Controller {
public:
    explicit HealthController(const Clock &clock)
        : m_clock(clock) {}
    void registerRoutes(Router &router) override {
        router.get(QStringLiteral("/api/v1/health"), [this](const HttpRequest &) {
            return jsonResponse(
                QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                            {QStringLiteral("version"), serviceProductName()},
                            {QStringLiteral("time"), m_clock.now().toString(Qt::ISODate)}});
        });
    }

private:
    const Clock &m_clock;
};

} // namespace

SlotdeskService::SlotdeskService(ServiceConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_http(HttpLimits{m_config.maxBodyBytes}) {}

SlotdeskService::~SlotdeskService() = default;

bool SlotdeskService::start(QString *error) {
    registerControllers();
    m_port = m_http.start(m_config.listen, m_config.port);
    if (m_port == 0) {
        *error = QCoreApplication::translate("SlotdeskService",
                                             "Cannot listen on %1 port %2 (in use or not allowed).")
                     .arg(m_config.listen.toString())
                     .arg(m_config.port);
        return false;
    }
    return true;
}

void SlotdeskService::registerControllers() {
    m_controllers.push_back(std::make_unique<HealthController>(m_clock));
    // Staff controllers go here (auth, publish, bookings list, check-in, event stream).
    for (const auto &controller : m_controllers)
        m_http.addController(*controller);
}

} // namespace slotdesk

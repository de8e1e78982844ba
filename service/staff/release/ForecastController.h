#pragma once

#include "service/http/Controller.h"

#include <QHttpServerResponse>
#include <QSqlDatabase>

namespace slotdesk {

class HttpRequest;
class StaffAuth;
class StaffWriter;

// Vaccine delivery forecasts, which limit the first doses a release may offer per week.
// PUT /api/v1/forecasts/{service}/{week}   (admin) {doses}: sets the forecast of a vaccine
//                                          product for an ISO week ("2026-W10"); audited
//                                          (forecast.update) and streamed (forecast.updated)
//                                          when the figure changes. Lowering it below what is
//                                          offered leaves releases alone; new ones are refused.
// GET /api/v1/forecasts?service=&from=&to= (admin, supervisor) forecasts with the week's
//                                          arithmetic (offered, reserved, available)
class ForecastController final : public Controller {
public:
    ForecastController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse put(const HttpRequest &request);
    QHttpServerResponse list(const HttpRequest &request);

    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

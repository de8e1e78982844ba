#pragma once

#include "service/http/Controller.h"

#include <QHttpServerResponse>

namespace slotdesk {

class HttpRequest;
class StaffAuth;

// GET /api/v1/audit (admins and supervisors): the audit trail, newest first, paged with
// limit/before.
class AuditController final : public Controller {
public:
    explicit AuditController(StaffAuth &auth);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse latest(const HttpRequest &request);

    StaffAuth &m_auth;
};

} // namespace slotdesk

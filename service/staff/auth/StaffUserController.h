#pragma once

#include "service/http/Controller.h"
#include "service/staff/auth/StaffAccounts.h"

#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

namespace slotdesk {

class HttpRequest;
class StaffAuth;
class StaffWriter;

// Admin-only management of staff accounts (/api/v1/staff...). Accounts are never deleted:
// deactivation keeps who-did-what readable in the audit log. "centres" (centre UUIDs) limits an
// account to those centres' bookings; an empty list lifts the limit.
class StaffUserController final : public Controller {
public:
    StaffUserController(StaffAuth &auth, StaffWriter &writer);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse list(const HttpRequest &request);
    QHttpServerResponse create(const HttpRequest &request);
    QHttpServerResponse show(const HttpRequest &request);
    QHttpServerResponse update(const HttpRequest &request);
    // The PATCH body's fields; the refusal when one is malformed.
    static std::optional<QHttpServerResponse> readChanges(const QJsonObject &body,
                                                          StaffAccounts::Changes *changes,
                                                          std::optional<QStringList> *centres);

    StaffAuth &m_auth;
    StaffWriter &m_writer;
};

} // namespace slotdesk

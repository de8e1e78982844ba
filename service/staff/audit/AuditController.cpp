#include "service/staff/audit/AuditController.h"

#include "service/http/JsonResponse.h"
#include "service/http/Router.h"
#include "service/staff/auth/StaffAuth.h"

#include <QDateTime>
#include <QJsonArray>

namespace slotdesk {

AuditController::AuditController(StaffAuth &auth)
    : m_auth(auth) {}

void AuditController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/audit"),
               [this](const HttpRequest &request) { return latest(request); });
}

QHttpServerResponse AuditController::latest(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    const QUrlQuery query = request.query();
    bool ok = true;
    int limit = 100;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                             QStringLiteral("limit must be 1 to 1000."), QStringLiteral("limit"));
    }
    qint64 before = 0;
    if (query.hasQueryItem(QStringLiteral("before"))) {
        before = query.queryItemValue(QStringLiteral("before")).toLongLong(&ok);
        if (!ok || before < 1)
            return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                             QStringLiteral("before must be a positive audit id."),
                             QStringLiteral("before"));
    }
    QList<qint64> ids;
    const QList<AuditLog::Entry> entries = m_auth.audit().latest(limit, before, &ids);
    QJsonArray items;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditLog::Entry &e = entries.at(i);
        items.append(
            QJsonObject{{QStringLiteral("id"), ids.at(i)},
                        {QStringLiteral("at"),
                         QDateTime::fromSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODate)},
                        {QStringLiteral("actor"), e.actor},
                        {QStringLiteral("action"), e.action},
                        {QStringLiteral("entity"), e.entity},
                        {QStringLiteral("entity_id"), e.entityId},
                        {QStringLiteral("detail"), e.detail}});
    }
    QJsonObject answer{{QStringLiteral("items"), items}};
    if (entries.size() == limit)
        answer.insert(QStringLiteral("next_before"), ids.constLast());
    return jsonResponse(answer);
}

} // namespace slotdesk

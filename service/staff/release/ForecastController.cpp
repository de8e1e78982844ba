#include "service/staff/release/ForecastController.h"

#include "models/domain/ServiceCatalogue.h"
#include "models/rules/ForecastLimit.h"
#include "models/store/ForecastTable.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"
#include "service/staff/release/ForecastCheck.h"

#include <QJsonArray>
#include <QStringBuilder>
#include <QUrlQuery>

namespace slotdesk {

namespace {

constexpr qint64 maxDoses = 10'000'000;
// A GET covers at most about two years of weeks (each row reads its week's slots).
constexpr int maxListedRows = 2000;

QHttpServerResponse storageError() {
    return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                     QStringLiteral("The change could not be stored; nothing was changed."));
}

// A vaccine product's code, or a 400 naming the field.
std::optional<QHttpServerResponse> checkService(const QString &code, const QString &field) {
    const ServiceType *type = findService(code);
    if (!type)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("unknown_service"),
                         QStringLiteral("There is no service \"%1\".").arg(code), field);
    if (type->kind != ServiceKind::Vaccination)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("not_a_vaccine"),
                         QStringLiteral("Forecasts are kept for vaccine products only; \"%1\" is "
                                        "not one.")
                             .arg(code),
                         field);
    return std::nullopt;
}

std::optional<IsoWeek> readWeek(const QString &text, const QString &field,
                                std::optional<QHttpServerResponse> *refusal) {
    const std::optional<IsoWeek> week = IsoWeek::parse(text);
    if (!week)
        refusal->emplace(jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_week"),
                                   QStringLiteral("\"%1\" must be an ISO week such as 2026-W10 "
                                                  "(a week the year has).")
                                       .arg(field),
                                   field));
    return week;
}

QJsonObject rowJson(const ForecastTable::Row &row, const ForecastWeek &figures) {
    return {
        {QStringLiteral("service"), row.service},
        {QStringLiteral("week"), row.week},
        {QStringLiteral("doses"), row.doses},
        {QStringLiteral("offered"), figures.offered},
        {QStringLiteral("reserved"), figures.reserved},
        {QStringLiteral("available"), std::max(0, row.doses - figures.offered - figures.reserved)},
        {QStringLiteral("updated_by"), row.updatedBy},
        {QStringLiteral("updated_at"), row.updatedAt}};
}

} // namespace

ForecastController::ForecastController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer) {}

void ForecastController::registerRoutes(Router &router) {
    router.put(QStringLiteral("/api/v1/forecasts/{service}/{week}"),
               [this](const HttpRequest &request) { return put(request); });
    router.get(QStringLiteral("/api/v1/forecasts"),
               [this](const HttpRequest &request) { return list(request); });
}

QHttpServerResponse ForecastController::put(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const QString service = request.param(u"service");
    if (std::optional<QHttpServerResponse> refusal =
            checkService(service, QStringLiteral("service")))
        return std::move(*refusal);
    std::optional<QHttpServerResponse> error;
    const std::optional<IsoWeek> week =
        readWeek(request.param(u"week"), QStringLiteral("week"), &error);
    if (!week)
        return std::move(*error);
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields f(*body);
    const std::optional<qint64> doses =
        f.integer(QStringLiteral("doses"), JsonFields::Required, 0, maxDoses);
    f.rejectUnknown();
    if (f.failed())
        return f.takeError();

    const qint64 now = m_auth.now();
    const QString weekText = week->toString();
    ForecastTable table(m_db);
    std::optional<int> previous;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        if (table.put(service, weekText, int(*doses), caller.user->id, now, &previous))
            return false;
        // The same figure again (a retry) changes nothing, so it is neither audited nor streamed.
        if (previous == int(*doses))
            return true;
        const QJsonObject detail{
            {QStringLiteral("service"), service},
            {QStringLiteral("week"), weekText},
            {QStringLiteral("doses"), *doses},
            {QStringLiteral("previous"), previous ? QJsonValue(*previous) : QJsonValue()}};
        return tx.event(QStringLiteral("forecast.updated"), detail, now) &&
               tx.audit({now, caller.user->login, QStringLiteral("forecast.update"),
                         QStringLiteral("forecast"), service % u'/' % weekText, detail});
    });
    if (!ok)
        return storageError();
    const Stored<std::optional<ForecastTable::Row>> row = table.find(service, weekText);
    const Stored<ForecastWeek> figures = forecastWeek(m_db, service, *week);
    if (row.error || !row.value || figures.error)
        return storageError();
    return jsonResponse(rowJson(*row.value, figures.value),
                        previous ? HttpStatus::Ok : HttpStatus::Created);
}

QHttpServerResponse ForecastController::list(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
    if (!caller.user)
        return std::move(*caller.refusal);
    const QUrlQuery query = request.query();
    const QString service = query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);
    if (!service.isEmpty()) {
        if (std::optional<QHttpServerResponse> refusal =
                checkService(service, QStringLiteral("service")))
            return std::move(*refusal);
    }
    std::optional<QHttpServerResponse> error;
    QString bounds[2];
    const QString names[2] = {QStringLiteral("from"), QStringLiteral("to")};
    for (int i = 0; i < 2; ++i) {
        if (!query.hasQueryItem(names[i]))
            continue;
        const std::optional<IsoWeek> week =
            readWeek(query.queryItemValue(names[i], QUrl::FullyDecoded), names[i], &error);
        if (!week)
            return std::move(*error);
        bounds[i] = week->toString();
    }
    const Stored<QList<ForecastTable::Row>> rows =
        ForecastTable(m_db).list(service, bounds[0], bounds[1]);
    if (rows.error)
        return storageError();
    if (rows.value.size() > maxListedRows)
        return jsonError(HttpStatus::BadRequest, QStringLiteral("too_many_rows"),
                         QStringLiteral("More than %1 forecasts match; narrow service, from or to.")
                             .arg(maxListedRows));
    QJsonArray items;
    for (const ForecastTable::Row &row : rows.value) {
        const std::optional<IsoWeek> week = IsoWeek::parse(row.week);
        const Stored<ForecastWeek> figures =
            week ? forecastWeek(m_db, row.service, *week) : Stored<ForecastWeek>{};
        if (figures.error)
            return storageError();
        items.append(rowJson(row, figures.value));
    }
    return jsonResponse(QJsonObject{{QStringLiteral("items"), items}});
}

} // namespace slotdesk

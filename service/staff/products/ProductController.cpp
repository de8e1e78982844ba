#include "service/staff/products/ProductController.h"

#include "models/rules/DosePairing.h"
#include "models/store/ProductTable.h"
#include "service/booking/BookingEngine.h"
#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"

namespace slotdesk {

namespace {

// Longer than any approved schedule; a typo such as 420 is refused.
constexpr qint64 maxIntervalDays = 365;

} // namespace

ProductController::ProductController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer,
                                     BookingEngine &engine)
    : m_db(std::move(db))
    , m_auth(auth)
    , m_writer(writer)
    , m_engine(engine) {}

void ProductController::registerRoutes(Router &router) {
    router.put(QStringLiteral("/api/v1/products/{service}"),
               [this](const HttpRequest &request) { return put(request); });
}

QHttpServerResponse ProductController::put(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const QString service = request.param(u"service");
    if (!m_engine.doseInterval(service))
        return jsonError(HttpStatus::BadRequest, QStringLiteral("not_two_dose_product"),
                         QStringLiteral("\"%1\" is not a product with two doses; only those have "
                                        "an interval.")
                             .arg(service),
                         QStringLiteral("service"));
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    JsonFields f(*body);
    const std::optional<qint64> minDays =
        f.integer(QStringLiteral("interval_min_days"), JsonFields::Required, 0, maxIntervalDays);
    const std::optional<qint64> maxDays =
        f.integer(QStringLiteral("interval_max_days"), JsonFields::Required, 0, maxIntervalDays);
    f.rejectUnknown();
    if (f.failed())
        return f.takeError();
    const DoseInterval interval{int(*minDays), int(*maxDays)};
    if (!interval.isValid())
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_interval"),
                         QStringLiteral("\"interval_min_days\" (%1) must not be greater than "
                                        "\"interval_max_days\" (%2).")
                             .arg(interval.minDays)
                             .arg(interval.maxDays),
                         QStringLiteral("interval_min_days"));

    const qint64 now = m_auth.now();
    ProductTable::Interval previous;
    const bool ok = m_writer.run([&](StaffWriter::Transaction &tx) {
        if (ProductTable(m_db).setInterval(service, {interval.minDays, interval.maxDays},
                                           &previous))
            return false;
        // The same interval again (a retry) changes nothing: neither audited nor streamed.
        if (previous.minDays == interval.minDays && previous.maxDays == interval.maxDays)
            return true;
        const QJsonObject detail{{QStringLiteral("service"), service},
                                 {QStringLiteral("interval_min_days"), interval.minDays},
                                 {QStringLiteral("interval_max_days"), interval.maxDays},
                                 {QStringLiteral("previous_min_days"), previous.minDays},
                                 {QStringLiteral("previous_max_days"), previous.maxDays}};
        return tx.event(QStringLiteral("product.updated"), detail, now) &&
               tx.audit({now, caller.user->login, QStringLiteral("product.update"),
                         QStringLiteral("product"), service, detail});
    });
    if (!ok)
        return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                         QStringLiteral("The change could not be stored; nothing was changed."));
    m_engine.setDoseInterval(service, interval);
    return jsonResponse(QJsonObject{{QStringLiteral("service"), service},
                                    {QStringLiteral("doses"), 2},
                                    {QStringLiteral("interval_min_days"), interval.minDays},
                                    {QStringLiteral("interval_max_days"), interval.maxDays}});
}

} // namespace slotdesk

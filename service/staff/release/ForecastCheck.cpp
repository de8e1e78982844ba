#include "service/staff/release/ForecastCheck.h"

#include "models/core/Clock.h"
#include "models/domain/ServiceCatalogue.h"
#include "models/store/ForecastTable.h"
#include "service/http/JsonResponse.h"

#include <QMap>

namespace slotdesk {

Stored<ForecastWeek> forecastWeek(QSqlDatabase db, const QString &service, const IsoWeek &week) {
    Stored<ForecastWeek> out;
    const ForecastTable table(std::move(db));
    const Stored<std::optional<ForecastTable::Row>> row = table.find(service, week.toString());
    const QTimeZone zone = berlinTimeZone();
    const Stored<int> offered =
        table.offeredPlaces(service, week.startsAt(zone), week.endsAt(zone));
    const Stored<int> reserved =
        table.reservedSecondDoses(service, week.startsAt(zone), week.endsAt(zone));
    if (row.error || offered.error || reserved.error) {
        out.error = row.error ? row.error : offered.error ? offered.error : reserved.error;
        return out;
    }
    if (row.value)
        out.value.forecast = row.value->doses;
    out.value.offered = offered.value;
    out.value.reserved = reserved.value;
    return out;
}

Stored<std::optional<ForecastRefusal>> checkForecasts(QSqlDatabase db,
                                                      const QList<SlotRecord> &slots) {
    Stored<std::optional<ForecastRefusal>> out;
    const QTimeZone zone = berlinTimeZone();
    // Per vaccine product: its slots (with their index in the release) and the weeks they touch.
    struct Product {
        QList<RequestedSlot> slots;
        QList<int> indexes;
        QMap<QString, ForecastWeek> weeks;
    };
    QMap<QString, Product> products;
    for (qsizetype i = 0; i < slots.size(); ++i) {
        const SlotRecord &s = slots.at(i);
        const ServiceType *type = findService(s.service);
        if (!type || type->kind != ServiceKind::Vaccination)
            continue;
        Product &p = products[s.service];
        p.slots.append({s.startsAt, s.capacity});
        p.indexes.append(int(i));
        const IsoWeek week = IsoWeek::ofTime(s.startsAt, zone);
        const QString key = week.toString();
        if (p.weeks.contains(key))
            continue;
        const Stored<ForecastWeek> known = forecastWeek(db, s.service, week);
        if (known.error) {
            out.error = known.error;
            return out;
        }
        p.weeks.insert(key, known.value);
    }
    for (auto it = products.cbegin(); it != products.cend(); ++it) {
        ForecastVerdict verdict = forecastLimit(it.value().slots, it.value().weeks, zone);
        if (verdict.fits())
            continue;
        verdict.firstSlot = it.value().indexes.at(verdict.firstSlot);
        out.value = ForecastRefusal{it.key(), verdict};
        return out;
    }
    return out;
}

QHttpServerResponse forecastRefusalAnswer(const ForecastRefusal &refusal) {
    const ForecastVerdict &v = refusal.verdict;
    const bool none = v.result == ForecastVerdict::Result::NoForecast;
    const QString message =
        none ? QStringLiteral("There is no delivery forecast for %1 in %2: no first doses can be "
                              "released for that week. Nothing was stored.")
                   .arg(refusal.service, v.week)
             : QStringLiteral("The release offers %1 first doses of %2 in %3, but only %4 are "
                              "available (forecast %5 - offered %6 - reserved for second "
                              "appointments %7). Nothing was stored.")
                   .arg(v.requested)
                   .arg(refusal.service, v.week)
                   .arg(v.available)
                   .arg(v.forecast)
                   .arg(v.offered)
                   .arg(v.reserved);
    QJsonObject body{{QStringLiteral("error"),
                      none ? QStringLiteral("no_forecast") : QStringLiteral("forecast_exceeded")},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("field"), QStringLiteral("slots[%1]").arg(v.firstSlot)},
                     {QStringLiteral("service"), refusal.service},
                     {QStringLiteral("week"), v.week},
                     // null: no forecast entered for that week
                     {QStringLiteral("forecast"), none ? QJsonValue() : QJsonValue(v.forecast)},
                     {QStringLiteral("offered"), v.offered},
                     {QStringLiteral("reserved"), v.reserved},
                     {QStringLiteral("requested"), v.requested},
                     {QStringLiteral("available"), v.available}};
    return jsonResponse(body, HttpStatus::Conflict);
}

} // namespace slotdesk

#pragma once

#include "models/booking/BookingTypes.h"
#include "models/rules/ForecastLimit.h"
#include "models/store/StoreError.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// The figures a forecast refusal shows: which product and week, and the arithmetic.
struct ForecastRefusal {
    QString service;
    ForecastVerdict verdict;
};

// Checks the vaccine slots a release wants to offer against the delivery forecasts (every place
// of a vaccine slot is one first dose; other services are not limited). Reads inside the
// caller's transaction so nothing can be offered between the check and the insert.
//
// Second appointments: the doses reserved in a week are the product's second-dose bookings
// (bookings.dose = 2, confirmed or checked in) whose appointment falls in that week. A place
// held for a second dose but not yet confirmed lives only in the engine's memory and is not
// counted; its confirm is what reserves the dose.
Stored<std::optional<ForecastRefusal>> checkForecasts(QSqlDatabase db,
                                                      const QList<SlotRecord> &slots);

// The doses of one product and week as GET /api/v1/forecasts and the refusals show them:
// {forecast, offered, reserved, available}.
Stored<ForecastWeek> forecastWeek(QSqlDatabase db, const QString &service, const IsoWeek &week);

// 409 forecast_exceeded / no_forecast with {service, week, forecast, offered, reserved,
// requested, available}; field names the first slot of that week (slots[i]).
QHttpServerResponse forecastRefusalAnswer(const ForecastRefusal &refusal);

} // namespace slotdesk

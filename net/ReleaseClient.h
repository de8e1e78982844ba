#pragma once

#include "models/domain/Release.h"
#include "models/rules/ForecastLimit.h"
#include "net/ServiceError.h"

#include <QCoreApplication>
#include <QDate>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace slotdesk {

class ServiceClient;

// The release, forecast and hotline calls of the service, on top of ServiceClient (every call
// returns its future at once, finishing on the UI thread), and their answers read into the
// domain's types with German messages for the refusals staff can act on.
class ReleaseClient {
    Q_DECLARE_TR_FUNCTIONS(ReleaseClient)
public:
    explicit ReleaseClient(ServiceClient &client)
        : m_client(client) {}

    ServiceClient &client() const { return m_client; }

    QFuture<ServiceReply> releases();
    // POST /api/v1/releases with the wizard's key: the same key after a lost answer never
    // publishes twice.
    QFuture<ServiceReply> create(const QJsonObject &body, const QByteArray &idempotencyKey);
    QFuture<ServiceReply> withdraw(const QString &uuid);
    QFuture<ServiceReply> bookings(const QString &uuid);
    QFuture<ServiceReply> bookingsCsv(const QString &uuid); // bytes in ServiceReply::body
    QFuture<ServiceReply> forecasts(const QString &service, const QString &fromWeek,
                                    const QString &toWeek);
    QFuture<ServiceReply> centres();
    QFuture<ServiceReply> availability(qint64 centreId, const QString &service, QDate day);
    QFuture<ServiceReply> hotlineBooking(const QJsonObject &body);

    // The items of GET /api/v1/releases; false with *error when the answer is not one.
    static bool readReleases(const ServiceReply &reply, QList<Release> *releases, QString *error);
    // Service centre id → name, from GET /api/v1/centres.
    static QHash<qint64, QString> readCentreNames(const ServiceReply &reply);
    // The week of GET /api/v1/forecasts for `service` and `week`; no forecast when absent.
    static ForecastWeek readForecast(const ServiceReply &reply, const QString &service,
                                     const QString &week);

    // The message for a failed release, forecast or hotline call: forecast_exceeded with its
    // numbers, no_forecast with week and product, overlaps, age ranges, expired sign-in,
    // unreachable service; else the client's own message.
    static QString message(const ServiceError &error, const QJsonObject &body);

private:
    ServiceClient &m_client;
};

} // namespace slotdesk

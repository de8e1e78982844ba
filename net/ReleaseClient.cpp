#include "net/ReleaseClient.h"

#include "models/domain/ServiceCatalogue.h"
#include "net/ReleaseWire.h"
#include "net/ServiceClient.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

namespace slotdesk {

namespace {

QString releasePath(const QString &uuid, const QString &rest = {}) {
    return QStringLiteral("/api/v1/releases/%1%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(uuid)), rest);
}

} // namespace

QFuture<ServiceReply> ReleaseClient::releases() {
    return m_client.get(QStringLiteral("/api/v1/releases"));
}

QFuture<ServiceReply> ReleaseClient::create(const QJsonObject &body,
                                            const QByteArray &idempotencyKey) {
    return m_client.post(QStringLiteral("/api/v1/releases"), body, idempotencyKey);
}

QFuture<ServiceReply> ReleaseClient::withdraw(const QString &uuid) {
    return m_client.post(releasePath(uuid, QStringLiteral("/withdraw")), QJsonObject{});
}

QFuture<ServiceReply> ReleaseClient::bookings(const QString &uuid) {
    return m_client.get(releasePath(uuid, QStringLiteral("/bookings")));
}

QFuture<ServiceReply> ReleaseClient::bookingsCsv(const QString &uuid) {
    return m_client.getAs(releasePath(uuid, QStringLiteral("/bookings")),
                          QByteArrayLiteral("text/csv"));
}

QFuture<ServiceReply> ReleaseClient::forecasts(const QString &service, const QString &fromWeek,
                                               const QString &toWeek) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("service"), service);
    query.addQueryItem(QStringLiteral("from"), fromWeek);
    query.addQueryItem(QStringLiteral("to"), toWeek);
    return m_client.get(QStringLiteral("/api/v1/forecasts?") + query.toString(QUrl::FullyEncoded));
}

QFuture<ServiceReply> ReleaseClient::centres() {
    return m_client.get(QStringLiteral("/api/v1/centres"));
}

QFuture<ServiceReply> ReleaseClient::availability(qint64 centreId, const QString &service,
                                                  QDate day) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("service"), service);
    query.addQueryItem(QStringLiteral("from"), day.toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("to"), day.toString(Qt::ISODate));
    return m_client.get(QStringLiteral("/api/v1/centres/%1/availability?%2")
                            .arg(centreId)
                            .arg(query.toString(QUrl::FullyEncoded)));
}

QFuture<ServiceReply> ReleaseClient::hotlineBooking(const QJsonObject &body) {
    return m_client.post(QStringLiteral("/api/v1/hotline-bookings"), body);
}

bool ReleaseClient::readReleases(const ServiceReply &reply, QList<Release> *releases,
                                 QString *error) {
    const QJsonValue items = reply.object().value(QStringLiteral("items"));
    if (!items.isArray()) {
        *error = tr("The service's list of releases could not be read.");
        return false;
    }
    releases->clear();
    for (const QJsonValue &item : items.toArray()) {
        Release release;
        QString problem;
        if (!wire::releaseFromJson(item.toObject(), &release, &problem)) {
            *error = tr("The service's list of releases could not be read (%1).").arg(problem);
            return false;
        }
        releases->append(release);
    }
    return true;
}

QHash<qint64, QString> ReleaseClient::readCentreNames(const ServiceReply &reply) {
    QHash<qint64, QString> names;
    for (const QJsonValue &centre : reply.object().value(QStringLiteral("centres")).toArray()) {
        const QJsonObject object = centre.toObject();
        names.insert(object.value(QStringLiteral("id")).toInteger(),
                     object.value(QStringLiteral("name")).toString());
    }
    return names;
}

ForecastWeek ReleaseClient::readForecast(const ServiceReply &reply, const QString &service,
                                         const QString &week) {
    ForecastWeek figures;
    for (const QJsonValue &item : reply.object().value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = item.toObject();
        if (object.value(QStringLiteral("service")).toString() != service ||
            object.value(QStringLiteral("week")).toString() != week)
            continue;
        figures.forecast = object.value(QStringLiteral("doses")).toInt();
        figures.offered = object.value(QStringLiteral("offered")).toInt();
        figures.reserved = object.value(QStringLiteral("reserved")).toInt();
    }
    return figures;
}

QString ReleaseClient::message(const ServiceError &error, const QJsonObject &body) {
    const QLocale locale;
    const QString reason = error.reason;
    const auto number = [&body, &locale](const char *name) {
        return locale.toString(body.value(QLatin1String(name)).toInteger());
    };
    const QString product = serviceDisplayName(body.value(QStringLiteral("service")).toString());
    const QString week = body.value(QStringLiteral("week")).toString();
    if (error.kind == ServiceError::Kind::Unauthorized)
        return tr("Your sign-in has expired. Please sign in again; your entries are kept and "
                  "will be sent again unchanged.");
    if (error.isConnectivity())
        return tr("%1 Your entries are kept; try again when the service can be reached.")
            .arg(error.message);
    if (reason == u"forecast_exceeded")
        return tr("Too many doses of %1 in week %2: forecast %3 − offered %4 − reserved %5 = "
                  "available %6, but this release requests %7. Release fewer places or ask for "
                  "a higher forecast.")
            .arg(product, week, number("forecast"), number("offered"), number("reserved"),
                 number("available"), number("requested"));
    if (reason == u"no_forecast")
        return tr("There is no delivery forecast of %1 for week %2. Enter the forecast first, "
                  "then release.")
            .arg(product, week);
    if (reason == u"release_overlap")
        return tr("Some of these slots are released already (same centre, service and start): "
                  "their places cannot be released twice. Nothing was published.");
    if (reason == u"age_range_empty")
        return tr("The age range excludes everyone: the upper age must not be below the lower "
                  "one.");
    if (reason == u"opens_at_in_past")
        return tr("The opening time lies in the past. Choose a later time or \"now\".");
    if (reason == u"slot_before_opening")
        return tr("Some slots start before the release opens: nobody could book them. Choose an "
                  "earlier opening time or later days.");
    if (reason == u"release_withdrawn")
        return tr("The release was withdrawn already.");
    if (reason == u"slot_full")
        return tr("This slot has no place left. Choose another slot.");
    if (reason == u"release_not_open")
        return tr("The release of this slot is not open yet.");
    if (reason == u"already_booked")
        return tr("This person already has a booking.");
    if (reason == u"not_eligible")
        return tr("The person may not book this release (%1).").arg(error.detail);
    if (reason == u"slot_in_past")
        return tr("This slot has started already. Choose a later slot.");
    return error.message;
}

} // namespace slotdesk

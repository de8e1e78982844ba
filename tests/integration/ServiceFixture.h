#pragma once

#include "models/booking/BookingTypes.h"
#include "models/core/Clock.h"
#include "service/SlotdeskService.h"
#include "service/booking/BookingEngine.h"
#include "tests/support/TestSupport.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <memory>

namespace slotdesk::test {

// A real service on a free loopback port with a temporary database and a FixedClock pinned to
// Monday 2 March 2026, 08:00 Berlin. seed() publishes one centre offering "pcr" with slots on
// Tuesday 3 March from 09:00 every 15 minutes.
class ServiceFixture {
public:
    ServiceFixture()
        : clock(QDateTime(QDate(2026, 3, 2), QTime(8, 0), berlinTimeZone()).toUTC()) {}

    bool start(ServiceConfig config = {}) {
        config.port = 0;
        config.listen = QHostAddress::LocalHost;
        if (config.databasePath == u"slotdesk-service.db")
            config.databasePath = dir.file(QStringLiteral("service.db"));
        config.keyFile = dir.file(QStringLiteral("service.key"));
        service = std::make_unique<SlotdeskService>(config, clock);
        QString error;
        if (!service->start(&error)) {
            qWarning("service did not start: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    void stop() { service.reset(); }

    static qint64 slotStart(int index) {
        return QDateTime(QDate(2026, 3, 3), QTime(9, 0), berlinTimeZone())
            .addSecs(qint64(index) * 900)
            .toSecsSinceEpoch();
    }

    // Returns the slot ids.
    QList<qint64> seed(int slots, int capacity) {
        CentreRecord centre;
        centre.name = QStringLiteral("Testzentrum Mitte");
        centre.postcode = QStringLiteral("10115");
        centre.city = QStringLiteral("Berlin");
        centre.services = {QStringLiteral("pcr")};
        if (service->engine().addCentre(&centre))
            return {};
        centreId = centre.id;
        QList<SlotRecord> records;
        for (int i = 0; i < slots; ++i)
            records.append(
                SlotRecord{0, centre.id, QStringLiteral("pcr"), slotStart(i), 15, capacity, 0});
        if (service->engine().addSlots(&records))
            return {};
        QList<qint64> ids;
        for (const SlotRecord &r : std::as_const(records))
            ids.append(r.id);
        return ids;
    }

    qint64 scalar(const QString &sql) const {
        QSqlQuery query(service->database());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    TempDir dir;
    FixedClock clock;
    std::unique_ptr<SlotdeskService> service;
    qint64 centreId = 0;
};

} // namespace slotdesk::test

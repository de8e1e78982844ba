#pragma once

#include <QList>
#include <QString>

namespace slotdesk {

enum class ServiceKind { RapidAntigenTest, PcrTest, Vaccination };

// A service a centre can offer. The catalogue is fixed data (seeded by migration 0001) because
// products, dose counts and intervals come from the vaccine approvals, not from staff input.
struct ServiceType {
    QString code; // "rapid_antigen", "pcr", "vaccine_comirnaty", ...
    ServiceKind kind;
    QString product; // vaccine product name, empty for tests
    int doses = 1;   // 2 for two-dose vaccines
    int intervalMinDays = 0;
    int intervalMaxDays = 0;
};

const QList<ServiceType> &serviceCatalogue();
const ServiceType *findService(const QString &code);
// Display name, translated (context "Service").
QString serviceDisplayName(const QString &code);

} // namespace slotdesk

#include "models/domain/ServiceCatalogue.h"

#include <QCoreApplication>

namespace slotdesk {

// Mirrors the rows seeded into `services` by migration 0001 (a store test compares both).
const QList<ServiceType> &serviceCatalogue() {
    static const QList<ServiceType> catalogue = {
        {QStringLiteral("rapid_antigen"), ServiceKind::RapidAntigenTest, {}, 1, 0, 0},
        {QStringLiteral("pcr"), ServiceKind::PcrTest, {}, 1, 0, 0},
        {QStringLiteral("vaccine_comirnaty"), ServiceKind::Vaccination,
         QStringLiteral("Comirnaty (BioNTech)"), 2, 21, 42},
        {QStringLiteral("vaccine_spikevax"), ServiceKind::Vaccination,
         QStringLiteral("Spikevax (Moderna)"), 2, 28, 42},
        {QStringLiteral("vaccine_vaxzevria"), ServiceKind::Vaccination,
         QStringLiteral("Vaxzevria (AstraZeneca)"), 2, 28, 84},
        {QStringLiteral("vaccine_jcovden"), ServiceKind::Vaccination,
         QStringLiteral("Jcovden (Janssen)"), 1, 0, 0},
        {QStringLiteral("vaccine_nuvaxovid"), ServiceKind::Vaccination,
         QStringLiteral("Nuvaxovid (Novavax)"), 2, 21, 42},
    };
    return catalogue;
}

const ServiceType *findService(const QString &code) {
    for (const ServiceType &s : serviceCatalogue()) {
        if (s.code == code)
            return &s;
    }
    return nullptr;
}

QString serviceDisplayName(const QString &code) {
    const ServiceType *s = findService(code);
    if (!s)
        return code;
    switch (s->kind) {
    case ServiceKind::RapidAntigenTest:
        return QCoreApplication::translate("Service", "Rapid antigen test");
    case ServiceKind::PcrTest:
        return QCoreApplication::translate("Service", "PCR test");
    case ServiceKind::Vaccination:
        return QCoreApplication::translate("Service", "Vaccination: %1").arg(s->product);
    }
    return code;
}

} // namespace slotdesk

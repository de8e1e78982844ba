#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace slotdesk {

enum class CentreKind { TestCentre, VaccinationCentre };

// Stable text forms used in the database, CSV files and the wire protocol.
QString centreKindToString(CentreKind kind); // "test" | "vaccination"
bool centreKindFromString(const QString &text, CentreKind *kind);

struct Centre {
    qint64 id = 0; // 0 while not stored
    QString uuid;  // stable across console and service; assigned by the store on insert
    QString name;
    QString street;
    QString postcode; // five digits
    QString city;
    CentreKind kind = CentreKind::TestCentre;
    QStringList serviceCodes; // codes from the service catalogue, sorted
    int lanes = 1;
    int capacityPerLane = 1; // persons per lane and slot
    int slotMinutes = 15;
    QString phone;
    bool active = true;
    int revision = 0; // bumped by the store on every update (optimistic locking)

    int capacityPerSlot() const { return lanes * capacityPerLane; }
    friend bool operator==(const Centre &, const Centre &) = default;
};

// Case- and space-folded name; two centres with the same key are duplicates.
QString centreNameKey(const QString &name);

} // namespace slotdesk

Q_DECLARE_METATYPE(slotdesk::Centre)

#pragma once

#include "models/csv/Csv.h"
#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"

#include <QList>
#include <QString>

namespace slotdesk {

// One problem in one row of an import file.
struct RowError {
    int line = 0;    // line in the file
    QString column;  // header name, or empty for the whole row
    QString message; // translated
    friend bool operator==(const RowError &, const RowError &) = default;
};

// centres.csv:
// name;street;postcode;city;kind;services;lanes;capacity_per_lane;slot_minutes;phone;active
// services are codes separated by ',' (or '|'); kind is test|vaccination (German words accepted);
// active is 1/0 (ja/nein accepted).
struct CentreImport {
    QList<Centre> centres; // parsed rows (id 0); the store matches them to stored centres by name
    QList<RowError> errors;
    bool ok() const { return errors.isEmpty(); }
};
CentreImport parseCentresCsv(const CsvTable &table);
QByteArray exportCentresCsv(const QList<Centre> &centres);

// hours.csv: centre;type;day;from;to;label
// type weekly|break: day = weekday (Mo..So / Mon..Sun / 1..7); closure: day = first date,
// `to` = last date (dd.MM.yyyy or yyyy-MM-dd); special: day = date, from/to = HH:mm.
struct HoursImport {
    QList<QString> centreNames; // parallel to hours
    QList<OpeningHours> hours;  // centreId 0; resolved by name when applied
    QList<RowError> errors;
    bool ok() const { return errors.isEmpty(); }
};
HoursImport parseHoursCsv(const CsvTable &table);
QByteArray exportHoursCsv(const QList<Centre> &centres, const QList<OpeningHours> &hours);

} // namespace slotdesk

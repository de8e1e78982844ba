#pragma once

#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"

#include <QDate>
#include <QList>
#include <QString>

namespace slotdesk {

// A problem with one field of a form or one row of a file. `field` names the member
// ("name", "postcode", "weekly[3]", "closures[0]" ...) so a form can show the message next to
// its widget; `message` is translated (context "Validation") and meant for staff.
struct FieldError {
    QString field;
    QString message;
    friend bool operator==(const FieldError &, const FieldError &) = default;
};
using FieldErrors = QList<FieldError>;

// The limits validateCentre() enforces, for forms that bound their inputs the same way.
struct CentreLimits {
    static constexpr int maxNameLength = 120;
    static constexpr int maxLanes = 200;
    // Keeps lanes * capacity * slots per day far below INT_MAX.
    static constexpr int maxCapacityPerLane = 1000;
    static constexpr int minSlotMinutes = 5;
    static constexpr int maxSlotMinutes = 240;
    static constexpr int slotMinutesStep = 5;
    static constexpr int minPhoneDigits = 6;
    static constexpr int maxPhoneLength = 40;
};

// `otherNames` are the names of the other stored centres (for the duplicate check).
FieldErrors validateCentre(const Centre &centre, const QStringList &otherNames);
// `today` is the local date from the Clock: a new closure ending before it is refused; closures
// already in `stored` are history and stay valid when other rows are edited. An invalid `today`
// (QDate()) skips that check, for structural checks of import files.
// Fields: "name", "street", "postcode", "city", "services", "lanes", "capacityPerLane",
// "slotMinutes", "phone"; "weekly[i]", "closures[i]", "specialDays[i]" index the lists.
FieldErrors validateOpeningHours(const OpeningHours &hours, QDate today,
                                 const OpeningHours &stored = {});

} // namespace slotdesk

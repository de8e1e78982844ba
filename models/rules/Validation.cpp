#include "models/rules/Validation.h"

#include "models/domain/ServiceCatalogue.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kMaxNameLength = CentreLimits::maxNameLength;
constexpr int kMaxLanes = CentreLimits::maxLanes;
constexpr int kMaxCapacityPerLane = CentreLimits::maxCapacityPerLane;
constexpr int kMinSlotMinutes = CentreLimits::minSlotMinutes;
constexpr int kMaxSlotMinutes = CentreLimits::maxSlotMinutes;
constexpr int kMinPhoneDigits = CentreLimits::minPhoneDigits;
constexpr int kMaxPhoneLength = CentreLimits::maxPhoneLength;
constexpr int kMinutesPerDay = 24 * 60;

// A named context that lupdate sees, so the .ts entries match what runs.
struct Validation {
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

QString indexed(const char *list, qsizetype index) {
    return QLatin1String(list) % u'[' % QString::number(index) % u']';
}

// 1440 is written 24:00, the end of the day, as staff write it.
QString formatMinute(int minute) {
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QString formatDate(QDate date) {
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

QString weekdayName(int weekday) {
    switch (weekday) {
    case 1:
        return Validation::tr("Monday");
    case 2:
        return Validation::tr("Tuesday");
    case 3:
        return Validation::tr("Wednesday");
    case 4:
        return Validation::tr("Thursday");
    case 5:
        return Validation::tr("Friday");
    case 6:
        return Validation::tr("Saturday");
    case 7:
        return Validation::tr("Sunday");
    }
    return QString::number(weekday);
}

bool overlaps(const TimeRange &a, const TimeRange &b) {
    return a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

bool contains(const TimeRange &outer, const TimeRange &inner) {
    return outer.startMinute <= inner.startMinute && inner.endMinute <= outer.endMinute;
}

bool overlaps(const Closure &a, const Closure &b) {
    return a.first <= b.last && b.first <= a.last;
}

// Empty when the range is a valid interval of one day.
QString rangeProblem(const TimeRange &range) {
    if (range.startMinute < 0 || range.startMinute > kMinutesPerDay || range.endMinute < 0 ||
        range.endMinute > kMinutesPerDay)
        return Validation::tr("Times must lie between 00:00 and 24:00.");
    if (range.endMinute <= range.startMinute)
        return Validation::tr("The end time must be after the start time.");
    return {};
}

QString nameProblem(const Centre &centre, const QStringList &otherNames) {
    const QString name = centre.name.trimmed();
    if (name.isEmpty())
        return Validation::tr("Please enter a name for the centre.");
    if (name.size() > kMaxNameLength)
        return Validation::tr("The name must not be longer than %1 characters.")
            .arg(kMaxNameLength);
    const QString key = centreNameKey(name);
    for (const QString &other : otherNames) {
        if (centreNameKey(other) == key)
            return Validation::tr("A centre named \"%1\" already exists.").arg(other.simplified());
    }
    return {};
}

bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

QString postcodeProblem(const QString &postcode) {
    const bool ok = postcode.size() == 5 && std::all_of(postcode.cbegin(), postcode.cend(),
                                                        [](QChar c) { return isAsciiDigit(c); });
    return ok ? QString() : Validation::tr("The postcode must consist of exactly five digits.");
}

QString servicesProblem(const Centre &centre) {
    if (centre.serviceCodes.isEmpty())
        return Validation::tr("Please choose at least one service.");
    QSet<QString> seen;
    for (const QString &code : centre.serviceCodes) {
        const ServiceType *service = findService(code);
        if (!service)
            return Validation::tr("\"%1\" is not a known service.").arg(code);
        if (seen.contains(code))
            return Validation::tr("The service \"%1\" is listed twice.")
                .arg(serviceDisplayName(code));
        seen.insert(code);
        const bool vaccination = service->kind == ServiceKind::Vaccination;
        if (centre.kind == CentreKind::TestCentre && vaccination)
            return Validation::tr(
                       "A test centre cannot offer vaccinations (%1). Remove the service or "
                       "make the centre a vaccination centre.")
                .arg(serviceDisplayName(code));
        if (centre.kind == CentreKind::VaccinationCentre && !vaccination)
            return Validation::tr(
                       "A vaccination centre cannot offer tests (%1). Remove the service or "
                       "make the centre a test centre.")
                .arg(serviceDisplayName(code));
    }
    return {};
}

QString phoneProblem(const QString &phone) {
    if (phone.trimmed().isEmpty())
        return {};
    if (phone.size() > kMaxPhoneLength)
        return Validation::tr("The phone number must not be longer than %1 characters.")
            .arg(kMaxPhoneLength);
    int digits = 0;
    for (QChar c : phone) {
        if (isAsciiDigit(c)) {
            ++digits;
            continue;
        }
        if (c != u' ' && c != u'+' && c != u'/' && c != u'-' && c != u'(' && c != u')')
            return Validation::tr(
                "The phone number may only contain digits, spaces and the characters "
                "+ / - ( ).");
    }
    if (digits < kMinPhoneDigits)
        return Validation::tr("The phone number must contain at least %1 digits.")
            .arg(kMinPhoneDigits);
    return {};
}

void add(FieldErrors *errors, const QString &field, const QString &message) {
    if (!message.isEmpty())
        errors->append({field, message});
}

bool isValidWeekly(const WeeklyInterval &w) {
    return w.weekday >= 1 && w.weekday <= 7 && rangeProblem(w.range).isEmpty();
}

void validateWeekly(const QList<WeeklyInterval> &weekly, FieldErrors *errors) {
    for (qsizetype i = 0; i < weekly.size(); ++i) {
        const WeeklyInterval &w = weekly.at(i);
        const QString field = indexed("weekly", i);
        if (w.weekday < 1 || w.weekday > 7) {
            add(errors, field,
                Validation::tr("The weekday must be between 1 (Monday) and 7 (Sunday)."));
            continue;
        }
        const QString problem = rangeProblem(w.range);
        if (!problem.isEmpty()) {
            add(errors, field, problem);
            continue;
        }
        // Each later row is compared with the earlier ones, so a conflict is reported once,
        // on the row that introduced it.
        QString conflict;
        for (qsizetype j = 0; j < i && conflict.isEmpty(); ++j) {
            const WeeklyInterval &o = weekly.at(j);
            if (!isValidWeekly(o) || o.weekday != w.weekday || o.isBreak != w.isBreak ||
                !overlaps(o.range, w.range))
                continue;
            conflict =
                w.isBreak
                    ? Validation::tr("The break from %1 to %2 overlaps with the break from %3 "
                                     "to %4 on %5.")
                    : Validation::tr("The opening hours from %1 to %2 overlap with the opening "
                                     "hours from %3 to %4 on %5.");
            conflict =
                conflict.arg(formatMinute(w.range.startMinute), formatMinute(w.range.endMinute),
                             formatMinute(o.range.startMinute), formatMinute(o.range.endMinute),
                             weekdayName(w.weekday));
        }
        if (conflict.isEmpty() && w.isBreak) {
            const bool inside = std::any_of(weekly.cbegin(), weekly.cend(), [&](const auto &o) {
                return !o.isBreak && o.weekday == w.weekday && isValidWeekly(o) &&
                       contains(o.range, w.range);
            });
            if (!inside)
                conflict =
                    Validation::tr("The break from %1 to %2 on %3 does not lie within the opening "
                                   "hours of that day.")
                        .arg(formatMinute(w.range.startMinute), formatMinute(w.range.endMinute),
                             weekdayName(w.weekday));
        }
        add(errors, field, conflict);
    }
}

bool isStored(const Closure &closure, const OpeningHours &stored) {
    return std::any_of(stored.closures.cbegin(), stored.closures.cend(), [&](const Closure &s) {
        return s.first == closure.first && s.last == closure.last;
    });
}

bool isValidClosure(const Closure &c) {
    return c.first.isValid() && c.last.isValid() && c.first <= c.last;
}

void validateClosures(const QList<Closure> &closures, QDate today, const OpeningHours &stored,
                      FieldErrors *errors) {
    for (qsizetype i = 0; i < closures.size(); ++i) {
        const Closure &c = closures.at(i);
        const QString field = indexed("closures", i);
        if (!c.first.isValid() || !c.last.isValid()) {
            add(errors, field,
                Validation::tr("Please enter a valid first and last day for the closure."));
            continue;
        }
        if (c.last < c.first) {
            add(errors, field,
                Validation::tr(
                    "The last day of a closure (%1) must not be before its first day (%2).")
                    .arg(formatDate(c.last), formatDate(c.first)));
            continue;
        }
        if (today.isValid() && c.last < today && !isStored(c, stored)) {
            add(errors, field, Validation::tr("A closure cannot lie in the past."));
            continue;
        }
        for (qsizetype j = 0; j < i; ++j) {
            const Closure &o = closures.at(j);
            if (isValidClosure(o) && overlaps(o, c)) {
                add(errors, field,
                    Validation::tr(
                        "The closure from %1 to %2 overlaps with the closure from %3 to %4.")
                        .arg(formatDate(c.first), formatDate(c.last), formatDate(o.first),
                             formatDate(o.last)));
                break;
            }
        }
    }
}

QString specialDayProblem(const SpecialDay &day) {
    if (!day.date.isValid())
        return Validation::tr("Please enter a valid date for the special day.");
    if (day.open.isEmpty())
        return Validation::tr(
                   "The special day %1 needs at least one opening interval; enter a closure for "
                   "a day without opening hours.")
            .arg(formatDate(day.date));
    for (qsizetype i = 0; i < day.open.size(); ++i) {
        const TimeRange &r = day.open.at(i);
        const QString problem = rangeProblem(r);
        if (!problem.isEmpty())
            return problem;
        for (qsizetype j = 0; j < i; ++j) {
            const TimeRange &o = day.open.at(j);
            if (overlaps(o, r))
                return Validation::tr(
                           "The opening hours from %1 to %2 overlap with the opening hours from %3 "
                           "to %4 on %5.")
                    .arg(formatMinute(r.startMinute), formatMinute(r.endMinute),
                         formatMinute(o.startMinute), formatMinute(o.endMinute),
                         formatDate(day.date));
        }
    }
    return {};
}

void validateSpecialDays(const QList<SpecialDay> &days, FieldErrors *errors) {
    for (qsizetype i = 0; i < days.size(); ++i) {
        const SpecialDay &day = days.at(i);
        QString problem = specialDayProblem(day);
        for (qsizetype j = 0; j < i && problem.isEmpty(); ++j) {
            if (days.at(j).date == day.date)
                problem = Validation::tr("There is already a special day on %1.")
                              .arg(formatDate(day.date));
        }
        add(errors, indexed("specialDays", i), problem);
    }
}

} // namespace

FieldErrors validateCentre(const Centre &centre, const QStringList &otherNames) {
    FieldErrors errors;
    add(&errors, QStringLiteral("name"), nameProblem(centre, otherNames));
    if (centre.street.trimmed().isEmpty())
        add(&errors, QStringLiteral("street"),
            Validation::tr("Please enter the street and house number."));
    add(&errors, QStringLiteral("postcode"), postcodeProblem(centre.postcode));
    if (centre.city.trimmed().isEmpty())
        add(&errors, QStringLiteral("city"), Validation::tr("Please enter the city."));
    add(&errors, QStringLiteral("services"), servicesProblem(centre));
    if (centre.lanes < 1 || centre.lanes > kMaxLanes)
        add(&errors, QStringLiteral("lanes"),
            Validation::tr("The number of lanes must be between 1 and %1.").arg(kMaxLanes));
    if (centre.capacityPerLane < 1)
        add(&errors, QStringLiteral("capacityPerLane"),
            Validation::tr("Capacity must be at least 1 person per lane and slot."));
    else if (centre.capacityPerLane > kMaxCapacityPerLane)
        add(&errors, QStringLiteral("capacityPerLane"),
            Validation::tr("Capacity must not exceed %1 persons per lane and slot.")
                .arg(kMaxCapacityPerLane));
    if (centre.slotMinutes < kMinSlotMinutes || centre.slotMinutes > kMaxSlotMinutes ||
        centre.slotMinutes % CentreLimits::slotMinutesStep != 0)
        add(&errors, QStringLiteral("slotMinutes"),
            Validation::tr(
                "The slot length must be between %1 and %2 minutes and a multiple of 5 minutes.")
                .arg(kMinSlotMinutes)
                .arg(kMaxSlotMinutes));
    add(&errors, QStringLiteral("phone"), phoneProblem(centre.phone));
    return errors;
}

FieldErrors validateOpeningHours(const OpeningHours &hours, QDate today,
                                 const OpeningHours &stored) {
    FieldErrors errors;
    validateWeekly(hours.weekly, &errors);
    validateClosures(hours.closures, today, stored, &errors);
    validateSpecialDays(hours.specialDays, &errors);
    return errors;
}

} // namespace slotdesk

#include "net/WireFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace slotdesk::wire {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("WireFormat", text);
}

// Wall-clock minutes as "HH:MM"; 1440 is "24:00" (an interval may end at midnight).
QString minuteText(int minute) {
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

bool minuteFromText(const QJsonValue &value, int *minute) {
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.size() != 5 || text.at(2) != u':')
        return false;
    bool okHours = false;
    bool okMinutes = false;
    const int hours = text.left(2).toInt(&okHours);
    const int minutes = text.mid(3, 2).toInt(&okMinutes);
    if (!okHours || !okMinutes || hours < 0 || minutes < 0 || minutes > 59)
        return false;
    const int total = hours * 60 + minutes;
    if (total > 1440)
        return false;
    *minute = total;
    return true;
}

QString dateText(QDate date) {
    return date.toString(Qt::ISODate);
}

bool dateFromText(const QJsonValue &value, QDate *date) {
    if (!value.isString())
        return false;
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    if (!parsed.isValid() || value.toString().size() != 10)
        return false;
    *date = parsed;
    return true;
}

// Rejects members that are not in `allowed`: a typo must not silently become a default.
bool onlyKnownKeys(const QJsonObject &json, const QSet<QString> &allowed, const QString &where,
                   QString *error) {
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = tr("Unknown field \"%1\".").arg(where + it.key());
            return false;
        }
    }
    return true;
}

bool requireString(const QJsonObject &json, const QString &key, const QString &where, QString *out,
                   QString *error, bool optional = false) {
    const QJsonValue value = json.value(key);
    if (value.isUndefined() && optional)
        return true;
    if (!value.isString()) {
        *error = tr("Field \"%1\" must be a string.").arg(where + key);
        return false;
    }
    *out = value.toString();
    return true;
}

bool requireInt(const QJsonObject &json, const QString &key, const QString &where, int *out,
                QString *error, bool optional = false) {
    const QJsonValue value = json.value(key);
    if (value.isUndefined() && optional)
        return true;
    const double number = value.toDouble();
    if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number)) ||
        number < -2147483648.0 || number > 2147483647.0) {
        *error = tr("Field \"%1\" must be an integer.").arg(where + key);
        return false;
    }
    *out = static_cast<int>(number);
    return true;
}

bool requireArray(const QJsonObject &json, const QString &key, const QString &where,
                  QJsonArray *out, QString *error, bool optional = false) {
    const QJsonValue value = json.value(key);
    if (value.isUndefined() && optional)
        return true;
    if (!value.isArray()) {
        *error = tr("Field \"%1\" must be an array.").arg(where + key);
        return false;
    }
    *out = value.toArray();
    return true;
}

bool requireObject(const QJsonValue &value, const QString &where, QJsonObject *out,
                   QString *error) {
    if (!value.isObject()) {
        *error = tr("Field \"%1\" must be an object.").arg(where);
        return false;
    }
    *out = value.toObject();
    return true;
}

bool requireMinute(const QJsonObject &json, const QString &key, const QString &where, int *out,
                   QString *error) {
    if (!minuteFromText(json.value(key), out)) {
        *error =
            tr("Field \"%1\" must be a time \"HH:MM\" between 00:00 and 24:00.").arg(where + key);
        return false;
    }
    return true;
}

bool requireDate(const QJsonObject &json, const QString &key, const QString &where, QDate *out,
                 QString *error) {
    if (!dateFromText(json.value(key), out)) {
        *error = tr("Field \"%1\" must be a date \"YYYY-MM-DD\".").arg(where + key);
        return false;
    }
    return true;
}

QJsonObject rangeToJson(const TimeRange &range) {
    return {{QStringLiteral("start"), minuteText(range.startMinute)},
            {QStringLiteral("end"), minuteText(range.endMinute)}};
}

bool rangeFromJson(const QJsonObject &json, const QString &where, TimeRange *range,
                   QString *error) {
    return requireMinute(json, QStringLiteral("start"), where, &range->startMinute, error) &&
           requireMinute(json, QStringLiteral("end"), where, &range->endMinute, error);
}

} // namespace

QJsonObject toJson(const Centre &centre) {
    return {
        {QStringLiteral("uuid"), centre.uuid},
        {QStringLiteral("name"), centre.name},
        {QStringLiteral("street"), centre.street},
        {QStringLiteral("postcode"), centre.postcode},
        {QStringLiteral("city"), centre.city},
        {QStringLiteral("kind"), centreKindToString(centre.kind)},
        {QStringLiteral("services"), QJsonArray::fromStringList(centre.serviceCodes)},
        {QStringLiteral("lanes"), centre.lanes},
        {QStringLiteral("capacity_per_lane"), centre.capacityPerLane},
        {QStringLiteral("slot_minutes"), centre.slotMinutes},
        {QStringLiteral("phone"), centre.phone},
        {QStringLiteral("active"), centre.active},
        {QStringLiteral("revision"), centre.revision},
    };
}

bool fromJson(const QJsonObject &json, Centre *centre, QString *error) {
    static const QSet<QString> keys{QStringLiteral("uuid"),
                                    QStringLiteral("name"),
                                    QStringLiteral("street"),
                                    QStringLiteral("postcode"),
                                    QStringLiteral("city"),
                                    QStringLiteral("kind"),
                                    QStringLiteral("services"),
                                    QStringLiteral("lanes"),
                                    QStringLiteral("capacity_per_lane"),
                                    QStringLiteral("slot_minutes"),
                                    QStringLiteral("phone"),
                                    QStringLiteral("active"),
                                    QStringLiteral("revision")};
    const QString where;
    Centre c;
    if (!onlyKnownKeys(json, keys, where, error) ||
        !requireString(json, QStringLiteral("uuid"), where, &c.uuid, error, true) ||
        !requireString(json, QStringLiteral("name"), where, &c.name, error) ||
        !requireString(json, QStringLiteral("street"), where, &c.street, error, true) ||
        !requireString(json, QStringLiteral("postcode"), where, &c.postcode, error) ||
        !requireString(json, QStringLiteral("city"), where, &c.city, error, true) ||
        !requireString(json, QStringLiteral("phone"), where, &c.phone, error, true) ||
        !requireInt(json, QStringLiteral("lanes"), where, &c.lanes, error) ||
        !requireInt(json, QStringLiteral("capacity_per_lane"), where, &c.capacityPerLane, error) ||
        !requireInt(json, QStringLiteral("slot_minutes"), where, &c.slotMinutes, error) ||
        !requireInt(json, QStringLiteral("revision"), where, &c.revision, error, true))
        return false;

    QString kind;
    if (!requireString(json, QStringLiteral("kind"), where, &kind, error))
        return false;
    // Only the wire spellings: the German aliases belong to CSV files typed by people.
    if (kind == u"test")
        c.kind = CentreKind::TestCentre;
    else if (kind == u"vaccination")
        c.kind = CentreKind::VaccinationCentre;
    else {
        *error = tr("Field \"kind\" must be \"test\" or \"vaccination\".");
        return false;
    }

    QJsonArray services;
    if (!requireArray(json, QStringLiteral("services"), where, &services, error))
        return false;
    for (qsizetype i = 0; i < services.size(); ++i) {
        if (!services.at(i).isString()) {
            *error = tr("Field \"services[%1]\" must be a string.").arg(i);
            return false;
        }
        c.serviceCodes.append(services.at(i).toString());
    }
    c.serviceCodes.sort();

    const QJsonValue active = json.value(QStringLiteral("active"));
    if (!active.isUndefined()) {
        if (!active.isBool()) {
            *error = tr("Field \"active\" must be true or false.");
            return false;
        }
        c.active = active.toBool();
    }
    c.id = centre->id; // local row id, never on the wire
    *centre = std::move(c);
    return true;
}

QJsonObject toJson(const OpeningHours &hours) {
    QJsonArray weekly;
    for (const WeeklyInterval &interval : hours.weekly) {
        QJsonObject row = rangeToJson(interval.range);
        row.insert(QStringLiteral("weekday"), interval.weekday);
        row.insert(QStringLiteral("break"), interval.isBreak);
        weekly.append(row);
    }
    QJsonArray closures;
    for (const Closure &closure : hours.closures) {
        closures.append(QJsonObject{{QStringLiteral("first"), dateText(closure.first)},
                                    {QStringLiteral("last"), dateText(closure.last)},
                                    {QStringLiteral("reason"), closure.reason}});
    }
    QJsonArray specialDays;
    for (const SpecialDay &day : hours.specialDays) {
        QJsonArray open;
        for (const TimeRange &range : day.open)
            open.append(rangeToJson(range));
        specialDays.append(QJsonObject{{QStringLiteral("date"), dateText(day.date)},
                                       {QStringLiteral("label"), day.label},
                                       {QStringLiteral("open"), open}});
    }
    return {{QStringLiteral("weekly"), weekly},
            {QStringLiteral("closures"), closures},
            {QStringLiteral("special_days"), specialDays}};
}

bool fromJson(const QJsonObject &json, OpeningHours *hours, QString *error) {
    static const QSet<QString> keys{QStringLiteral("weekly"), QStringLiteral("closures"),
                                    QStringLiteral("special_days")};
    static const QSet<QString> weeklyKeys{QStringLiteral("weekday"), QStringLiteral("start"),
                                          QStringLiteral("end"), QStringLiteral("break")};
    static const QSet<QString> closureKeys{QStringLiteral("first"), QStringLiteral("last"),
                                           QStringLiteral("reason")};
    static const QSet<QString> specialKeys{QStringLiteral("date"), QStringLiteral("label"),
                                           QStringLiteral("open")};
    static const QSet<QString> rangeKeys{QStringLiteral("start"), QStringLiteral("end")};

    OpeningHours result;
    result.centreId = hours->centreId;
    QJsonArray weekly;
    QJsonArray closures;
    QJsonArray specialDays;
    if (!onlyKnownKeys(json, keys, QString(), error) ||
        !requireArray(json, QStringLiteral("weekly"), QString(), &weekly, error) ||
        !requireArray(json, QStringLiteral("closures"), QString(), &closures, error, true) ||
        !requireArray(json, QStringLiteral("special_days"), QString(), &specialDays, error, true))
        return false;

    for (qsizetype i = 0; i < weekly.size(); ++i) {
        const QString where = QStringLiteral("weekly[%1].").arg(i);
        QJsonObject row;
        WeeklyInterval interval;
        if (!requireObject(weekly.at(i), where.chopped(1), &row, error) ||
            !onlyKnownKeys(row, weeklyKeys, where, error) ||
            !requireInt(row, QStringLiteral("weekday"), where, &interval.weekday, error) ||
            !rangeFromJson(row, where, &interval.range, error))
            return false;
        if (interval.weekday < 1 || interval.weekday > 7) {
            *error =
                tr("Field \"%1weekday\" must be between 1 (Monday) and 7 (Sunday).").arg(where);
            return false;
        }
        const QJsonValue isBreak = row.value(QStringLiteral("break"));
        if (!isBreak.isUndefined() && !isBreak.isBool()) {
            *error = tr("Field \"%1break\" must be true or false.").arg(where);
            return false;
        }
        interval.isBreak = isBreak.toBool(false);
        result.weekly.append(interval);
    }

    for (qsizetype i = 0; i < closures.size(); ++i) {
        const QString where = QStringLiteral("closures[%1].").arg(i);
        QJsonObject row;
        Closure closure;
        if (!requireObject(closures.at(i), where.chopped(1), &row, error) ||
            !onlyKnownKeys(row, closureKeys, where, error) ||
            !requireDate(row, QStringLiteral("first"), where, &closure.first, error) ||
            !requireDate(row, QStringLiteral("last"), where, &closure.last, error) ||
            !requireString(row, QStringLiteral("reason"), where, &closure.reason, error, true))
            return false;
        result.closures.append(closure);
    }

    for (qsizetype i = 0; i < specialDays.size(); ++i) {
        const QString where = QStringLiteral("special_days[%1].").arg(i);
        QJsonObject row;
        SpecialDay day;
        QJsonArray open;
        if (!requireObject(specialDays.at(i), where.chopped(1), &row, error) ||
            !onlyKnownKeys(row, specialKeys, where, error) ||
            !requireDate(row, QStringLiteral("date"), where, &day.date, error) ||
            !requireString(row, QStringLiteral("label"), where, &day.label, error, true) ||
            !requireArray(row, QStringLiteral("open"), where, &open, error))
            return false;
        for (qsizetype j = 0; j < open.size(); ++j) {
            const QString rangeWhere = where % QStringLiteral("open[%1].").arg(j);
            QJsonObject rangeJson;
            TimeRange range;
            if (!requireObject(open.at(j), rangeWhere.chopped(1), &rangeJson, error) ||
                !onlyKnownKeys(rangeJson, rangeKeys, rangeWhere, error) ||
                !rangeFromJson(rangeJson, rangeWhere, &range, error))
                return false;
            day.open.append(range);
        }
        result.specialDays.append(day);
    }
    *hours = std::move(result);
    return true;
}

} // namespace slotdesk::wire

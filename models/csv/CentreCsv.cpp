#include "models/csv/CentreCsv.h"

#include "models/domain/ServiceCatalogue.h"
#include "models/rules/Validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kHeaderLine = 1;

// A named context that lupdate sees, so the .ts entries match what runs.
struct CentreCsv {
    Q_DECLARE_TR_FUNCTIONS(CentreCsv)
};

struct ColumnSpec {
    QString name; // English name, used in exports and in messages about missing columns
    QStringList aliases;
    bool required = true;
};

// "Straße", "slot minuten", "Kapazität" -> "strasse", "slot_minuten", "kapazitaet"
QString normalisedHeader(const QString &header) {
    QString h = header.trimmed().toLower();
    h.replace(u'ß', QStringLiteral("ss"));
    h.replace(u'ä', QStringLiteral("ae"));
    h.replace(u'ö', QStringLiteral("oe"));
    h.replace(u'ü', QStringLiteral("ue"));
    h.replace(u' ', u'_');
    h.replace(u'-', u'_');
    return h;
}

// Finds each spec'd column in the header. Column i of the result is the header index of
// specs[i], or -1 when an optional column is absent.
struct Columns {
    QList<int> index;
    QStringList headerText; // as written in the file, for messages
    QList<RowError> errors;

    int of(int spec) const { return index.at(spec); }
    QString name(int spec) const { return headerText.at(spec); }
};

Columns findColumns(const QStringList &header, const QList<ColumnSpec> &specs) {
    Columns columns;
    QStringList missing;
    for (const ColumnSpec &spec : specs) {
        int found = -1;
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString h = normalisedHeader(header.at(i));
            if (h != spec.name && !spec.aliases.contains(h))
                continue;
            if (found >= 0) {
                columns.errors.append(
                    {kHeaderLine, header.at(i).trimmed(),
                     CentreCsv::tr("The column \"%1\" appears twice in the header.")
                         .arg(spec.name)});
                break;
            }
            found = int(i);
        }
        if (found < 0 && spec.required)
            missing.append(spec.name);
        columns.index.append(found);
        columns.headerText.append(found >= 0 ? header.at(found).trimmed() : spec.name);
    }
    if (!missing.isEmpty())
        columns.errors.prepend({kHeaderLine, missing.join(QStringLiteral(", ")),
                                CentreCsv::tr("The header line lacks the required columns: %1.")
                                    .arg(missing.join(QStringLiteral(", ")))});
    return columns;
}

// Reads one row against the found columns.
class Row {
public:
    Row(const QStringList &fields, int line, const Columns &columns)
        : m_fields(fields)
        , m_line(line)
        , m_columns(columns) {}

    int line() const { return m_line; }
    bool has(int spec) const { return m_columns.of(spec) >= 0; }
    QString text(int spec) const {
        return has(spec) ? m_fields.at(m_columns.of(spec)).trimmed() : QString();
    }
    // Free text that an export may have protected against formula injection.
    QString freeText(int spec) const { return unprotectFormula(text(spec)); }

    void error(int spec, const QString &message) {
        m_errors.append({m_line, m_columns.name(spec), message});
    }
    void rowError(const QString &message) { m_errors.append({m_line, {}, message}); }
    const QList<RowError> &errors() const { return m_errors; }

    int number(int spec, bool *ok) {
        const QString t = text(spec);
        bool valid = false;
        const int value = t.toInt(&valid);
        if (!valid) {
            error(spec, CentreCsv::tr("\"%1\" is not a whole number.").arg(t));
            *ok = false;
        }
        return value;
    }

private:
    const QStringList &m_fields;
    int m_line;
    const Columns &m_columns;
    QList<RowError> m_errors;
};

// The structural checks every row shares; false when the row is to be skipped.
bool checkShape(const QStringList &fields, int headerSize, int line, QList<RowError> *errors) {
    const bool blank = std::all_of(fields.cbegin(), fields.cend(),
                                   [](const QString &f) { return f.trimmed().isEmpty(); });
    if (blank)
        return false; // spreadsheets write ";;;;" for empty rows
    if (fields.size() != headerSize) {
        errors->append({line,
                        {},
                        CentreCsv::tr("The row has %1 fields, but the header has %2.")
                            .arg(fields.size())
                            .arg(headerSize)});
        return false;
    }
    return true;
}

// centres.csv

enum CentreColumn {
    CName,
    CStreet,
    CPostcode,
    CCity,
    CKind,
    CServices,
    CLanes,
    CCapacity,
    CSlotMinutes,
    CPhone,
    CActive
};

const QList<ColumnSpec> &centreColumns() {
    static const QList<ColumnSpec> specs = {
        {QStringLiteral("name"), {QStringLiteral("bezeichnung")}, true},
        {QStringLiteral("street"), {QStringLiteral("strasse"), QStringLiteral("str.")}, true},
        {QStringLiteral("postcode"), {QStringLiteral("plz"), QStringLiteral("postleitzahl")}, true},
        {QStringLiteral("city"), {QStringLiteral("ort"), QStringLiteral("stadt")}, true},
        {QStringLiteral("kind"), {QStringLiteral("art"), QStringLiteral("typ")}, true},
        {QStringLiteral("services"), {QStringLiteral("leistungen")}, true},
        {QStringLiteral("lanes"), {QStringLiteral("spuren")}, true},
        {QStringLiteral("capacity_per_lane"),
         {QStringLiteral("kapazitaet"), QStringLiteral("kapazitaet_pro_spur")},
         true},
        {QStringLiteral("slot_minutes"), {QStringLiteral("slot_minuten")}, true},
        {QStringLiteral("phone"), {QStringLiteral("telefon")}, false},
        {QStringLiteral("active"), {QStringLiteral("aktiv")}, false},
    };
    return specs;
}

bool parseActive(const QString &text, bool *active) {
    const QString t = text.toLower();
    if (t.isEmpty() || t == u"1" || t == u"ja" || t == u"yes" || t == u"true" || t == u"x") {
        *active = true;
        return true;
    }
    if (t == u"0" || t == u"nein" || t == u"no" || t == u"false") {
        *active = false;
        return true;
    }
    return false;
}

QString columnForField(const QString &field, const Columns &columns) {
    static const QHash<QString, int> map = {
        {QStringLiteral("name"), CName},
        {QStringLiteral("street"), CStreet},
        {QStringLiteral("postcode"), CPostcode},
        {QStringLiteral("city"), CCity},
        {QStringLiteral("services"), CServices},
        {QStringLiteral("lanes"), CLanes},
        {QStringLiteral("capacityPerLane"), CCapacity},
        {QStringLiteral("slotMinutes"), CSlotMinutes},
        {QStringLiteral("phone"), CPhone},
    };
    const auto it = map.constFind(field);
    return it == map.cend() ? QString() : columns.name(*it);
}

bool readCentre(Row &row, Centre *centre) {
    bool ok = true;
    centre->name = row.freeText(CName);
    centre->street = row.freeText(CStreet);
    centre->postcode = row.text(CPostcode);
    centre->city = row.freeText(CCity);
    centre->phone = row.freeText(CPhone);
    if (!centreKindFromString(row.text(CKind), &centre->kind)) {
        row.error(CKind,
                  CentreCsv::tr("\"%1\" is not a centre type; use \"test\" or \"vaccination\".")
                      .arg(row.text(CKind)));
        ok = false;
    }
    centre->serviceCodes.clear();
    static const QRegularExpression listSeparator(QStringLiteral("[,|]"));
    const QStringList codes = row.text(CServices).split(listSeparator, Qt::SkipEmptyParts);
    for (const QString &raw : codes) {
        const QString code = raw.trimmed().toLower();
        if (code.isEmpty())
            continue;
        if (!findService(code)) {
            row.error(CServices,
                      CentreCsv::tr("\"%1\" is not a known service.").arg(raw.trimmed()));
            ok = false;
        }
        centre->serviceCodes.append(code);
    }
    centre->serviceCodes.sort();
    centre->lanes = row.number(CLanes, &ok);
    centre->capacityPerLane = row.number(CCapacity, &ok);
    centre->slotMinutes = row.number(CSlotMinutes, &ok);
    if (!parseActive(row.text(CActive), &centre->active)) {
        row.error(CActive, CentreCsv::tr("\"%1\" is not a valid value for active; use 1 or 0.")
                               .arg(row.text(CActive)));
        ok = false;
    }
    return ok;
}

// hours.csv

enum HoursColumn { HCentre, HType, HDay, HFrom, HTo, HLabel };

const QList<ColumnSpec> &hoursColumns() {
    static const QList<ColumnSpec> specs = {
        {QStringLiteral("centre"),
         {QStringLiteral("center"), QStringLiteral("zentrum"), QStringLiteral("name")},
         true},
        {QStringLiteral("type"), {QStringLiteral("typ"), QStringLiteral("art")}, true},
        {QStringLiteral("day"), {QStringLiteral("tag"), QStringLiteral("datum")}, true},
        {QStringLiteral("from"), {QStringLiteral("von")}, true},
        {QStringLiteral("to"), {QStringLiteral("bis")}, true},
        {QStringLiteral("label"),
         {QStringLiteral("bezeichnung"), QStringLiteral("grund"), QStringLiteral("reason")},
         false},
    };
    return specs;
}

enum class HoursType { Weekly, Break, Closure, Special };

bool parseHoursType(const QString &text, HoursType *type) {
    const QString t = normalisedHeader(text);
    if (t == u"weekly" || t == u"open" || t == u"woechentlich" || t == u"offen") {
        *type = HoursType::Weekly;
    } else if (t == u"break" || t == u"pause") {
        *type = HoursType::Break;
    } else if (t == u"closure" || t == u"closed" || t == u"schliessung" || t == u"geschlossen") {
        *type = HoursType::Closure;
    } else if (t == u"special" || t == u"sondertag" || t == u"sonderoeffnung") {
        *type = HoursType::Special;
    } else {
        return false;
    }
    return true;
}

QString typeToString(HoursType type) {
    switch (type) {
    case HoursType::Weekly:
        return QStringLiteral("weekly");
    case HoursType::Break:
        return QStringLiteral("break");
    case HoursType::Closure:
        return QStringLiteral("closure");
    case HoursType::Special:
        return QStringLiteral("special");
    }
    return {};
}

const QStringList &englishWeekdays() {
    static const QStringList days = {
        QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
        QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")};
    return days;
}

int parseWeekday(const QString &text) {
    static const QList<QStringList> names = {
        {QStringLiteral("mo"), QStringLiteral("mon"), QStringLiteral("montag"),
         QStringLiteral("monday")},
        {QStringLiteral("di"), QStringLiteral("tue"), QStringLiteral("dienstag"),
         QStringLiteral("tuesday")},
        {QStringLiteral("mi"), QStringLiteral("wed"), QStringLiteral("mittwoch"),
         QStringLiteral("wednesday")},
        {QStringLiteral("do"), QStringLiteral("thu"), QStringLiteral("donnerstag"),
         QStringLiteral("thursday")},
        {QStringLiteral("fr"), QStringLiteral("fri"), QStringLiteral("freitag"),
         QStringLiteral("friday")},
        {QStringLiteral("sa"), QStringLiteral("sat"), QStringLiteral("samstag"),
         QStringLiteral("sonnabend"), QStringLiteral("saturday")},
        {QStringLiteral("so"), QStringLiteral("sun"), QStringLiteral("sonntag"),
         QStringLiteral("sunday")},
    };
    QString t = text.trimmed().toLower();
    if (t.endsWith(u'.'))
        t.chop(1);
    for (int day = 1; day <= 7; ++day) {
        if (t == QString::number(day) || names.at(day - 1).contains(t))
            return day;
    }
    return 0;
}

// HH:mm or H:mm; 24:00 only where `endOfDay` allows it. Returns minutes or -1.
int parseTime(const QString &text, bool endOfDay) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const int hours = m.captured(1).toInt();
    const int minutes = m.captured(2).toInt();
    if (hours == 24 && minutes == 0)
        return endOfDay ? 24 * 60 : -1;
    if (hours > 23 || minutes > 59)
        return -1;
    return hours * 60 + minutes;
}

QDate parseDate(const QString &text) {
    const QString t = text.trimmed();
    for (const QString &format :
         {QStringLiteral("dd.MM.yyyy"), QStringLiteral("d.M.yyyy"), QStringLiteral("yyyy-MM-dd")}) {
        const QDate date = QDate::fromString(t, format);
        if (date.isValid())
            return date;
    }
    return {};
}

QString formatMinute(int minute) {
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QString formatDate(QDate date) {
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

// One centre's rows while reading, with the line of each entry so that validation errors
// ("weekly[2]") can point back into the file.
struct HoursBuilder {
    OpeningHours hours;
    QList<int> weeklyLines;
    QList<int> closureLines;
    QList<int> specialLines; // the latest row that added to each special day
};

int lineOfField(const HoursBuilder &b, const QString &field) {
    static const QRegularExpression pattern(QStringLiteral("^(\\w+)\\[(\\d+)\\]$"));
    const QRegularExpressionMatch m = pattern.match(field);
    if (!m.hasMatch())
        return 0;
    const int i = m.captured(2).toInt();
    const QString list = m.captured(1);
    const QList<int> &lines = list == u"weekly"     ? b.weeklyLines
                              : list == u"closures" ? b.closureLines
                                                    : b.specialLines;
    return i >= 0 && i < lines.size() ? lines.at(i) : 0;
}

bool readTimes(Row &row, TimeRange *range) {
    bool ok = true;
    range->startMinute = parseTime(row.text(HFrom), false);
    range->endMinute = parseTime(row.text(HTo), true);
    if (range->startMinute < 0) {
        row.error(HFrom,
                  CentreCsv::tr("\"%1\" is not a valid start time; use HH:mm, for example 08:30.")
                      .arg(row.text(HFrom)));
        ok = false;
    }
    if (range->endMinute < 0) {
        row.error(HTo,
                  CentreCsv::tr("\"%1\" is not a valid end time; use HH:mm, for example 18:00 or "
                                "24:00.")
                      .arg(row.text(HTo)));
        ok = false;
    }
    if (ok && range->endMinute <= range->startMinute) {
        row.error(HTo, CentreCsv::tr("The end time %1 must be after the start time %2.")
                           .arg(row.text(HTo), row.text(HFrom)));
        ok = false;
    }
    return ok;
}

void readHoursRow(Row &row, HoursBuilder *b) {
    HoursType type = HoursType::Weekly;
    if (!parseHoursType(row.text(HType), &type)) {
        row.error(HType,
                  CentreCsv::tr("\"%1\" is not a row type; use weekly, break, closure or special.")
                      .arg(row.text(HType)));
        return;
    }
    switch (type) {
    case HoursType::Weekly:
    case HoursType::Break: {
        const int weekday = parseWeekday(row.text(HDay));
        if (weekday == 0)
            row.error(HDay, CentreCsv::tr("\"%1\" is not a weekday; use Mo to So or 1 to 7.")
                                .arg(row.text(HDay)));
        TimeRange range;
        if (!readTimes(row, &range) || weekday == 0)
            return;
        b->hours.weekly.append({weekday, range, type == HoursType::Break});
        b->weeklyLines.append(row.line());
        return;
    }
    case HoursType::Closure: {
        const QDate first = parseDate(row.text(HDay));
        // An empty end date closes a single day.
        const QDate last = row.text(HTo).isEmpty() ? first : parseDate(row.text(HTo));
        if (!first.isValid())
            row.error(HDay, CentreCsv::tr("\"%1\" is not a valid date; use dd.MM.yyyy, for example "
                                          "24.12.2026.")
                                .arg(row.text(HDay)));
        if (!last.isValid() && !row.text(HTo).isEmpty())
            row.error(HTo, CentreCsv::tr("\"%1\" is not a valid date; use dd.MM.yyyy, for example "
                                         "24.12.2026.")
                               .arg(row.text(HTo)));
        if (!first.isValid() || !last.isValid())
            return;
        if (last < first) {
            row.error(HTo, CentreCsv::tr("The last day %1 must not be before the first day %2.")
                               .arg(formatDate(last), formatDate(first)));
            return;
        }
        b->hours.closures.append({first, last, row.freeText(HLabel)});
        b->closureLines.append(row.line());
        return;
    }
    case HoursType::Special: {
        const QDate date = parseDate(row.text(HDay));
        if (!date.isValid())
            row.error(HDay, CentreCsv::tr("\"%1\" is not a valid date; use dd.MM.yyyy, for example "
                                          "24.12.2026.")
                                .arg(row.text(HDay)));
        TimeRange range;
        if (!readTimes(row, &range) || !date.isValid())
            return;
        // Several rows for one date are the intervals of one special day.
        for (qsizetype i = 0; i < b->hours.specialDays.size(); ++i) {
            SpecialDay &day = b->hours.specialDays[i];
            if (day.date != date)
                continue;
            day.open.append(range);
            if (day.label.isEmpty())
                day.label = row.freeText(HLabel);
            b->specialLines[i] = row.line();
            return;
        }
        b->hours.specialDays.append({date, row.freeText(HLabel), {range}});
        b->specialLines.append(row.line());
        return;
    }
    }
}

} // namespace

CentreImport parseCentresCsv(const CsvTable &table) {
    CentreImport result;
    const Columns columns = findColumns(table.header, centreColumns());
    if (!columns.errors.isEmpty()) {
        result.errors = columns.errors;
        return result;
    }
    QHash<QString, int> firstLineOfName;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &fields = table.rows.at(r);
        const int line = table.lines.value(r);
        if (!checkShape(fields, int(table.header.size()), line, &result.errors))
            continue;
        Row row(fields, line, columns);
        Centre centre;
        const bool parsed = readCentre(row, &centre);
        QList<RowError> errors = row.errors();
        if (parsed) {
            for (const FieldError &e : validateCentre(centre, {}))
                errors.append({line, columnForField(e.field, columns), e.message});
        }
        const QString key = centreNameKey(centre.name);
        if (!key.isEmpty()) {
            if (firstLineOfName.contains(key))
                errors.append(
                    {line, columns.name(CName),
                     CentreCsv::tr("The centre \"%1\" appears more than once in the file (first "
                                   "in line %2).")
                         .arg(centre.name)
                         .arg(firstLineOfName.value(key))});
            else
                firstLineOfName.insert(key, line);
        }
        if (errors.isEmpty())
            result.centres.append(centre);
        result.errors.append(errors);
    }
    return result;
}

QByteArray exportCentresCsv(const QList<Centre> &centres) {
    QStringList header;
    for (const ColumnSpec &spec : centreColumns())
        header.append(spec.name);
    QList<QStringList> rows;
    for (const Centre &c : centres) {
        rows.append({protectFormula(c.name), protectFormula(c.street), c.postcode,
                     protectFormula(c.city), centreKindToString(c.kind), c.serviceCodes.join(u','),
                     QString::number(c.lanes), QString::number(c.capacityPerLane),
                     QString::number(c.slotMinutes), protectFormula(c.phone),
                     c.active ? QStringLiteral("1") : QStringLiteral("0")});
    }
    return writeCsv(header, rows);
}

HoursImport parseHoursCsv(const CsvTable &table) {
    HoursImport result;
    const Columns columns = findColumns(table.header, hoursColumns());
    if (!columns.errors.isEmpty()) {
        result.errors = columns.errors;
        return result;
    }
    QList<HoursBuilder> builders;
    QHash<QString, qsizetype> builderOfName;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &fields = table.rows.at(r);
        const int line = table.lines.value(r);
        if (!checkShape(fields, int(table.header.size()), line, &result.errors))
            continue;
        Row row(fields, line, columns);
        const QString name = row.freeText(HCentre);
        if (name.isEmpty()) {
            row.error(HCentre, CentreCsv::tr("Please enter the name of the centre."));
            result.errors.append(row.errors());
            continue;
        }
        const QString key = centreNameKey(name);
        auto it = builderOfName.constFind(key);
        if (it == builderOfName.cend()) {
            it = builderOfName.insert(key, builders.size());
            builders.append(HoursBuilder{});
            result.centreNames.append(name.simplified());
        }
        readHoursRow(row, &builders[*it]);
        result.errors.append(row.errors());
    }
    // Overlaps and the like, found once each centre's rows are together; past closures are
    // checked by the store, which knows today and what is already stored.
    for (const HoursBuilder &b : std::as_const(builders)) {
        for (const FieldError &e : validateOpeningHours(b.hours, QDate()))
            result.errors.append({lineOfField(b, e.field), {}, e.message});
        result.hours.append(b.hours);
    }
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const RowError &a, const RowError &b) { return a.line < b.line; });
    return result;
}

QByteArray exportHoursCsv(const QList<Centre> &centres, const QList<OpeningHours> &hours) {
    QStringList header;
    for (const ColumnSpec &spec : hoursColumns())
        header.append(spec.name);
    QList<QStringList> rows;
    for (qsizetype i = 0; i < hours.size(); ++i) {
        const OpeningHours &h = hours.at(i);
        const auto match = std::find_if(centres.cbegin(), centres.cend(), [&](const Centre &c) {
            return h.centreId != 0 && c.id == h.centreId;
        });
        const Centre *centre = match != centres.cend()                 ? &*match
                               : h.centreId == 0 && i < centres.size() ? &centres.at(i)
                                                                       : nullptr;
        if (!centre)
            continue;
        const QString name = protectFormula(centre->name);
        for (const WeeklyInterval &w : h.weekly) {
            rows.append({name, typeToString(w.isBreak ? HoursType::Break : HoursType::Weekly),
                         englishWeekdays().value(w.weekday - 1, QString::number(w.weekday)),
                         formatMinute(w.range.startMinute), formatMinute(w.range.endMinute),
                         QString()});
        }
        for (const Closure &c : h.closures) {
            rows.append({name, typeToString(HoursType::Closure), formatDate(c.first), QString(),
                         formatDate(c.last), protectFormula(c.reason)});
        }
        for (const SpecialDay &d : h.specialDays) {
            for (const TimeRange &r : d.open) {
                rows.append({name, typeToString(HoursType::Special), formatDate(d.date),
                             formatMinute(r.startMinute), formatMinute(r.endMinute),
                             protectFormula(d.label)});
            }
        }
    }
    return writeCsv(header, rows);
}

} // namespace slotdesk

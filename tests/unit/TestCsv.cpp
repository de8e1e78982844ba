#include "models/csv/CentreCsv.h"
#include "models/csv/Csv.h"
#include "tests/support/TestSupport.h"

#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

CsvTable parsedFixture(const QString &name) {
    const CsvParseResult parsed = parseCsv(test::readData(u"csv/"_s + name));
    if (!parsed.ok())
        qWarning("%s: %s", qPrintable(name), qPrintable(parsed.error));
    return parsed.table;
}

// "line:column" for compact expectations; the column is empty for whole-row problems.
QStringList locations(const QList<RowError> &errors) {
    QStringList result;
    for (const RowError &e : errors)
        result.append(QString::number(e.line) % u':' % e.column);
    return result;
}

QString describe(const QList<RowError> &errors) {
    QStringList lines;
    for (const RowError &e : errors)
        lines.append(QString::number(e.line) % u':' % e.column % u' ' % e.message);
    return lines.join(u'\n');
}

Centre centre(const QString &name, CentreKind kind, const QStringList &services) {
    Centre c;
    c.name = name;
    c.street = u"Marktplatz 1"_s;
    c.postcode = u"01067"_s;
    c.city = u"Dresden"_s;
    c.kind = kind;
    c.serviceCodes = services;
    c.lanes = 2;
    c.capacityPerLane = 3;
    c.slotMinutes = 15;
    return c;
}

// Fields that only the store assigns are not part of the file.
Centre asImported(Centre c) {
    c.id = 0;
    c.uuid.clear();
    c.revision = 0;
    return c;
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesGoodFiles_data();
    void parsesGoodFiles();
    void quotedFieldsKeepTheirContent();
    void lineBreakStyles_data();
    void lineBreakStyles();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void importsExcelCentres();
    void importsCommaCentres();
    void centreFileErrors_data();
    void centreFileErrors();
    void importsHours();
    void hoursFileErrors_data();
    void hoursFileErrors();
    void writeCsvQuotesAndRoundTrips();
    void exportProtectsAgainstFormulas();
    void centresRoundTrip();
    void hoursRoundTrip();
};

void TestCsv::parsesGoodFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("Excel: BOM, semicolon, CRLF, empty row")
        << u"centres_excel.csv"_s << QChar(u';') << 11 << QList<int>{2, 3, 4, 5};
    QTest::newRow("comma, LF, no BOM")
        << u"centres_comma.csv"_s << QChar(u',') << 11 << QList<int>{2, 3};
    QTest::newRow("quoted, embedded line breaks")
        << u"centres_quoted.csv"_s << QChar(u';') << 11 << QList<int>{2, 3, 6};
    QTest::newRow("hours") << u"hours_good.csv"_s << QChar(u';') << 6
                           << QList<int>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
}

void TestCsv::parsesGoodFiles() {
    QFETCH(QString, file);
    QFETCH(QChar, separator);
    QFETCH(int, columns);
    QFETCH(QList<int>, lines);

    const CsvParseResult parsed = parseCsv(test::readData(u"csv/"_s + file));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.table.separator, separator);
    QCOMPARE(parsed.table.header.size(), columns);
    QVERIFY(!parsed.table.header.first().startsWith(QChar(0xFEFF)));
    QCOMPARE(parsed.table.lines, lines);
    QCOMPARE(parsed.table.rows.size(), lines.size());
}

void TestCsv::quotedFieldsKeepTheirContent() {
    const CsvTable table = parsedFixture(u"centres_quoted.csv"_s);
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(0).at(0), u"Testzentrum \"Am Markt\""_s);
    QCOMPARE(table.rows.at(0).at(1), u"Markt 1; Eingang B"_s);
    QCOMPARE(table.rows.at(1).at(1), u"Messering 6\r\nHalle 2\r\nEingang Ost"_s);
    QCOMPARE(table.rows.at(1).at(2), u"04356"_s);
    QCOMPARE(table.rows.at(2).at(0), u"Teststelle Plagwitz"_s);
    for (const QStringList &row : table.rows)
        QCOMPARE(row.size(), 11);

    const CentreImport import = parseCentresCsv(table);
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centres.size(), 3);
    QCOMPARE(import.centres.at(1).phone, u"0341 77777"_s);
}

void TestCsv::lineBreakStyles_data() {
    QTest::addColumn<QByteArray>("data");
    const QByteArray body = "a;b\n1;\"x\ny\"\n2;z\n";
    QByteArray crlf = body;
    crlf.replace("\n", "\r\n");
    QByteArray cr = body;
    cr.replace("\n", "\r");
    QTest::newRow("LF") << body;
    QTest::newRow("CRLF") << crlf;
    QTest::newRow("CR") << cr;
    QTest::newRow("no final line break") << body.chopped(1);
    QTest::newRow("several blank lines at the end") << body + "\n\n\n";
}

void TestCsv::lineBreakStyles() {
    QFETCH(QByteArray, data);
    const CsvParseResult parsed = parseCsv(data);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.table.header, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(parsed.table.rows.size(), 2);
    QCOMPARE(parsed.table.rows.at(0).at(0), u"1"_s);
    QCOMPARE(parsed.table.rows.at(0).at(1).size(), data.contains("\r\n") ? 4 : 3);
    QCOMPARE(parsed.table.rows.at(1), (QStringList{u"2"_s, u"z"_s}));
    QCOMPARE(parsed.table.lines, (QList<int>{2, 4}));
}

void TestCsv::refusesBrokenFiles_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");

    QTest::newRow("unterminated quote")
        << test::readData(u"csv/broken_unterminated_quote.csv"_s) << 3;
    QTest::newRow("Latin-1 instead of UTF-8")
        << test::readData(u"csv/broken_invalid_utf8.csv"_s) << 4;
    QTest::newRow("truncated UTF-8 sequence at the end") << QByteArray("a;b\n1;\xC3") << 2;
    QTest::newRow("overlong encoding") << QByteArray("a;b\r\n\xC0\xAF;1") << 2;
    QTest::newRow("encoded surrogate") << QByteArray("a\n\n\xED\xA0\x80") << 3;
    QTest::newRow("quote opened after line breaks in quotes")
        << QByteArray("a;b\n\"1\n2\";x\n3;\"open\n") << 4;
    QTest::newRow("empty file") << QByteArray() << 1;
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << 1;
}

void TestCsv::refusesBrokenFiles() {
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    const CsvParseResult parsed = parseCsv(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.errorLine, line);
    QVERIFY(!parsed.error.isEmpty());
    QVERIFY(parsed.table.rows.isEmpty());
}

void TestCsv::importsExcelCentres() {
    const CentreImport import = parseCentresCsv(parsedFixture(u"centres_excel.csv"_s));
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centres.size(), 3);

    Centre altstadt =
        centre(u"Testzentrum Altstadt"_s, CentreKind::TestCentre, {u"pcr"_s, u"rapid_antigen"_s});
    altstadt.lanes = 3;
    altstadt.capacityPerLane = 2;
    altstadt.phone = u"0351 123456"_s;
    QCOMPARE(import.centres.at(0), altstadt);

    const Centre &messe = import.centres.at(1);
    QCOMPARE(messe.kind, CentreKind::VaccinationCentre);
    QCOMPARE(messe.serviceCodes, (QStringList{u"vaccine_comirnaty"_s, u"vaccine_spikevax"_s}));
    QCOMPARE(messe.slotMinutes, 10);
    QCOMPARE(messe.phone, u"+49 351 98765"_s); // the formula guard is taken off

    const Centre &sued = import.centres.at(2);
    QCOMPARE(sued.name, u"Teststelle Süd"_s);
    QCOMPARE(sued.street, u"Bergstraße 12"_s);
    QCOMPARE(sued.active, false);
    QVERIFY(sued.phone.isEmpty());
}

void TestCsv::importsCommaCentres() {
    const CentreImport import = parseCentresCsv(parsedFixture(u"centres_comma.csv"_s));
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centres.size(), 2);
    QCOMPARE(import.centres.at(0).serviceCodes, (QStringList{u"pcr"_s, u"rapid_antigen"_s}));
    QCOMPARE(import.centres.at(0).capacityPerLane, 4);
    QCOMPARE(import.centres.at(1).kind, CentreKind::VaccinationCentre);
    QCOMPARE(import.centres.at(1).lanes, 20);
    QCOMPARE(import.centres.at(1).active, false);
}

void TestCsv::centreFileErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<int>("goodRows");

    QTest::newRow("wrong column count")
        << u"centres_wrong_column_count.csv"_s << QStringList{u"3:"_s, u"4:"_s} << 1;
    QTest::newRow("missing column")
        << u"centres_missing_column.csv"_s << QStringList{u"1:postcode"_s} << 0;
    QTest::newRow("bad postcode and capacity 0")
        << u"centres_bad_postcode.csv"_s << QStringList{u"2:PLZ"_s, u"4:PLZ"_s, u"4:Kapazität"_s}
        << 1;
    QTest::newRow("unknown service, kind, bad number")
        << u"centres_unknown_service.csv"_s
        << QStringList{u"2:services"_s, u"3:kind"_s, u"4:lanes"_s} << 0;
    QTest::newRow("duplicate name")
        << u"centres_duplicate_name.csv"_s << QStringList{u"4:name"_s} << 2;
}

void TestCsv::centreFileErrors() {
    QFETCH(QString, file);
    QFETCH(QStringList, errors);
    QFETCH(int, goodRows);

    const CsvParseResult parsed = parseCsv(test::readData(u"csv/"_s + file));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const CentreImport import = parseCentresCsv(parsed.table);
    QVERIFY(!import.ok());
    QCOMPARE(locations(import.errors), errors);
    for (const RowError &e : import.errors)
        QVERIFY2(!e.message.isEmpty() && e.message.endsWith(u'.'), qPrintable(e.message));
    QCOMPARE(import.centres.size(), goodRows);
}

void TestCsv::importsHours() {
    const HoursImport import = parseHoursCsv(parsedFixture(u"hours_good.csv"_s));
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centreNames, (QStringList{u"Testzentrum Altstadt"_s, u"impfzentrum messe"_s}));
    QCOMPARE(import.hours.size(), 2);

    OpeningHours altstadt;
    altstadt.weekly = {{1, {480, 720}, false},
                       {1, {780, 1080}, false},
                       {2, {480, 1080}, false},
                       {2, {720, 750}, true},
                       {7, {0, 1440}, false}};
    altstadt.closures = {{QDate(2026, 12, 24), QDate(2026, 12, 26), u"Weihnachten"_s}};
    altstadt.specialDays = {{QDate(2026, 12, 31), u"Silvester"_s, {{480, 720}, {780, 840}}}};
    QCOMPARE(import.hours.at(0), altstadt);

    OpeningHours messe;
    messe.weekly = {{6, {540, 840}, false}};
    messe.closures = {{QDate(2027, 1, 1), QDate(2027, 1, 1), u"Neujahr"_s}};
    QCOMPARE(import.hours.at(1), messe);
}

void TestCsv::hoursFileErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("bad times, weekday, date, type")
        << u"hours_bad_time.csv"_s
        << QStringList{u"2:from"_s, u"3:to"_s, u"4:day"_s, u"5:day"_s, u"6:from"_s, u"7:type"_s};
    QTest::newRow("end before start, overlap, closure order, stray break")
        << u"hours_end_before_start.csv"_s << QStringList{u"2:to"_s, u"4:"_s, u"5:to"_s, u"6:"_s};
}

void TestCsv::hoursFileErrors() {
    QFETCH(QString, file);
    QFETCH(QStringList, errors);

    const HoursImport import = parseHoursCsv(parsedFixture(file));
    QVERIFY(!import.ok());
    QCOMPARE(locations(import.errors), errors);
    for (const RowError &e : import.errors)
        QVERIFY2(!e.message.isEmpty() && e.message.endsWith(u'.'), qPrintable(e.message));
}

void TestCsv::writeCsvQuotesAndRoundTrips() {
    const QStringList header = {u"a"_s, u"b"_s, u"c"_s};
    const QList<QStringList> rows = {
        {u"plain"_s, u"semi;colon"_s, u"quote \"x\""_s},
        {u" leading"_s, u"trailing "_s, u"line\r\nbreak"_s},
        {QString(), u"lf\nonly"_s, u"cr\ronly"_s},
        {u"Umlaute äöüß €"_s, u"="_s, u"'"_s},
    };
    const QByteArray bytes = writeCsv(header, rows);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains("plain;\"semi;colon\";\"quote \"\"x\"\"\"\r\n"));
    QVERIFY(bytes.contains("\" leading\";\"trailing \";"));

    const CsvParseResult parsed = parseCsv(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.table.separator, QChar(u';'));
    QCOMPARE(parsed.table.header, header);
    QCOMPARE(parsed.table.rows, rows);

    const CsvParseResult comma = parseCsv(writeCsv(header, rows, u','));
    QVERIFY2(comma.ok(), qPrintable(comma.error));
    QCOMPARE(comma.table.separator, QChar(u','));
    QCOMPARE(comma.table.rows, rows);
}

void TestCsv::exportProtectsAgainstFormulas() {
    for (const QString &text : {u"=1+1"_s, u"+49 30 1234"_s, u"-x"_s, u"@SUM(A1)"_s, u"'=x"_s,
                                u"''@"_s, u"'plain"_s, u"plain"_s, QString(), u"'"_s}) {
        QCOMPARE(unprotectFormula(protectFormula(text)), text);
    }
    QCOMPARE(protectFormula(u"=HYPERLINK(\"x\")"_s), u"'=HYPERLINK(\"x\")"_s);
    QCOMPARE(protectFormula(u"'plain"_s), u"'plain"_s);

    Centre evil =
        centre(u"=HYPERLINK(\"http://evil\";\"Klick\")"_s, CentreKind::TestCentre, {u"pcr"_s});
    evil.phone = u"+49 351 123456"_s;
    const QByteArray bytes = exportCentresCsv({evil});
    QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://evil\"\";\"\"Klick\"\")\""));
    QVERIFY(bytes.contains(";'+49 351 123456;"));
}

void TestCsv::centresRoundTrip() {
    Centre a = centre(u"Testzentrum \"Am Markt\"; Süd"_s, CentreKind::TestCentre,
                      {u"pcr"_s, u"rapid_antigen"_s});
    a.id = 7;
    a.uuid = u"4b1c0d7e-0000-4000-8000-000000000001"_s;
    a.revision = 3;
    a.street = u"Hof 2\nHinterhaus"_s;
    a.phone = u"+49 (351) 123-456"_s;
    Centre b = centre(u"=Impfzentrum"_s, CentreKind::VaccinationCentre,
                      {u"vaccine_comirnaty"_s, u"vaccine_jcovden"_s});
    b.active = false;
    b.lanes = 200;
    b.capacityPerLane = 1000;
    b.slotMinutes = 240;
    b.city = u"-Halle (Saale)"_s;

    const CsvParseResult parsed = parseCsv(exportCentresCsv({a, b}));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.table.header.first(), u"name"_s);
    const CentreImport import = parseCentresCsv(parsed.table);
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centres, (QList<Centre>{asImported(a), asImported(b)}));
}

void TestCsv::hoursRoundTrip() {
    Centre a = centre(u"Testzentrum Altstadt"_s, CentreKind::TestCentre, {u"pcr"_s});
    a.id = 11;
    Centre b = centre(u"@Impfzentrum"_s, CentreKind::VaccinationCentre, {u"vaccine_spikevax"_s});
    b.id = 12;

    OpeningHours ha;
    ha.centreId = 11;
    ha.weekly = {{1, {480, 720}, false},
                 {1, {780, 1080}, false},
                 {3, {0, 1440}, false},
                 {3, {720, 765}, true}};
    ha.closures = {{QDate(2026, 12, 24), QDate(2026, 12, 26), u"Weihnachten; \"Ferien\""_s},
                   {QDate(2027, 1, 1), QDate(2027, 1, 1), QString()}};
    ha.specialDays = {{QDate(2026, 12, 31), u"=Silvester"_s, {{480, 720}, {780, 1440}}},
                      {QDate(2026, 12, 23), QString(), {{600, 660}}}};
    OpeningHours hb;
    hb.centreId = 12;
    hb.weekly = {{6, {540, 840}, false}, {7, {540, 600}, false}};

    // Hours are matched to their centre by id, whatever the order of the lists.
    const CsvParseResult parsed = parseCsv(exportHoursCsv({b, a}, {ha, hb}));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const HoursImport import = parseHoursCsv(parsed.table);
    QVERIFY2(import.ok(), qPrintable(describe(import.errors)));
    QCOMPARE(import.centreNames, (QStringList{a.name, b.name}));
    ha.centreId = 0;
    hb.centreId = 0;
    QCOMPARE(import.hours, (QList<OpeningHours>{ha, hb}));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"

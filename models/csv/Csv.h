#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace slotdesk {

// RFC 4180 as German spreadsheets write it: UTF-8 with or without BOM, ';' or ',' as separator
// (detected from the header line), CRLF, LF or CR, quoted fields with "" escapes and line breaks.
// The first record is the header; blank lines after it are skipped. Rows keep their own field
// count: a row with too few or too many fields is for the caller to report, not a parse error.
// Lenient where spreadsheets are: a quote inside an unquoted field, or text after a closing
// quote, is kept as text. Invalid UTF-8 and an unclosed quote are errors with their line.
struct CsvTable {
    QChar separator = u';';
    QStringList header;
    QList<QStringList> rows;
    QList<int> lines; // 1-based line in the file where each row starts, for error messages
};

struct CsvParseResult {
    CsvTable table;
    QString error; // translated; empty when the file parsed
    int errorLine = 0;
    bool ok() const { return error.isEmpty(); }
};

CsvParseResult parseCsv(const QByteArray &data);
// Writes UTF-8 with BOM and CRLF (what Excel opens correctly), quoting where needed.
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows,
                    QChar separator = u';');

// Spreadsheets run a cell starting with = + - or @ as a formula (CSV injection). Exports put a
// single quote before such free-text cells (names, streets, phone numbers, labels); imports of
// the same columns take it off again. Leading quotes before such a character are counted, so
// unprotectFormula(protectFormula(s)) == s for every s. Numbers and codes are written as is.
QString protectFormula(const QString &text);
QString unprotectFormula(const QString &text);

} // namespace slotdesk

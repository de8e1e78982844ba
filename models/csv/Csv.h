#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace slotdesk {

// RFC 4180 as German spreadsheets write it: UTF-8 with or without BOM, ';' or ',' as separator
// (detected from the header line), CRLF or LF, quoted fields with "" escapes and line breaks.
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

} // namespace slotdesk

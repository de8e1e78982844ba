#include "models/csv/Csv.h"

#include <QCoreApplication>

namespace slotdesk {

namespace {

const QByteArray kBom = QByteArrayLiteral("\xEF\xBB\xBF");

// A named context that lupdate sees, so the .ts entries match what runs.
struct Csv {
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

bool isContinuation(uchar c) {
    return (c & 0xC0) == 0x80;
}

// The 1-based line of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when all of `data` is valid.
int firstInvalidUtf8Line(const QByteArray &data) {
    int line = 1;
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n;) {
        const uchar c = uchar(data.at(i));
        if (c < 0x80) {
            if (c == '\n' || (c == '\r' && (i + 1 >= n || data.at(i + 1) != '\n')))
                ++line;
            ++i;
            continue;
        }
        int length = 0;
        uint min = 0;
        uint code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
            code = c & 0x07;
        } else {
            return line;
        }
        if (i + length > n)
            return line;
        for (int k = 1; k < length; ++k) {
            const uchar next = uchar(data.at(i + k));
            if (!isContinuation(next))
                return line;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return line;
        i += length;
    }
    return 0;
}

// Counts unquoted ';' and ',' in the first record; quoted separators belong to a field.
QChar detectSeparator(const QString &text) {
    int semicolons = 0;
    int commas = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == u'"')
            quoted = !quoted; // "" inside quotes toggles twice: no net effect
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u',')
            ++commas;
    }
    return commas > semicolons ? QChar(u',') : QChar(u';');
}

class Parser {
public:
    Parser(const QString &text, QChar separator)
        : m_text(text)
        , m_separator(separator) {}

    CsvParseResult run() {
        CsvParseResult result;
        result.table.separator = m_separator;
        bool haveHeader = false;
        while (m_pos < m_text.size()) {
            const int recordLine = m_line;
            QStringList record;
            if (!readRecord(&record)) {
                result.error = Csv::tr("A quoted field that starts in line %1 is not closed with a "
                                       "quote.")
                                   .arg(m_quoteLine);
                result.errorLine = m_quoteLine;
                result.table = {};
                return result;
            }
            if (!haveHeader) {
                result.table.header = record;
                haveHeader = true;
            } else if (!(record.size() == 1 && record.first().isEmpty())) {
                // Blank lines carry no data (spreadsheets leave them at the end).
                result.table.rows.append(record);
                result.table.lines.append(recordLine);
            }
        }
        if (!haveHeader) {
            result.error = Csv::tr("The file is empty.");
            result.errorLine = 1;
        }
        return result;
    }

private:
    QChar peek(qsizetype offset = 0) const {
        const qsizetype at = m_pos + offset;
        return at < m_text.size() ? m_text.at(at) : QChar();
    }

    bool atLineBreak() const { return peek() == u'\n' || peek() == u'\r'; }

    // Consumes one line break (CRLF, LF or CR) and counts it.
    void consumeLineBreak(QString *into = nullptr) {
        if (peek() == u'\r' && peek(1) == u'\n') {
            if (into)
                into->append(QStringLiteral("\r\n"));
            m_pos += 2;
        } else {
            if (into)
                into->append(peek());
            ++m_pos;
        }
        ++m_line;
    }

    // Reads fields up to and including the record's line break; false on an open quote.
    bool readRecord(QStringList *record) {
        for (;;) {
            QString field;
            if (peek() == u'"') {
                if (!readQuoted(&field))
                    return false;
            }
            // Unquoted text, or text after a closing quote, runs to the next separator or line
            // break; a stray quote in it is kept as a character.
            while (m_pos < m_text.size() && peek() != m_separator && !atLineBreak()) {
                field.append(peek());
                ++m_pos;
            }
            record->append(field);
            if (peek() == m_separator) {
                ++m_pos;
                continue;
            }
            if (atLineBreak())
                consumeLineBreak();
            return true;
        }
    }

    bool readQuoted(QString *field) {
        m_quoteLine = m_line;
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            const QChar c = peek();
            if (c == u'"') {
                if (peek(1) == u'"') {
                    field->append(u'"');
                    m_pos += 2;
                    continue;
                }
                ++m_pos; // closing quote
                return true;
            }
            if (c == u'\r' || c == u'\n') {
                consumeLineBreak(field);
                continue;
            }
            field->append(c);
            ++m_pos;
        }
        return false;
    }

    const QString &m_text;
    QChar m_separator;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_quoteLine = 0;
};

bool needsQuotes(const QString &field, QChar separator) {
    if (field.isEmpty())
        return false;
    if (field.front().isSpace() || field.back().isSpace())
        return true;
    for (QChar c : field) {
        if (c == separator || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    return false;
}

void appendRecord(QString *out, const QStringList &fields, QChar separator) {
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out->append(separator);
        const QString &field = fields.at(i);
        if (needsQuotes(field, separator)) {
            QString escaped = field;
            escaped.replace(u'"', QStringLiteral("\"\""));
            out->append(u'"' % escaped % u'"');
        } else {
            out->append(field);
        }
    }
    out->append(QStringLiteral("\r\n"));
}

bool isFormulaStart(QChar c) {
    return c == u'=' || c == u'+' || c == u'-' || c == u'@';
}

} // namespace

CsvParseResult parseCsv(const QByteArray &data) {
    const QByteArray body = data.startsWith(kBom) ? data.mid(kBom.size()) : data;
    if (const int line = firstInvalidUtf8Line(body)) {
        CsvParseResult result;
        result.error = Csv::tr("Line %1 contains characters that are not UTF-8. Save the file as "
                               "\"CSV UTF-8\" and import it again.")
                           .arg(line);
        result.errorLine = line;
        return result;
    }
    const QString text = QString::fromUtf8(body);
    return Parser(text, detectSeparator(text)).run();
}

QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows, QChar separator) {
    QString out;
    appendRecord(&out, header, separator);
    for (const QStringList &row : rows)
        appendRecord(&out, row, separator);
    return kBom + out.toUtf8();
}

QString protectFormula(const QString &text) {
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    return i < text.size() && isFormulaStart(text.at(i)) ? u'\'' % text : text;
}

QString unprotectFormula(const QString &text) {
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    return i > 0 && i < text.size() && isFormulaStart(text.at(i)) ? text.mid(1) : text;
}

} // namespace slotdesk

#include "models/rules/ScanInput.h"

#include "models/booking/BookingCode.h"

namespace slotdesk {

namespace {

// base64url without padding of a 64-byte Ed25519 signature.
constexpr int signatureLength = 86;

bool isTerminator(QChar c) {
    return c == u'\r' || c == u'\n' || c == u'\t';
}

// Letters, digits and the check symbols *~$= are booking-code material; O, I and L are folded
// by BookingCode::parse.
bool isCodeCharacter(QChar c) {
    const char16_t u = c.toUpper().unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || u == u'*' || u == u'~' ||
           u == u'$' || u == u'=';
}

bool startsWithQrPrefix(QStringView text) {
    return text.startsWith(u"SD1:") || text.startsWith(u"SD2:");
}

Scan invalid(Scan::Problem problem, QStringView raw) {
    return {Scan::Kind::Invalid, problem, raw.toString()};
}

Scan classifyQr(QStringView text) {
    const qsizetype prefixes = text.count(u"SD1:") + text.count(u"SD2:");
    const qsizetype expectedParts = text.startsWith(u"SD1:") ? 6 : 8;
    const qsizetype parts = text.count(u':') + 1;
    const qsizetype lastColon = text.lastIndexOf(u':');
    const qsizetype lastLength = text.size() - lastColon - 1;
    if (prefixes == 1 && parts == expectedParts && lastLength == signatureLength)
        return {Scan::Kind::QrPayload, Scan::Problem::None, text.toString()};
    if (prefixes > 1)
        return invalid(Scan::Problem::DoubledQr, text);
    if (parts < expectedParts || (parts == expectedParts && lastLength < signatureLength))
        return invalid(Scan::Problem::TruncatedQr, text);
    return invalid(Scan::Problem::ForeignCode, text);
}

} // namespace

Scan classifyScan(QStringView raw) {
    const QStringView text = raw.trimmed();
    if (startsWithQrPrefix(text))
        return classifyQr(text);
    // A scanner set to a US layout on a German keyboard sends Shift+; for ':', which is 'Ö'.
    if (text.size() > 3 && (text.startsWith(u"SD1") || text.startsWith(u"SD2")) &&
        text.at(3).toUpper() == u'Ö')
        return invalid(Scan::Problem::KeyboardLayout, text);
    if (text.contains(u':') || text.contains(u'/') || text.contains(u'.') ||
        text.size() > 3 * BookingCode::Length)
        return invalid(Scan::Problem::ForeignCode, text);

    qsizetype length = 0;
    for (const QChar c : text) {
        if (c == u'-' || c == u' ')
            continue;
        if (!isCodeCharacter(c))
            return invalid(Scan::Problem::ForeignCharacters, text);
        ++length;
    }
    if (length != BookingCode::Length)
        return invalid(Scan::Problem::WrongLength, text);
    if (const std::optional<QString> code = BookingCode::parse(text))
        return {Scan::Kind::BookingCode, Scan::Problem::None, *code};
    return invalid(Scan::Problem::WrongCheckCharacter, text);
}

QList<Scan> ScanAssembler::key(QStringView text, qint64 nowMs) {
    QList<Scan> scans;
    if (std::optional<Scan> late = idle(nowMs))
        scans.append(*late);
    for (const QChar c : text) {
        if (isTerminator(c)) {
            if (pending())
                scans.append(take());
            continue;
        }
        if (c == u'\b') { // people correct typing mistakes
            m_buffer.chop(1);
            continue;
        }
        if (c == u'\x1b') {
            m_buffer.clear();
            continue;
        }
        // Scanners in the wrong mode send control bytes; they never belong to a code.
        if (!c.isPrint())
            continue;
        m_buffer.append(c);
        if (m_buffer.size() >= maxLength) {
            scans.append(invalid(Scan::Problem::TooLong, m_buffer));
            m_buffer.clear();
        } else if (std::optional<Scan> done = completeEarly()) {
            scans.append(*done);
            m_buffer.clear();
        }
    }
    m_lastKeyMs = nowMs;
    return scans;
}

std::optional<Scan> ScanAssembler::idle(qint64 nowMs) {
    if (!pending() || nowMs < deadline())
        return std::nullopt;
    return take();
}

std::optional<Scan> ScanAssembler::completeEarly() const {
    Scan scan = classifyScan(m_buffer);
    if (scan.kind == Scan::Kind::Invalid)
        return std::nullopt;
    return scan;
}

Scan ScanAssembler::take() {
    Scan scan = classifyScan(m_buffer);
    m_buffer.clear();
    return scan;
}

bool RepeatFilter::accept(const QString &text, qint64 nowMs) {
    const bool repeat = text == m_last && nowMs - m_lastMs < m_windowMs;
    m_last = text;
    m_lastMs = nowMs;
    return !repeat;
}

} // namespace slotdesk

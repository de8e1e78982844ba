#include "models/booking/BookingCode.h"

namespace slotdesk {

namespace {

constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

// Value of a data symbol after normalisation, or -1.
int dataValue(QChar c) {
    const char16_t u = c.toUpper().unicode();
    switch (u) {
    case u'O':
        return 0;
    case u'I':
    case u'L':
        return 1;
    default:
        break;
    }
    for (int i = 0; i < 32; ++i) {
        if (char16_t(alphabet[i]) == u)
            return i;
    }
    return -1;
}

} // namespace

QString BookingCode::fromBits(quint64 bits) {
    bits &= DataMask;
    QString code(Length, u'0');
    quint64 rest = bits;
    for (int i = DataLength - 1; i >= 0; --i) {
        code[i] = QLatin1Char(alphabet[rest & 31U]);
        rest >>= 5;
    }
    code[DataLength] = checkSymbol(bits);
    return code;
}

QChar BookingCode::checkSymbol(quint64 value) {
    return QLatin1Char(alphabet[value % 37]);
}

QString BookingCode::grouped(const QString &canonical) {
    return canonical.left(4) % u'-' % canonical.mid(4, 4) % u'-' % canonical.mid(8);
}

std::optional<QString> BookingCode::parse(QStringView input) {
    QString compact;
    compact.reserve(Length);
    for (const QChar c : input) {
        if (c == u'-' || c == u' ')
            continue;
        compact.append(c.toUpper());
        if (compact.size() > Length)
            return std::nullopt;
    }
    if (compact.size() != Length)
        return std::nullopt;
    quint64 value = 0;
    for (int i = 0; i < DataLength; ++i) {
        const int v = dataValue(compact.at(i));
        if (v < 0)
            return std::nullopt;
        value = (value << 5) | quint64(v);
    }
    // The check symbol is compared after the same O/I/L folding as the data symbols.
    const QChar check = compact.at(DataLength);
    const int checkAsData = dataValue(check);
    const QChar normalisedCheck = checkAsData >= 0 ? QLatin1Char(alphabet[checkAsData]) : check;
    if (normalisedCheck != checkSymbol(value))
        return std::nullopt;
    QString canonical = fromBits(value);
    return canonical;
}

} // namespace slotdesk

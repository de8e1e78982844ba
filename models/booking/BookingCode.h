#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace slotdesk {

// Booking codes people read over the phone and type at a desk: Crockford base32 (digits and
// letters without I, L, O, U), 10 data characters carrying 50 random bits, then one Crockford
// mod-37 check symbol (0-9 A-Z without I L O U, then * ~ $ = U for 32..36). Because 37 is prime
// and 32^k is never 0 mod 37, the check catches every single-character substitution and every
// transposition of two adjacent characters.
// Canonical form: 11 characters, upper case, no separators ("K7QXM2PD9TC"); shown grouped as
// "K7QX-M2PD-9TC". Input is forgiving: case-insensitive, dashes and spaces ignored, O→0, I/L→1.
class BookingCode {
public:
    static constexpr int DataLength = 10;
    static constexpr int Length = DataLength + 1;
    static constexpr quint64 DataMask = (quint64(1) << 50) - 1;

    // The code for 50 random bits (higher bits are ignored).
    static QString fromBits(quint64 bits);
    static QString grouped(const QString &canonical);
    // Canonical code, or nullopt when the input has the wrong length, foreign characters or a
    // wrong check symbol.
    static std::optional<QString> parse(QStringView input);
    static QChar checkSymbol(quint64 value);
};

} // namespace slotdesk

#include "models/booking/BookingCode.h"
#include "tests/fuzz/FuzzCheck.h"
#include "tests/fuzz/FuzzEntries.h"

#include <QString>

namespace slotdesk::fuzz {

namespace {

constexpr QStringView dataAlphabet(u"0123456789ABCDEFGHJKMNPQRSTVWXYZ");
constexpr QStringView checkAlphabet(u"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U");

quint64 valueOf(QStringView canonical) {
    quint64 value = 0;
    for (const QChar c : canonical.first(BookingCode::DataLength))
        value = (value << 5) | quint64(dataAlphabet.indexOf(c));
    return value;
}

// The check symbol's promise (BookingCode.h): every single-symbol substitution and every swap
// of two adjacent different symbols of a valid code is refused.
void checkErrorDetection(const QString &canonical) {
    for (int i = 0; i < BookingCode::Length; ++i) {
        const QStringView alphabet = i < BookingCode::DataLength ? dataAlphabet : checkAlphabet;
        for (const QChar other : alphabet) {
            if (other == canonical.at(i))
                continue;
            QString changed = canonical;
            changed[i] = other;
            SLOTDESK_FUZZ_CHECK(!BookingCode::parse(changed));
        }
        if (i + 1 < BookingCode::Length && canonical.at(i) != canonical.at(i + 1)) {
            QString swapped = canonical;
            std::swap(swapped[i], swapped[i + 1]);
            SLOTDESK_FUZZ_CHECK(!BookingCode::parse(swapped));
        }
    }
}

void checkParse(QStringView text) {
    const std::optional<QString> code = BookingCode::parse(text);
    if (!code)
        return;
    // A parsed code is canonical: 11 symbols of the alphabets, the check symbol of its bits.
    if (!SLOTDESK_FUZZ_CHECK(code->size() == BookingCode::Length))
        return;
    for (int i = 0; i < BookingCode::DataLength; ++i)
        SLOTDESK_FUZZ_CHECK(dataAlphabet.contains(code->at(i)));
    if (!SLOTDESK_FUZZ_CHECK(checkAlphabet.contains(code->at(BookingCode::DataLength))))
        return;
    const quint64 value = valueOf(*code);
    SLOTDESK_FUZZ_CHECK(BookingCode::fromBits(value) == *code);
    SLOTDESK_FUZZ_CHECK(code->at(BookingCode::DataLength) == BookingCode::checkSymbol(value));
    // Every spelling the desk shows or people type parses back to the same code.
    SLOTDESK_FUZZ_CHECK(BookingCode::parse(*code) == code);
    const QString grouped = BookingCode::grouped(*code);
    SLOTDESK_FUZZ_CHECK(grouped.size() == BookingCode::Length + 2);
    SLOTDESK_FUZZ_CHECK(BookingCode::parse(grouped) == code);
    SLOTDESK_FUZZ_CHECK(BookingCode::parse(grouped.toLower()) == code);
    SLOTDESK_FUZZ_CHECK(BookingCode::parse(QString(grouped).replace(u'-', u' ')) == code);
    checkErrorDetection(*code);
}

} // namespace

void bookingCode(QByteArrayView input) {
    // As typed or scanned (UTF-8), and as raw UTF-16 (lone surrogates and all).
    checkParse(QString::fromUtf8(input));
    const auto units = input.size() / 2;
    checkParse(QString(reinterpret_cast<const QChar *>(input.data()), units));
}

} // namespace slotdesk::fuzz

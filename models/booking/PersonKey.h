#pragma once

#include <QDate>
#include <QString>

namespace slotdesk {

// "One person, one active booking per service" compares people by a key, not by raw text, so
// that "Müller,  Hans" from a phone and "mueller hans" from a laptop are the same person.
// Normalisation (documented, deliberately simple):
// - names: Unicode compatibility decomposition, combining marks dropped (ü→u, é→e), ß→ss,
//   case-folded, everything that is not a letter or digit becomes a space, spaces collapsed
//   and trimmed. "Müller" and "Mueller" stay different (no transliteration guessing).
// - e-mail: trimmed and lower-cased as a whole.
// - phone: digits only, "+49…", "0049…" and "0…" all become "49…" (German numbers; other
//   countries keep their code).
// The key is the hex SHA-256 of "family|given|birth date|contact", so the index holds no
// personal data in clear.
class PersonKey {
public:
    static QString normaliseName(const QString &name);
    static QString normaliseEmail(const QString &email);
    static QString normalisePhone(const QString &phone);
    // "YYYY-MM-DD", as QDate::toString(Qt::ISODate) writes it, without its formatting cost.
    static QString isoDate(QDate date);
    // contact: the normalised phone if given, otherwise the normalised e-mail.
    static QString make(const QString &familyName, const QString &givenName, QDate birthDate,
                        const QString &phone, const QString &email);
};

} // namespace slotdesk

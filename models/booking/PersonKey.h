#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace slotdesk {

// "One person, one active booking per service" compares people by a key, not by raw text, so
// that "Müller,  Hans" from a phone and "mueller hans" from a laptop are the same person.
// Normalisation (documented, deliberately simple):
// - names: Unicode compatibility decomposition, combining marks dropped (ü→u, é→e), ß→ss,
//   case-folded, everything that is not a letter or digit becomes a space, spaces collapsed
//   and trimmed. "Müller" and "Mueller" stay different (no transliteration guessing).
// - e-mail: trimmed and lower-cased as a whole; phone: digits only, "+49…", "0049…" and "0…"
//   all become "49…" (German numbers; other countries keep their code). Neither is part of
//   the key: a person is their names and birth date, the contact is only where to reach them
//   (a grandmother booked by her son's phone and by her daughter's e-mail is one person).
// The key is BLAKE2b-256 of "family|given|birth date", keyed with the service's secret pepper
// (32 bytes, a file beside the signing key): a stolen database alone does not let anyone test
// known names against the keys.
class PersonKey {
public:
    static QString normaliseName(const QString &name);
    static QString normaliseEmail(const QString &email);
    static QString normalisePhone(const QString &phone);
    // "YYYY-MM-DD", as QDate::toString(Qt::ISODate) writes it, without its formatting cost.
    static QString isoDate(QDate date);
    static constexpr int pepperBytes = 32;
    static constexpr int keyBytes = 32;
    // "family|given|birth date", normalised: what the key hashes.
    static QString text(const QString &familyName, const QString &givenName, QDate birthDate);
    // keyBytes of keyed BLAKE2b; `pepper` must hold pepperBytes.
    static QByteArray make(const QByteArray &pepper, const QString &familyName,
                           const QString &givenName, QDate birthDate);
};

} // namespace slotdesk

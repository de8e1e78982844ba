#include "models/booking/PersonKey.h"

#include <sodium.h>

namespace slotdesk {

namespace {

// ASCII text is its own compatibility decomposition and has no combining marks: the same
// result as the general path below without Qt's normalisation (the larger part of the cost of
// a person key, asked on every confirm).
bool normaliseAscii(const QString &name, QString *out) {
    out->reserve(name.size());
    bool pendingSpace = false;
    for (const QChar qc : name) {
        const char16_t c = qc.unicode();
        if (c >= 0x80)
            return false;
        const bool lower = c >= u'a' && c <= u'z';
        const bool upper = c >= u'A' && c <= u'Z';
        const bool digit = c >= u'0' && c <= u'9';
        if (!lower && !upper && !digit) {
            pendingSpace = !out->isEmpty();
            continue;
        }
        if (pendingSpace) {
            out->append(u' ');
            pendingSpace = false;
        }
        out->append(upper ? QChar(c - u'A' + u'a') : qc);
    }
    return true;
}

} // namespace

QString PersonKey::isoDate(QDate date) {
    // QDate::toString(Qt::ISODate) goes through QString::asprintf.
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return date.toString(Qt::ISODate);
    char text[10];
    int year = date.year();
    for (int i = 3; i >= 0; --i, year /= 10)
        text[i] = char('0' + year % 10);
    text[4] = '-';
    text[5] = char('0' + date.month() / 10);
    text[6] = char('0' + date.month() % 10);
    text[7] = '-';
    text[8] = char('0' + date.day() / 10);
    text[9] = char('0' + date.day() % 10);
    return QString::fromLatin1(text, 10);
}

QString PersonKey::normaliseName(const QString &name) {
    QString ascii;
    if (normaliseAscii(name, &ascii))
        return ascii;
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing ||
            c.category() == QChar::Mark_SpacingCombining)
            continue;
        if (!c.isLetterOrNumber()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        if (c == u'ß' || c == u'ẞ')
            out.append(u"ss");
        else
            out.append(c.toCaseFolded());
    }
    return out;
}

QString PersonKey::normaliseEmail(const QString &email) {
    return email.trimmed().toLower();
}

QString PersonKey::normalisePhone(const QString &phone) {
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    const bool international = phone.trimmed().startsWith(u'+');
    if (international)
        return digits;
    if (digits.startsWith(u"00"))
        return digits.mid(2);
    if (digits.startsWith(u'0'))
        return u"49" % digits.mid(1);
    return digits;
}

QString PersonKey::text(const QString &familyName, const QString &givenName, QDate birthDate) {
    return normaliseName(familyName) % u'|' % normaliseName(givenName) % u'|' % isoDate(birthDate);
}

QByteArray PersonKey::make(const QByteArray &pepper, const QString &familyName,
                           const QString &givenName, QDate birthDate) {
    Q_ASSERT(pepper.size() == pepperBytes);
    const QByteArray message = text(familyName, givenName, birthDate).toUtf8();
    QByteArray key(keyBytes, Qt::Uninitialized);
    crypto_generichash(
        reinterpret_cast<unsigned char *>(key.data()), std::size_t(key.size()),
        reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
        reinterpret_cast<const unsigned char *>(pepper.constData()), std::size_t(pepper.size()));
    return key;
}

} // namespace slotdesk

#include "models/booking/PersonKey.h"

#include <QCryptographicHash>

namespace slotdesk {

QString PersonKey::normaliseName(const QString &name) {
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

QString PersonKey::make(const QString &familyName, const QString &givenName, QDate birthDate,
                        const QString &phone, const QString &email) {
    const QString contact =
        phone.trimmed().isEmpty() ? u"e:" % normaliseEmail(email) : u"p:" % normalisePhone(phone);
    const QString text = normaliseName(familyName) % u'|' % normaliseName(givenName) % u'|' %
                         birthDate.toString(Qt::ISODate) % u'|' % contact;
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace slotdesk

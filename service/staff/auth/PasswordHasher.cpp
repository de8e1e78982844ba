#include "service/staff/auth/PasswordHasher.h"

#include <QByteArray>

#include <sodium.h>

namespace slotdesk {

PasswordHashLimits PasswordHashLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashLimits PasswordHashLimits::minimal() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(PasswordHashLimits limits)
    : m_limits(limits) {
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    m_dummyHash = hash(QStringLiteral("slotdesk-dummy-password-never-used"));
}

QString PasswordHasher::hash(const QString &password) const {
    const QByteArray utf8 = password.toUtf8();
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(out.data(), utf8.constData(),
                              static_cast<unsigned long long>(utf8.size()), m_limits.opsLimit,
                              m_limits.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QString::fromLatin1(out.constData()); // NUL-terminated ASCII
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password) const {
    const QByteArray stored = encodedHash.toLatin1();
    if (!stored.startsWith("$argon2id$") || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

void PasswordHasher::verifyDummy(const QString &password) const {
    (void)verify(m_dummyHash, password);
}

} // namespace slotdesk

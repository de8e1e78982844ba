#include "service/staff/auth/TokenStore.h"

#include <sodium.h>

namespace slotdesk {

TokenStore::TokenStore(QSqlDatabase db)
    : m_table(std::move(db)) {
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

QString TokenStore::hashToken(const QString &token) {
    const QByteArray utf8 = token.toUtf8();
    QByteArray digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(utf8.constData()),
                       static_cast<unsigned long long>(utf8.size()));
    return QString::fromLatin1(digest.toHex());
}

TokenStore::Issued TokenStore::issue(qint64 staffId, qint64 now, qint64 ttlSeconds) {
    QByteArray random(32, '\0');
    randombytes_buf(random.data(), static_cast<size_t>(random.size()));
    Issued issued;
    issued.token = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    issued.expiresAt = now + ttlSeconds;
    if (!m_table.insert(hashToken(issued.token), staffId, now, issued.expiresAt))
        return {};
    return issued;
}

std::optional<TokenStore::Session> TokenStore::lookup(const QString &token, qint64 now) const {
    // 32 bytes in unpadded base64url are 43 characters; anything else cannot be ours.
    if (token.size() != 43)
        return std::nullopt;
    const std::optional<StaffTokenTable::Session> session = m_table.lookup(hashToken(token), now);
    if (!session)
        return std::nullopt;
    return Session{session->staffId, session->expiresAt};
}

bool TokenStore::revoke(const QString &token, qint64 now) {
    return m_table.revoke(hashToken(token), now);
}

bool TokenStore::revokeAll(qint64 staffId, qint64 now) {
    return m_table.revokeAll(staffId, now);
}

} // namespace slotdesk

#include "service/staff/auth/TokenStore.h"

#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace slotdesk {

TokenStore::TokenStore(QSqlDatabase db)
    : m_db(std::move(db)) {
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

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO staff_tokens (token_hash, staff_id, created_at, "
                                 "expires_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(hashToken(issued.token));
    query.addBindValue(staffId);
    query.addBindValue(now);
    query.addBindValue(issued.expiresAt);
    if (!query.exec())
        return {};
    return issued;
}

std::optional<TokenStore::Session> TokenStore::lookup(const QString &token, qint64 now) const {
    // 32 bytes in unpadded base64url are 43 characters; anything else cannot be ours.
    if (token.size() != 43)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT staff_id, expires_at FROM staff_tokens WHERE token_hash = "
                                 "? AND revoked_at IS NULL AND expires_at > ?"));
    query.addBindValue(hashToken(token));
    query.addBindValue(now);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Session{query.value(0).toLongLong(), query.value(1).toLongLong()};
}

bool TokenStore::revoke(const QString &token, qint64 now) {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE staff_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"));
    query.addBindValue(now);
    query.addBindValue(hashToken(token));
    return query.exec() && query.numRowsAffected() > 0;
}

bool TokenStore::revokeAll(qint64 staffId, qint64 now) {
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE staff_tokens SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL"));
    query.addBindValue(now);
    query.addBindValue(staffId);
    return query.exec();
}

} // namespace slotdesk

#pragma once

#include <QByteArray>
#include <QString>

namespace slotdesk {

// The service's Ed25519 key for QR signatures. The secret key lives in a file (config
// key-file) created on first start with mode 0600 (O_EXCL, so two starting instances never
// overwrite each other's key); desks fetch the public key once and verify offline.
class SigningKey {
public:
    // Loads the key file, or generates it when it does not exist. Returns false with *error.
    bool loadOrCreate(const QString &path, QString *error);
    QByteArray publicKey() const { return m_public; } // 32 bytes
    QString keyId() const;                            // first 16 hex chars of SHA-256(public)
    QByteArray sign(const QByteArray &message) const; // 64 bytes

private:
    QByteArray m_secret; // 64 bytes (libsodium: seed + public key)
    QByteArray m_public;
};

} // namespace slotdesk

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace slotdesk {

// The text inside a booking's QR code, verifiable offline at a check-in desk with the service's
// Ed25519 public key (GET /api/v1/public-key):
//   SD1:<code>:<centre id>:<service>:<slot start, Unix seconds>:<signature, base64url, no padding>
// The signature covers everything before the last ':' (UTF-8). Only the booking code and where
// and when it is valid are inside: a scanned QR reveals no personal data.
struct QrPayload {
    QString code; // canonical booking code
    qint64 centreId = 0;
    QString service;
    qint64 startsAt = 0;

    // The signed part ("SD1:...:<start>").
    QByteArray signedText() const;
    // signedText() + ':' + base64url(signature).
    QString withSignature(const QByteArray &signature) const;

    // Parses a scanned text; nullopt when it is not an SD1 payload. *signature gets the raw
    // 64-byte signature.
    static std::optional<QrPayload> parse(const QString &text, QByteArray *signature);
    // True when `text` parses and its signature verifies with the 32-byte Ed25519 public key.
    static bool verify(const QString &text, const QByteArray &publicKey);
};

} // namespace slotdesk

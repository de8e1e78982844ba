#include "net/QrPayload.h"

#include <QStringList>

#include <sodium.h>

namespace slotdesk {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray QrPayload::signedText() const {
    return (u"SD1:" % code % u':' % QString::number(centreId) % u':' % service % u':' %
            QString::number(startsAt))
        .toUtf8();
}

QString QrPayload::withSignature(const QByteArray &signature) const {
    return QString::fromUtf8(signedText()) % u':' %
           QString::fromLatin1(signature.toBase64(base64url));
}

std::optional<QrPayload> QrPayload::parse(const QString &text, QByteArray *signature) {
    const QStringList parts = text.trimmed().split(u':');
    if (parts.size() != 6 || parts.at(0) != u"SD1")
        return std::nullopt;
    QrPayload payload;
    bool okCentre = false;
    bool okStart = false;
    payload.code = parts.at(1);
    payload.centreId = parts.at(2).toLongLong(&okCentre);
    payload.service = parts.at(3);
    payload.startsAt = parts.at(4).toLongLong(&okStart);
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(5).toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!okCentre || !okStart || !decoded || decoded.decoded.size() != crypto_sign_BYTES)
        return std::nullopt;
    if (signature)
        *signature = decoded.decoded;
    return payload;
}

bool QrPayload::verify(const QString &text, const QByteArray &publicKey) {
    QByteArray signature;
    const std::optional<QrPayload> payload = parse(text, &signature);
    if (!payload || publicKey.size() != crypto_sign_PUBLICKEYBYTES || sodium_init() < 0)
        return false;
    // Re-serialise from the parsed fields: what is verified is exactly what was parsed.
    const QByteArray message = payload->signedText();
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               quint64(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData())) == 0;
}

} // namespace slotdesk

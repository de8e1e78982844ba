#include "net/QrPayload.h"

#include <QStringList>

#include <sodium.h>

#include <vector>

namespace slotdesk {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int hashBytes = crypto_generichash_BYTES; // 32: BLAKE2b-256
constexpr char leafPrefix = '\x00';
constexpr char nodePrefix = '\x01';

const unsigned char *bytes(const QByteArray &data) {
    return reinterpret_cast<const unsigned char *>(data.constData());
}

QByteArray blake2b(char prefix, const QByteArray &first, const QByteArray &second = {}) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, hashBytes);
    const unsigned char tag = static_cast<unsigned char>(prefix);
    crypto_generichash_update(&state, &tag, 1);
    crypto_generichash_update(&state, bytes(first), quint64(first.size()));
    crypto_generichash_update(&state, bytes(second), quint64(second.size()));
    QByteArray out(hashBytes, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()), hashBytes);
    return out;
}

QByteArray nodeHash(const QByteArray &left, const QByteArray &right) {
    return blake2b(nodePrefix, left, right);
}

// What the root signature covers: the tree size is inside so that a path cannot be replayed
// against a tree of another shape.
QByteArray rootMessage(int treeSize, const QByteArray &root) {
    QByteArray message("slotdesk-qr-root-v1");
    const auto size = quint32(treeSize);
    message.append(char(size >> 24)).append(char(size >> 16)).append(char(size >> 8));
    message.append(char(size)).append(root);
    return message;
}

// RFC 9162 §2.1.1 MTH over leaves [lo, hi); appends each leaf's siblings to paths[i - lo0] on
// the way up, so every path runs from leaf to root.
QByteArray treeHash(const QList<QByteArray> &leaves, int lo, int hi,
                    std::vector<QList<QByteArray>> &paths) {
    if (hi - lo == 1)
        return leaves.at(lo);
    int split = 1;
    while (split * 2 < hi - lo)
        split *= 2;
    const QByteArray left = treeHash(leaves, lo, lo + split, paths);
    const QByteArray right = treeHash(leaves, lo + split, hi, paths);
    for (int i = lo; i < lo + split; ++i)
        paths[std::size_t(i)].append(right);
    for (int i = lo + split; i < hi; ++i)
        paths[std::size_t(i)].append(left);
    return nodeHash(left, right);
}

// RFC 9162 §2.1.3.2: the root an inclusion path leads to, or empty when the path does not fit
// the tree size.
QByteArray rootFromPath(const QByteArray &leaf, const QrPayload::Proof &proof) {
    if (proof.treeSize < 1 || proof.index < 0 || proof.index >= proof.treeSize)
        return {};
    quint32 fn = quint32(proof.index);
    quint32 sn = quint32(proof.treeSize - 1);
    QByteArray r = leaf;
    for (const QByteArray &p : proof.path) {
        if (sn == 0)
            return {};
        if ((fn & 1) != 0 || fn == sn) {
            r = nodeHash(p, r);
            while ((fn & 1) == 0 && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 ? r : QByteArray();
}

std::optional<QByteArray> decode(const QString &text, qsizetype unit) {
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() % unit != 0)
        return std::nullopt;
    return decoded.decoded;
}

bool verifySignature(const QByteArray &signature, const QByteArray &message,
                     const QByteArray &publicKey) {
    return crypto_sign_verify_detached(bytes(signature), bytes(message), quint64(message.size()),
                                       bytes(publicKey)) == 0;
}
} // namespace

QByteArray QrPayload::signedText() const {
    return (u"SD1:" % code % u':' % QString::number(centreId) % u':' % service % u':' %
            QString::number(startsAt))
        .toUtf8();
}

QString QrPayload::withSignature(const QByteArray &signature) const {
    return QString::fromUtf8(signedText()) % u':' %
           QString::fromLatin1(signature.toBase64(base64url));
}

QByteArray QrPayload::leafText() const {
    return (u"SD2:" % code % u':' % QString::number(centreId) % u':' % service % u':' %
            QString::number(startsAt))
        .toUtf8();
}

QString QrPayload::withProof(const Proof &proof) const {
    QByteArray path;
    for (const QByteArray &hash : proof.path)
        path.append(hash);
    return QString::fromUtf8(leafText()) % u':' % QString::number(proof.index) % u'/' %
           QString::number(proof.treeSize) % u':' % QString::fromLatin1(path.toBase64(base64url)) %
           u':' % QString::fromLatin1(proof.signature.toBase64(base64url));
}

QStringList QrPayload::signBatch(const QList<QrPayload> &payloads,
                                 const std::function<QByteArray(const QByteArray &)> &sign) {
    QStringList texts;
    texts.reserve(payloads.size());
    const int total = int(payloads.size());
    const int trees = (total + maxTreeSize - 1) / maxTreeSize;
    int first = 0;
    for (int tree = 0; tree < trees; ++tree) {
        // Nearly equal trees (70 → 24 + 23 + 23) keep every path as short as the cap allows.
        const int size = total / trees + (tree < total % trees ? 1 : 0);
        QList<QByteArray> leaves;
        leaves.reserve(size);
        for (int i = first; i < first + size; ++i)
            leaves.append(blake2b(leafPrefix, payloads.at(i).leafText()));
        std::vector<QList<QByteArray>> paths(static_cast<std::size_t>(size));
        const QByteArray root = treeHash(leaves, 0, size, paths);
        Proof proof;
        proof.treeSize = size;
        proof.signature = sign(rootMessage(size, root));
        for (int i = 0; i < size; ++i) {
            proof.index = i;
            proof.path = paths[std::size_t(i)];
            texts.append(payloads.at(first + i).withProof(proof));
        }
        first += size;
    }
    return texts;
}

std::optional<QrPayload> QrPayload::parse(const QString &text, Proof *proof) {
    const QString trimmed = text.trimmed();
    const QStringList parts = trimmed.split(u':');
    const bool v1 = parts.size() == 6 && parts.at(0) == u"SD1";
    const bool v2 = parts.size() == 8 && parts.at(0) == u"SD2";
    if (!v1 && !v2)
        return std::nullopt;
    QrPayload payload;
    bool okCentre = false;
    bool okStart = false;
    payload.code = parts.at(1);
    payload.centreId = parts.at(2).toLongLong(&okCentre);
    payload.service = parts.at(3);
    payload.startsAt = parts.at(4).toLongLong(&okStart);
    Proof parsed;
    const std::optional<QByteArray> signature = decode(parts.constLast(), crypto_sign_BYTES);
    if (!okCentre || !okStart || !signature || signature->size() != crypto_sign_BYTES)
        return std::nullopt;
    parsed.signature = *signature;
    if (v1) {
        parsed.version = 1;
        if (payload.withSignature(parsed.signature) != trimmed)
            return std::nullopt;
    } else {
        const QStringList position = parts.at(5).split(u'/');
        bool okIndex = false;
        bool okSize = false;
        if (position.size() != 2)
            return std::nullopt;
        parsed.index = position.at(0).toInt(&okIndex);
        parsed.treeSize = position.at(1).toInt(&okSize);
        const std::optional<QByteArray> path = decode(parts.at(6), hashBytes);
        if (!okIndex || !okSize || !path)
            return std::nullopt;
        for (qsizetype at = 0; at < path->size(); at += hashBytes)
            parsed.path.append(path->mid(at, hashBytes));
        if (payload.withProof(parsed) != trimmed)
            return std::nullopt;
    }
    if (proof)
        *proof = parsed;
    return payload;
}

bool QrPayload::verify(const QString &text, const QByteArray &publicKey) {
    Proof proof;
    const std::optional<QrPayload> payload = parse(text, &proof);
    if (!payload || publicKey.size() != crypto_sign_PUBLICKEYBYTES || sodium_init() < 0)
        return false;
    // Recomputed from the parsed fields: what is verified is exactly what was parsed.
    if (proof.version == 1)
        return verifySignature(proof.signature, payload->signedText(), publicKey);
    const QByteArray root = rootFromPath(blake2b(leafPrefix, payload->leafText()), proof);
    return !root.isEmpty() &&
           verifySignature(proof.signature, rootMessage(proof.treeSize, root), publicKey);
}

} // namespace slotdesk

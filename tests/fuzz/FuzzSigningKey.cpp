#include "tests/fuzz/FuzzSigningKey.h"

#include <sodium.h>

namespace slotdesk::fuzz {

namespace {

struct KeyPair {
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    unsigned char secretKey[crypto_sign_SECRETKEYBYTES];
};

const KeyPair &keyPair() {
    static const KeyPair pair = [] {
        KeyPair made{};
        if (sodium_init() < 0)
            qFatal("libsodium does not start");
        unsigned char seed[crypto_sign_SEEDBYTES];
        for (unsigned i = 0; i < sizeof seed; ++i)
            seed[i] = static_cast<unsigned char>(i * 7 + 1);
        crypto_sign_seed_keypair(made.publicKey, made.secretKey, seed);
        return made;
    }();
    return pair;
}

} // namespace

QByteArray fuzzPublicKey() {
    return QByteArray(reinterpret_cast<const char *>(keyPair().publicKey),
                      crypto_sign_PUBLICKEYBYTES);
}

QByteArray fuzzSign(const QByteArray &message) {
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         quint64(message.size()), keyPair().secretKey);
    return signature;
}

} // namespace slotdesk::fuzz

#include "service/booking/SigningKey.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace slotdesk {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SigningKey", text);
}
} // namespace

bool SigningKey::loadOrCreate(const QString &path, QString *error) {
    if (sodium_init() < 0) {
        *error = tr("The cryptography library could not be initialised.");
        return false;
    }
    const QByteArray nativePath = QFile::encodeName(path);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        crypto_sign_keypair(pk, sk);
        const bool written = ::write(fd, sk, sizeof sk) == ssize_t(sizeof sk) && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            ::unlink(nativePath.constData());
            *error = tr("Cannot write the signing key file \"%1\".").arg(path);
            return false;
        }
    } else if (errno != EEXIST) {
        *error = tr("Cannot create the signing key file \"%1\": %2.")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the signing key file \"%1\".").arg(path);
            return false;
        }
        const QByteArray bytes = file.readAll();
        if (bytes.size() != crypto_sign_SECRETKEYBYTES) {
            *error = tr("The signing key file \"%1\" is not an Ed25519 key.").arg(path);
            return false;
        }
        std::memcpy(sk, bytes.constData(), sizeof sk);
        crypto_sign_ed25519_sk_to_pk(pk, sk);
    }
    m_secret = QByteArray(reinterpret_cast<const char *>(sk), sizeof sk);
    m_public = QByteArray(reinterpret_cast<const char *>(pk), sizeof pk);
    sodium_memzero(sk, sizeof sk);
    return true;
}

QString SigningKey::keyId() const {
    return QString::fromLatin1(
        QCryptographicHash::hash(m_public, QCryptographicHash::Sha256).toHex().left(16));
}

QByteArray SigningKey::sign(const QByteArray &message) const {
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         quint64(message.size()),
                         reinterpret_cast<const unsigned char *>(m_secret.constData()));
    return signature;
}

} // namespace slotdesk

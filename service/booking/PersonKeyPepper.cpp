#include "service/booking/PersonKeyPepper.h"

#include "models/booking/PersonKey.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace slotdesk {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PersonKeyPepper", text);
}
} // namespace

bool PersonKeyPepper::loadOrCreate(const QString &path, QString *error) {
    if (sodium_init() < 0) {
        *error = tr("The cryptography library could not be initialised.");
        return false;
    }
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        QByteArray pepper(PersonKey::pepperBytes, Qt::Uninitialized);
        randombytes_buf(pepper.data(), std::size_t(pepper.size()));
        const bool written =
            ::write(fd, pepper.constData(), std::size_t(pepper.size())) == ssize_t(pepper.size()) &&
            ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            ::unlink(nativePath.constData());
            *error = tr("Cannot write the person key pepper file \"%1\".").arg(path);
            return false;
        }
        m_pepper = pepper;
        return true;
    }
    if (errno != EEXIST) {
        *error = tr("Cannot create the person key pepper file \"%1\": %2.")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the person key pepper file \"%1\".").arg(path);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != PersonKey::pepperBytes) {
        *error = tr("The person key pepper file \"%1\" does not hold %2 bytes.")
                     .arg(path)
                     .arg(PersonKey::pepperBytes);
        return false;
    }
    m_pepper = bytes;
    return true;
}

} // namespace slotdesk

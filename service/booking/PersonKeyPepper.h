#pragma once

#include <QByteArray>
#include <QString>

namespace slotdesk {

// The secret that keys person keys (PersonKey::make). It lives in a file beside the signing
// key (config pepper-file), created on first start with mode 0600 (O_EXCL, so two starting
// instances never overwrite each other's). Losing it does not lose bookings, but new bookings
// are then no longer matched against stored people: back it up with the signing key.
class PersonKeyPepper {
public:
    // Loads the file, or creates it with fresh random bytes. Returns false with *error.
    bool loadOrCreate(const QString &path, QString *error);
    QByteArray bytes() const { return m_pepper; }

private:
    QByteArray m_pepper;
};

} // namespace slotdesk

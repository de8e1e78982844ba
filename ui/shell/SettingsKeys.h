#pragma once

#include <QString>

namespace slotdesk::settings {

// QSettings keys of the console, in one place so the shell and its tests agree.
inline QString languageKey() {
    return QStringLiteral("ui/language"); // "auto" | "de" | "en"
}
inline QString windowGeometryKey() {
    return QStringLiteral("window/geometry");
}
inline QString windowStateKey() {
    return QStringLiteral("window/state");
}

// The booking service (Settings → Service). Never the token or a password: those stay in
// memory.
inline QString serviceUrlKey() {
    return QStringLiteral("service/url");
}
inline QString serviceCertificateKey() {
    return QStringLiteral("service/certificateSha256"); // hex SHA-256, empty: system CAs
}
inline QString serviceLocalKey() {
    return QStringLiteral("service/local"); // true: run the local service as a child
}

} // namespace slotdesk::settings

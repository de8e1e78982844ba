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

} // namespace slotdesk::settings

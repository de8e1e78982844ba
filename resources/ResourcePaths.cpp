#include "resources/ResourcePaths.h"

namespace slotdesk {

QString migrationsResourceDir() {
    return QStringLiteral(":/migrations");
}
QString translationsResourceDir() {
    return QStringLiteral(":/i18n");
}

} // namespace slotdesk

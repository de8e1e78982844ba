#include "service/ServiceInfo.h"

namespace slotdesk {

QString serviceProductName() {
    return QStringLiteral("slotdesk-service/" SLOTDESK_VERSION);
}

} // namespace slotdesk

#pragma once

#include <QString>

namespace slotdesk {

// Name and version the service reports in its Server header and /api/v1/health.
QString serviceProductName();

} // namespace slotdesk

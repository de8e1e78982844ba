#pragma once

#include "service/booking/EngineError.h"

#include <QHttpServerResponse>

namespace slotdesk {

// The answer to an engine refusal, the same on every route: its status by kind (404, 409, 422,
// 403 with the reason, 429 with Retry-After, 503), the error code, message and field.
QHttpServerResponse engineErrorResponse(const EngineError &error);

} // namespace slotdesk

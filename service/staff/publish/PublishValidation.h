#pragma once

#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"
#include "service/http/JsonResponse.h"

#include <optional>

namespace slotdesk {

// What the publish routes check before writing, answered 422 with the field at fault: the
// checks the schema would otherwise answer with an anonymous constraint failure.
std::optional<QHttpServerResponse> validateCentre(const Centre &centre);
std::optional<QHttpServerResponse> validateHours(const OpeningHours &hours);

} // namespace slotdesk

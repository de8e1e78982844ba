#pragma once

#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"

#include <QJsonObject>

namespace slotdesk::wire {

// JSON codecs shared by the console (client) and the service, so both sides agree by
// construction. Decoders return false and set `error` on any missing or mistyped field.
QJsonObject toJson(const Centre &centre);
bool fromJson(const QJsonObject &json, Centre *centre, QString *error);
QJsonObject toJson(const OpeningHours &hours);
bool fromJson(const QJsonObject &json, OpeningHours *hours, QString *error);

} // namespace slotdesk::wire

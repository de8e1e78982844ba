#pragma once

#include "models/domain/Release.h"
#include "models/store/DeskBookingStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace slotdesk::wire {

// The JSON of a release as GET/POST /api/v1/releases answer it, shared by the service and the
// console's client. Instants are Unix seconds (opens_at) with the Berlin ISO text beside them
// (opens_at_local) for people reading logs; state is computed at `now` (see Release::stateAt).
QJsonObject releaseToJson(const Release &release, qint64 now);
// Reads what releaseToJson wrote (the state into storedState). False with *error when a
// required field is missing or has the wrong type.
bool releaseFromJson(const QJsonObject &json, Release *release, QString *error);

// A booking of a release as staff contact it: code, names, contact, centre, service and time.
QJsonObject releaseBookingToJson(const DeskBooking &booking);
// The same rows as CSV for German spreadsheets: UTF-8 with BOM, ';' separated, CRLF, a header
// row, fields quoted when they hold ';', '"' or a line break.
QByteArray releaseBookingsCsv(const QList<DeskBooking> &bookings);

} // namespace slotdesk::wire

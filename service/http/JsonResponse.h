#pragma once

#include "net/JsonText.h"

#include <QByteArray>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace slotdesk {

using HttpStatus = QHttpServerResponder::StatusCode;

// Every error answer of the service has this shape, so clients branch on `error` (stable,
// machine-readable, snake_case) and show `message` (English, for developers and logs):
//   {"error": "slot_full", "message": "...", "field": "slot_id"}   (field only when one is at
//   fault)
QHttpServerResponse jsonError(HttpStatus status, const QString &reason, const QString &message,
                              const QString &field = {});
QHttpServerResponse jsonResponse(const QJsonObject &body, HttpStatus status = HttpStatus::Ok);
QHttpServerResponse jsonResponse(const QJsonArray &body, HttpStatus status = HttpStatus::Ok);
// Already serialised JSON (the availability cache answers with shared bytes, no copy).
QHttpServerResponse jsonBytes(const QByteArray &body, HttpStatus status = HttpStatus::Ok);

// 429 with Retry-After (seconds, at least 1).
QHttpServerResponse tooManyRequests(qint64 retryAfterSeconds);

} // namespace slotdesk

#pragma once

#include "service/http/HttpRequest.h"
#include "service/http/JsonResponse.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace slotdesk {

// Parses a request body that must be one JSON object. Checks, in this order: Content-Type is
// application/json (415 unsupported_media_type), the bytes are valid UTF-8 (400 invalid_utf8),
// the text is JSON (400 malformed_json), the top level is an object (400 wrong_type).
// On failure returns nullopt and sets *error to the answer to send.
std::optional<QJsonObject> parseJsonObject(const HttpRequest &request,
                                           std::optional<QHttpServerResponse> *error);

// Reads typed fields from a JSON object and remembers the first problem as a precise 400
// (or 422) answer naming the field. Usage:
//   JsonFields f(body);
//   const QString name = f.string(u"family_name", JsonFields::Required, 100);
//   f.rejectUnknown();               // 400 unknown_field for anything not read above
//   if (f.failed()) return f.takeError();
// Field aliases (slot_id | slotId) are read with firstOf().
class JsonFields {
public:
    enum Presence { Optional, Required };
    explicit JsonFields(const QJsonObject &object);

    // Trimmed string; maxLength counts UTF-16 units. Empty when absent.
    QString string(const QString &name, Presence presence, int maxLength);
    // Integer (JSON number without fraction) in [min, max].
    std::optional<qint64> integer(const QString &name, Presence presence, qint64 min, qint64 max);
    // ISO date "YYYY-MM-DD" in [min, max] (400 out_of_range otherwise).
    std::optional<QDate> date(const QString &name, Presence presence, QDate min, QDate max);
    // The first of several spellings present (marks all as known). Empty when none present.
    QString firstOf(std::initializer_list<QString> names);

    void rejectUnknown();
    void fail(HttpStatus status, const QString &reason, const QString &message,
              const QString &field);
    bool failed() const { return m_error.has_value(); }
    QHttpServerResponse takeError();

private:
    // The field's value when present and not null; nullopt otherwise (missing_field when
    // required). Marks the name as known either way.
    std::optional<QJsonValue> fetch(const QString &name, Presence presence);
    QJsonObject m_object;
    QVarLengthArray<QString, 8> m_known; // a handful of names: a linear scan beats hashing
    std::optional<QHttpServerResponse> m_error;
};

} // namespace slotdesk

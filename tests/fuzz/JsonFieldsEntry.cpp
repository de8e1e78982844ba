#include "service/http/JsonBody.h"
#include "tests/fuzz/FuzzCheck.h"
#include "tests/fuzz/FuzzEntries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <limits>

namespace slotdesk::fuzz {

namespace {

// A failed reader answers 400 (or 422) with the service's JSON error shape naming the field.
void checkError(JsonFields &fields) {
    if (!fields.failed())
        return;
    const QHttpServerResponse response = fields.takeError();
    SLOTDESK_FUZZ_CHECK(response.statusCode() == HttpStatus::BadRequest ||
                        response.statusCode() == HttpStatus::UnprocessableEntity);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.data(), &parseError);
    SLOTDESK_FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject());
    SLOTDESK_FUZZ_CHECK(!document.object().value(QStringLiteral("error")).toString().isEmpty());
    SLOTDESK_FUZZ_CHECK(!document.object().value(QStringLiteral("message")).toString().isEmpty());
    SLOTDESK_FUZZ_CHECK(!fields.failed());
}

// What string() promises about the text it returns.
void checkText(const QString &text, int maxLength, bool failed) {
    if (failed) {
        SLOTDESK_FUZZ_CHECK(text.isEmpty());
        return;
    }
    SLOTDESK_FUZZ_CHECK(text.size() <= maxLength);
    SLOTDESK_FUZZ_CHECK(text == text.trimmed());
    SLOTDESK_FUZZ_CHECK(text.isValidUtf16());
    for (const QChar c : text)
        SLOTDESK_FUZZ_CHECK(c.category() != QChar::Other_Control);
}

void checkInteger(const std::optional<qint64> &value, qint64 min, qint64 max) {
    if (value)
        SLOTDESK_FUZZ_CHECK(*value >= min && *value <= max);
}

// The reads of POST /api/v1/holds.
void readHold(const QJsonObject &object) {
    JsonFields fields(object);
    const QString slotName = fields.firstOf({QStringLiteral("slot_id"), QStringLiteral("slotId")});
    const qint64 maxSlot = std::numeric_limits<qint32>::max() * qint64(1024);
    const std::optional<qint64> slotId =
        fields.integer(slotName.isEmpty() ? QStringLiteral("slot_id") : slotName,
                       JsonFields::Required, 1, maxSlot);
    checkInteger(slotId, 1, maxSlot);
    const QString service = fields.string(QStringLiteral("service"), JsonFields::Optional, 64);
    checkText(service, 64, fields.failed());
    fields.rejectUnknown();
    SLOTDESK_FUZZ_CHECK(fields.failed() || slotId.has_value());
    checkError(fields);
}

// The reads of POST /api/v1/bookings (confirm).
void readConfirm(const QJsonObject &object) {
    JsonFields fields(object);
    const QString names[] = {QStringLiteral("hold_id"), QStringLiteral("family_name"),
                             QStringLiteral("given_name")};
    const int limits[] = {64, 100, 100};
    for (int i = 0; i < 3; ++i) {
        const QString text = fields.string(names[i], JsonFields::Required, limits[i]);
        checkText(text, limits[i], fields.failed());
        SLOTDESK_FUZZ_CHECK(fields.failed() || !text.isEmpty());
    }
    const QDate min(1896, 1, 1);
    const QDate max(2026, 12, 3);
    const std::optional<QDate> birth =
        fields.date(QStringLiteral("birth_date"), JsonFields::Required, min, max);
    if (birth) {
        SLOTDESK_FUZZ_CHECK(birth->isValid() && *birth >= min && *birth <= max);
        // Only the spelling the API documents: YYYY-MM-DD.
        SLOTDESK_FUZZ_CHECK(object.value(QStringLiteral("birth_date")).toString().trimmed() ==
                            birth->toString(Qt::ISODate));
    }
    SLOTDESK_FUZZ_CHECK(fields.failed() || birth.has_value());
    checkText(fields.string(QStringLiteral("phone"), JsonFields::Optional, 40), 40,
              fields.failed());
    checkText(fields.string(QStringLiteral("email"), JsonFields::Optional, 254), 254,
              fields.failed());
    fields.rejectUnknown();
    checkError(fields);
}

// The reads of POST /api/v1/slots: a top-level array of objects, each read on its own.
void readSlots(const QJsonObject &object) {
    JsonFields top(object);
    top.firstOf({QStringLiteral("slots")});
    top.rejectUnknown();
    checkError(top);
    const QJsonArray slots = object.value(QStringLiteral("slots")).toArray();
    for (qsizetype i = 0; i < slots.size() && i < 64; ++i) {
        JsonFields f(slots.at(i).toObject());
        for (const QString &name :
             {QStringLiteral("centre"), QStringLiteral("service"), QStringLiteral("start")})
            checkText(f.string(name, JsonFields::Required, 64), 64, f.failed());
        checkInteger(f.integer(QStringLiteral("minutes"), JsonFields::Required, 5, 240), 5, 240);
        checkInteger(f.integer(QStringLiteral("capacity"), JsonFields::Required, 1, 10000), 1,
                     10000);
        f.rejectUnknown();
        checkError(f);
    }
}

// The reads of POST /api/v1/auth/login and the staff user routes.
void readStaff(const QJsonObject &object) {
    JsonFields fields(object);
    checkText(fields.string(QStringLiteral("login"), JsonFields::Required, 64), 64,
              fields.failed());
    checkText(fields.string(QStringLiteral("password"), JsonFields::Optional, 1024), 1024,
              fields.failed());
    checkText(fields.string(QStringLiteral("display_name"), JsonFields::Optional, 200), 200,
              fields.failed());
    fields.firstOf({QStringLiteral("active")});
    fields.rejectUnknown();
    checkError(fields);
}

} // namespace

void jsonFields(QByteArrayView input) {
    HttpRequestHead head;
    HttpHeadError headError;
    if (!parseRequestHead("POST /api/v1/bookings HTTP/1.1\r\n"
                          "Content-Type: application/json; charset=utf-8",
                          &head, &headError))
        return;
    head.body = input.toByteArray();
    head.contentLength = head.body.size();
    const HttpRequest request(head, QStringLiteral("/api/v1/bookings"), {}, QHostAddress());
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> object = parseJsonObject(request, &error);
    if (!object) {
        SLOTDESK_FUZZ_CHECK(error.has_value() && error->statusCode() == HttpStatus::BadRequest);
        return;
    }
    // Accepted bodies are UTF-8 that Qt decodes without replacing anything.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(head.body);
    SLOTDESK_FUZZ_CHECK(!decoder.hasError());
    readHold(*object);
    readConfirm(*object);
    readSlots(*object);
    readStaff(*object);
}

} // namespace slotdesk::fuzz

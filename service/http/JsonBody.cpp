#include "service/http/JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace slotdesk {

namespace {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const QByteArray &bytes) {
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        int extra = 0;
        uint code = 0;
        uint minimum = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace

std::optional<QJsonObject> parseJsonObject(const HttpRequest &request,
                                           std::optional<QHttpServerResponse> *error) {
    const QByteArray contentType = request.header(QByteArrayLiteral("Content-Type"));
    const QByteArray mime = contentType.split(';').constFirst().trimmed().toLower();
    if (mime != "application/json") {
        error->emplace(jsonError(HttpStatus::UnsupportedMediaType,
                                 QStringLiteral("unsupported_media_type"),
                                 QStringLiteral("The body must be JSON (Content-Type: "
                                                "application/json).")));
        return std::nullopt;
    }
    const QByteArray body = request.body();
    // QJsonDocument replaces invalid UTF-8 silently; refuse it explicitly instead.
    if (!isValidUtf8(body)) {
        error->emplace(jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_utf8"),
                                 QStringLiteral("The body is not valid UTF-8.")));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->emplace(jsonError(HttpStatus::BadRequest, QStringLiteral("malformed_json"),
                                 QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset)));
        return std::nullopt;
    }
    if (!document.isObject()) {
        error->emplace(jsonError(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                                 QStringLiteral("The body must be a JSON object.")));
        return std::nullopt;
    }
    return document.object();
}

JsonFields::JsonFields(const QJsonObject &object)
    : m_object(object) {}

std::optional<QJsonValue> JsonFields::fetch(const QString &name, Presence presence) {
    // One lookup per field: a QJsonObject lookup compares the name with every key.
    if (!m_known.contains(name))
        m_known.append(name);
    if (failed())
        return std::nullopt;
    QJsonValue value = m_object.value(name);
    if (!value.isUndefined() && !value.isNull())
        return value;
    if (presence == Required)
        fail(HttpStatus::BadRequest, QStringLiteral("missing_field"),
             QStringLiteral("The field \"%1\" is required.").arg(name), name);
    return std::nullopt;
}

QString JsonFields::string(const QString &name, Presence presence, int maxLength) {
    const std::optional<QJsonValue> value = fetch(name, presence);
    if (!value)
        return {};
    if (!value->isString()) {
        fail(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
             QStringLiteral("The field \"%1\" must be a string.").arg(name), name);
        return {};
    }
    const QString text = value->toString().trimmed();
    if (text.size() > maxLength) {
        fail(HttpStatus::BadRequest, QStringLiteral("too_long"),
             QStringLiteral("The field \"%1\" is longer than %2 characters.")
                 .arg(name)
                 .arg(maxLength),
             name);
        return {};
    }
    if (presence == Required && text.isEmpty()) {
        fail(HttpStatus::BadRequest, QStringLiteral("missing_field"),
             QStringLiteral("The field \"%1\" must not be empty.").arg(name), name);
        return {};
    }
    // The body's bytes are strict UTF-8; a JSON escape ("\ud800") must not bring in a lone
    // surrogate either.
    if (!text.isValidUtf16()) {
        fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
             QStringLiteral("The field \"%1\" contains an unpaired surrogate.").arg(name), name);
        return {};
    }
    for (const QChar c : text) {
        // Printable ASCII first: the Unicode category lookup only for the rest.
        if ((c.unicode() >= 0x20 && c.unicode() < 0x7f) || c.category() != QChar::Other_Control)
            continue;
        fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
             QStringLiteral("The field \"%1\" contains control characters.").arg(name), name);
        return {};
    }
    return text;
}

std::optional<qint64> JsonFields::integer(const QString &name, Presence presence, qint64 min,
                                          qint64 max) {
    const std::optional<QJsonValue> found = fetch(name, presence);
    if (!found)
        return std::nullopt;
    const QJsonValue &value = *found;
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || std::abs(number) > 9.0e15) {
        fail(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
             QStringLiteral("The field \"%1\" must be an integer.").arg(name), name);
        return std::nullopt;
    }
    const auto result = qint64(number);
    if (result < min || result > max) {
        fail(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
             QStringLiteral("The field \"%1\" must be between %2 and %3.")
                 .arg(name)
                 .arg(min)
                 .arg(max),
             name);
        return std::nullopt;
    }
    return result;
}

std::optional<QDate> JsonFields::date(const QString &name, Presence presence, QDate min,
                                      QDate max) {
    const QString text = string(name, presence, 10);
    if (failed() || text.isEmpty())
        return std::nullopt;
    const QDate parsed = QDate::fromString(text, Qt::ISODate);
    // Qt's ISO parser takes any separator ("1990/01/01"): only the documented spelling passes.
    if (!parsed.isValid() || parsed.toString(Qt::ISODate) != text) {
        fail(HttpStatus::BadRequest, QStringLiteral("invalid_date"),
             QStringLiteral("The field \"%1\" must be a date YYYY-MM-DD.").arg(name), name);
        return std::nullopt;
    }
    if (parsed < min || parsed > max) {
        fail(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
             QStringLiteral("The field \"%1\" must be between %2 and %3.")
                 .arg(name, min.toString(Qt::ISODate), max.toString(Qt::ISODate)),
             name);
        return std::nullopt;
    }
    return parsed;
}

QString JsonFields::firstOf(std::initializer_list<QString> names) {
    QString found;
    for (const QString &name : names) {
        if (!m_known.contains(name))
            m_known.append(name);
        if (found.isEmpty() && m_object.contains(name))
            found = name;
    }
    return found;
}

void JsonFields::rejectUnknown() {
    if (failed())
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_known.contains(it.key())) {
            fail(HttpStatus::BadRequest, QStringLiteral("unknown_field"),
                 QStringLiteral("The field \"%1\" is not known here.").arg(it.key()), it.key());
            return;
        }
    }
}

void JsonFields::fail(HttpStatus status, const QString &reason, const QString &message,
                      const QString &field) {
    if (!m_error)
        m_error.emplace(jsonError(status, reason, message, field));
}

QHttpServerResponse JsonFields::takeError() {
    Q_ASSERT(m_error);
    QHttpServerResponse response = std::move(*m_error);
    m_error.reset();
    return response;
}

} // namespace slotdesk

#include "service/http/EngineErrorResponse.h"

#include "service/http/JsonResponse.h"

#include <QJsonObject>

namespace slotdesk {

QHttpServerResponse engineErrorResponse(const EngineError &error) {
    HttpStatus status = HttpStatus::InternalServerError;
    switch (error.kind) {
    case EngineError::Kind::NotFound:
        status = HttpStatus::NotFound;
        break;
    case EngineError::Kind::Conflict:
        status = HttpStatus::Conflict;
        break;
    case EngineError::Kind::Invalid:
        status = HttpStatus::UnprocessableEntity;
        break;
    case EngineError::Kind::Storage:
        status = HttpStatus::ServiceUnavailable;
        break;
    case EngineError::Kind::Forbidden: {
        QJsonObject body{{QStringLiteral("error"), error.reason},
                         {QStringLiteral("reason"), error.detail},
                         {QStringLiteral("message"), error.message}};
        if (!error.field.isEmpty())
            body.insert(QStringLiteral("field"), error.field);
        return jsonResponse(body, HttpStatus::Forbidden);
    }
    case EngineError::Kind::Limited: {
        QHttpServerResponse response =
            jsonError(HttpStatus::TooManyRequests, error.reason, error.message, error.field);
        response.setHeader(QByteArrayLiteral("Retry-After"),
                           QByteArray::number(qMax<qint64>(1, error.retryAfter)));
        return response;
    }
    case EngineError::Kind::None:
        break;
    }
    return jsonError(status, error.reason, error.message, error.field);
}

} // namespace slotdesk

#pragma once

#include <QCoreApplication>
#include <QString>

namespace slotdesk {

// An engine refusal, mapped to HTTP by the controller: NotFound → 404, Conflict → 409,
// Invalid → 422, Storage → 503, Limited → 429, Forbidden → 403. `reason` is the
// machine-readable error code; `detail` refines it (not_eligible: too_young, ...).
struct EngineError {
    enum class Kind { None, NotFound, Conflict, Invalid, Storage, Limited, Forbidden };
    Kind kind = Kind::None;
    QString reason;
    QString message;
    QString field;
    // Limited: seconds until the client may try again.
    qint64 retryAfter = 0;
    QString detail;
    explicit operator bool() const { return kind != Kind::None; }

    static EngineError make(Kind kind, const char *reason, const QString &message,
                            const QString &field = {}) {
        return EngineError{kind, QLatin1String(reason), message, field, 0, {}};
    }
};

struct HoldInfo {
    QString id;
    qint64 slotId = 0;
    qint64 expiresAt = 0;    // Unix seconds
    qint64 secondSlotId = 0; // a two-dose product's second appointment held with it; 0: none
};

} // namespace slotdesk

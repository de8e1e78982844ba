#include "service/staff/auth/CentreScope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slotdesk {

CentreScope::CentreScope(QList<CentreRef> centres)
    : m_centres(std::move(centres)) {
    for (const CentreRef &centre : std::as_const(m_centres)) {
        m_ids.insert(centre.id);
        m_uuids.insert(centre.uuid);
    }
}

QList<qint64> CentreScope::ids() const {
    QList<qint64> ids;
    for (const CentreRef &centre : m_centres)
        ids.append(centre.id);
    return ids;
}

QStringList CentreScope::uuids() const {
    QStringList uuids;
    for (const CentreRef &centre : m_centres)
        uuids.append(centre.uuid);
    return uuids;
}

bool CentreScope::allowsEvent(const Event &event) const {
    if (!limited())
        return true;
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    bool named = false;
    const auto allowedId = [&](const QJsonValue &value) {
        named = true;
        return m_ids.contains(value.toInteger());
    };
    const auto allowedUuid = [&](const QJsonValue &value) {
        named = true;
        return m_uuids.contains(value.toString());
    };
    if (const QJsonValue id = payload.value(QStringLiteral("centre_id")); !id.isUndefined()) {
        if (allowedId(id))
            return true;
    }
    if (const QJsonValue centre = payload.value(QStringLiteral("centre")); centre.isString()) {
        if (allowedUuid(centre))
            return true;
    }
    if (const QJsonValue centres = payload.value(QStringLiteral("centres")); centres.isArray()) {
        for (const QJsonValue &id : centres.toArray()) {
            if (id.isString() ? allowedUuid(id) : allowedId(id))
                return true;
        }
        named = true;
    }
    if (event.type.startsWith(u"centre.") && payload.contains(QStringLiteral("uuid"))) {
        if (allowedUuid(payload.value(QStringLiteral("uuid"))))
            return true;
    }
    return !named;
}

} // namespace slotdesk

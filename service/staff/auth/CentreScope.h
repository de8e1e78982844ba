#pragma once

#include "models/booking/Event.h"

#include <QList>
#include <QSet>
#include <QString>

namespace slotdesk {

struct CentreRef {
    qint64 id = 0;
    QString uuid;
};

// The centres one staff account may work with. An account without centres is not limited.
class CentreScope {
public:
    CentreScope() = default;
    explicit CentreScope(QList<CentreRef> centres);

    bool limited() const { return !m_centres.isEmpty(); }
    bool allowsId(qint64 id) const { return !limited() || m_ids.contains(id); }
    bool allowsUuid(const QString &uuid) const { return !limited() || m_uuids.contains(uuid); }
    const QList<CentreRef> &centres() const { return m_centres; }
    QList<qint64> ids() const;
    QStringList uuids() const;

    // Whether a stream event may reach this account. An event that names centres (centre_id,
    // centres, centre, or a published centre's uuid) passes when one of them is allowed;
    // events that name none pass.
    bool allowsEvent(const Event &event) const;

private:
    QList<CentreRef> m_centres;
    QSet<qint64> m_ids;
    QSet<QString> m_uuids;
};

} // namespace slotdesk

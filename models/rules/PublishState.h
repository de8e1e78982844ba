#pragma once

#include "models/domain/OpeningHours.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace slotdesk {

// Where a centre stands with the booking service, as the centres page shows it.
enum class PublishState {
    NotPublished, // never published (or only refused)
    Published,    // the service has exactly the local centre and opening hours
    Changed,      // edited locally since the last publish: publish again (also while offline)
    Conflict,     // the service refused, or someone else changed the centre there
};

// What the console last published of one centre (table centre_publications).
struct CentrePublication {
    qint64 centreId = 0;
    int centreRevision = 0;     // local Centre::revision sent; 0: never published
    QByteArray hoursDigest;     // openingHoursDigest() of the hours sent
    int serviceRevision = 0;    // the revision the service answered
    qint64 publishedAt = 0;     // UTC epoch seconds
    QString conflict;           // the service's reason; empty: no conflict
    QJsonObject serviceVersion; // the service's centre (wire JSON) at the conflict, if known
};

// A conflict wins over everything until it is resolved: it needs a decision.
PublishState publishStateOf(const CentrePublication &publication, int centreRevision,
                            const QByteArray &hoursDigest);

// Hex SHA-256 over every field of the hours except centreId: equal hours, equal digest.
QByteArray openingHoursDigest(const OpeningHours &hours);

// Translated, short, for a table cell.
QString publishStateText(PublishState state);

} // namespace slotdesk

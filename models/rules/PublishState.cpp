#include "models/rules/PublishState.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace slotdesk {

PublishState publishStateOf(const CentrePublication &publication, int centreRevision,
                            const QByteArray &hoursDigest) {
    if (!publication.conflict.isEmpty())
        return PublishState::Conflict;
    if (publication.centreRevision == 0)
        return PublishState::NotPublished;
    if (publication.centreRevision != centreRevision || publication.hoursDigest != hoursDigest)
        return PublishState::Changed;
    return PublishState::Published;
}

QByteArray openingHoursDigest(const OpeningHours &hours) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Every value ends with a separator, so neighbouring fields never run together.
    const auto add = [&hash](const QString &value) {
        hash.addData(value.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    const auto addRange = [&add](const TimeRange &range) {
        add(QString::number(range.startMinute));
        add(QString::number(range.endMinute));
    };
    add(QStringLiteral("weekly"));
    for (const WeeklyInterval &interval : hours.weekly) {
        add(QString::number(interval.weekday));
        addRange(interval.range);
        add(interval.isBreak ? QStringLiteral("b") : QStringLiteral("o"));
    }
    add(QStringLiteral("closures"));
    for (const Closure &closure : hours.closures) {
        add(closure.first.toString(Qt::ISODate));
        add(closure.last.toString(Qt::ISODate));
        add(closure.reason);
    }
    add(QStringLiteral("special"));
    for (const SpecialDay &day : hours.specialDays) {
        add(day.date.toString(Qt::ISODate));
        add(day.label);
        add(QString::number(day.open.size()));
        for (const TimeRange &range : day.open)
            addRange(range);
    }
    return hash.result().toHex();
}

QString publishStateText(PublishState state) {
    switch (state) {
    case PublishState::NotPublished:
        return QCoreApplication::translate("PublishState", "Not published");
    case PublishState::Published:
        return QCoreApplication::translate("PublishState", "Published");
    case PublishState::Changed:
        return QCoreApplication::translate("PublishState", "Changed since publishing");
    case PublishState::Conflict:
        return QCoreApplication::translate("PublishState", "Conflict");
    }
    return {};
}

} // namespace slotdesk

#include "models/domain/Release.h"

namespace slotdesk {

QString releaseStateToString(ReleaseState state) {
    switch (state) {
    case ReleaseState::Scheduled:
        return QStringLiteral("scheduled");
    case ReleaseState::Open:
        return QStringLiteral("open");
    case ReleaseState::SoldOut:
        return QStringLiteral("sold_out");
    case ReleaseState::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QStringLiteral("scheduled");
}

ReleaseState Release::stateAt(qint64 now) const {
    if (storedState == u"withdrawn")
        return ReleaseState::Withdrawn;
    if (now < opensAt)
        return ReleaseState::Scheduled;
    return remaining > 0 ? ReleaseState::Open : ReleaseState::SoldOut;
}

} // namespace slotdesk

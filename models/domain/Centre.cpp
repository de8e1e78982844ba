#include "models/domain/Centre.h"

namespace slotdesk {

QString centreKindToString(CentreKind kind) {
    switch (kind) {
    case CentreKind::TestCentre:
        return QStringLiteral("test");
    case CentreKind::VaccinationCentre:
        return QStringLiteral("vaccination");
    }
    return {};
}

bool centreKindFromString(const QString &text, CentreKind *kind) {
    const QString t = text.trimmed().toLower();
    if (t == u"test" || t == u"testzentrum" || t == u"teststelle") {
        *kind = CentreKind::TestCentre;
        return true;
    }
    if (t == u"vaccination" || t == u"impfzentrum" || t == u"impfung") {
        *kind = CentreKind::VaccinationCentre;
        return true;
    }
    return false;
}

QString centreNameKey(const QString &name) {
    return name.simplified().toCaseFolded();
}

} // namespace slotdesk

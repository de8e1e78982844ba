#include "models/rules/ReleaseDraft.h"

#include "models/domain/ServiceCatalogue.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QSet>

namespace slotdesk {

namespace {

constexpr int kCodeLength = 10;
constexpr int kSecondsPerDay = 86400;

QString shortWeekday(const QDate &date) {
    QString weekday = QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat);
    if (weekday.endsWith(u'.'))
        weekday.chop(1);
    return weekday;
}

bool isVaccine(const QString &service) {
    const ServiceType *type = findService(service);
    return type && type->kind == ServiceKind::Vaccination;
}

} // namespace

int ForecastLine::available() const {
    return qMax(0, figures.forecast.value_or(0) - figures.offered - figures.reserved);
}

QList<DraftProblem> ReleaseDraftRules::selectionProblems(const ReleaseDraft &draft, int slotCount) {
    QList<DraftProblem> problems;
    if (draft.centreIds.isEmpty())
        problems.append({QStringLiteral("releaseCentres"), tr("Choose at least one centre.")});
    if (draft.services.isEmpty())
        problems.append({QStringLiteral("releaseServices"), tr("Choose at least one service.")});
    if (draft.days.isEmpty())
        problems.append({QStringLiteral("releaseDays"), tr("Choose at least one day.")});
    if (!problems.isEmpty())
        return problems;
    if (slotCount == 0)
        problems.append({QStringLiteral("releaseDays"),
                         tr("The chosen centres, services and days have no slots in the plan.")});
    else if (slotCount > maxSlots)
        problems.append({QStringLiteral("releaseDays"),
                         tr("%1 slots are more than one release may hold (%2). Choose fewer "
                            "days or centres.")
                             .arg(QLocale().toString(slotCount), QLocale().toString(maxSlots))});
    return problems;
}

QList<DraftProblem> ReleaseDraftRules::openingProblems(const ReleaseDraft &draft,
                                                       const QDateTime &now) {
    QList<DraftProblem> problems;
    if (draft.name.trimmed().isEmpty())
        problems.append({QStringLiteral("releaseName"), tr("Give the release a name.")});
    if (!draft.opensNow) {
        if (!draft.opensAt.isValid())
            problems.append(
                {QStringLiteral("releaseOpensAt"), tr("Enter the date and time of opening.")});
        else if (draft.opensAt <= now)
            problems.append({QStringLiteral("releaseOpensAt"),
                             tr("The opening time %1 lies in the past. Choose a later time or "
                                "\"now\".")
                                 .arg(openingText(draft.opensAt))});
    }
    return problems;
}

QList<DraftProblem> ReleaseDraftRules::eligibilityProblems(const ReleaseDraft &draft) {
    QList<DraftProblem> problems;
    if (draft.ageFrom && draft.ageTo && *draft.ageFrom > *draft.ageTo)
        problems.append({QStringLiteral("releaseAgeTo"),
                         tr("The age range %1 to %2 excludes everyone: the upper age must not be "
                            "below the lower one.")
                             .arg(*draft.ageFrom)
                             .arg(*draft.ageTo)});
    if (draft.invitationOnly &&
        (draft.invitationCount < 1 || draft.invitationCount > maxInvitations))
        problems.append({QStringLiteral("releaseInvitations"),
                         tr("An invitation-only release needs between 1 and %1 invitation "
                            "codes.")
                             .arg(QLocale().toString(maxInvitations))});
    if (draft.hotlineShare < 0 || draft.hotlineShare > 100)
        problems.append({QStringLiteral("releaseHotlineShare"),
                         tr("The hotline share is a percentage from 0 to 100.")});
    return problems;
}

QList<DraftSlot> ReleaseDraftRules::selectSlots(const SlotPlan &plan, const ReleaseDraft &draft,
                                                const QHash<qint64, QString> &centreUuids,
                                                const QTimeZone &zone) {
    QList<DraftSlot> slots;
    const QSet<qint64> centres(draft.centreIds.cbegin(), draft.centreIds.cend());
    const QSet<QDate> days(draft.days.cbegin(), draft.days.cend());
    QList<bool> serviceChosen;
    for (const QString &service : plan.services)
        serviceChosen.append(draft.services.contains(service));
    for (const PlannedSlot &slot : plan.slots) {
        if (!centres.contains(slot.centreId) || !serviceChosen.value(slot.service))
            continue;
        const QDate day = QDateTime::fromSecsSinceEpoch(slot.startsAt, zone).date();
        if (!days.contains(day))
            continue;
        const int capacity = draft.capacityPerSlot > 0
                                 ? qMin(draft.capacityPerSlot, int(slot.capacity))
                                 : int(slot.capacity);
        slots.append(DraftSlot{centreUuids.value(slot.centreId), plan.services.at(slot.service),
                               slot.startsAt, slot.minutes, capacity});
    }
    return slots;
}

qint64 ReleaseDraftRules::places(const QList<DraftSlot> &slots) {
    qint64 total = 0;
    for (const DraftSlot &slot : slots)
        total += slot.capacity;
    return total;
}

QString ReleaseDraftRules::openingText(const QDateTime &when) {
    const QDateTime local = when.toTimeZone(berlinTimeZone());
    return shortWeekday(local.date()) + u' ' + local.toString(QStringLiteral("dd.MM. HH:mm"));
}

QString ReleaseDraftRules::eligibilityText(const ReleaseDraft &draft) {
    QStringList parts;
    if (draft.ageFrom && draft.ageTo)
        parts.append(tr("%1–%2 years").arg(*draft.ageFrom).arg(*draft.ageTo));
    else if (draft.ageFrom)
        parts.append(tr("%1+").arg(*draft.ageFrom));
    else if (draft.ageTo)
        parts.append(tr("up to %1 years").arg(*draft.ageTo));
    if (!draft.priorityGroups.isEmpty())
        parts.append(tr("priority group %1").arg(draft.priorityGroups.join(QStringLiteral(", "))));
    if (draft.invitationOnly)
        parts.append(tr("with invitation only"));
    if (parts.isEmpty())
        return tr("open to everyone");
    return tr("only %1").arg(parts.join(QStringLiteral(", ")));
}

QString ReleaseDraftRules::summary(const ReleaseDraft &draft, qint64 places, int centres,
                                   const QDateTime &now) {
    const QString appointments =
        places == 1 ? tr("1 appointment") : tr("%1 appointments").arg(QLocale().toString(places));
    const QString where =
        centres == 1 ? tr("in 1 centre") : tr("in %1 centres").arg(QLocale().toString(centres));
    QString when;
    if (draft.opensNow) {
        when = tr("from now");
    } else {
        const QDateTime local = draft.opensAt.toTimeZone(berlinTimeZone());
        const qint64 ahead = now.secsTo(draft.opensAt);
        // Within the coming week the weekday alone names the day, as announcements do.
        const QString text =
            ahead >= 0 && ahead < 6 * kSecondsPerDay
                ? shortWeekday(local.date()) + u' ' + local.toString(QStringLiteral("HH:mm"))
                : openingText(draft.opensAt);
        when = tr("from %1").arg(text);
    }
    return tr("%1 %2, %3, %4").arg(appointments, where, when, eligibilityText(draft));
}

QMap<QString, int> ReleaseDraftRules::requestedDoses(const QList<DraftSlot> &slots,
                                                     const QTimeZone &zone) {
    QMap<QString, int> doses;
    for (const DraftSlot &slot : slots) {
        if (!isVaccine(slot.service))
            continue;
        const QString key = slot.service + u'|' + IsoWeek::ofTime(slot.startsAt, zone).toString();
        doses[key] += slot.capacity;
    }
    return doses;
}

QString ReleaseDraftRules::forecastText(const ForecastLine &line) {
    const QLocale locale;
    const QString product = serviceDisplayName(line.service);
    if (!line.figures.forecast)
        return tr("%1, week %2: no delivery forecast entered; requested %3. An admin enters "
                  "the forecast first.")
            .arg(product, line.week, locale.toString(line.requested));
    return tr("%1, week %2: forecast %3 − offered %4 − reserved %5 = available %6; requested "
              "%7: %8")
        .arg(product, line.week, locale.toString(*line.figures.forecast),
             locale.toString(line.figures.offered), locale.toString(line.figures.reserved),
             locale.toString(line.available()), locale.toString(line.requested),
             line.fits() ? tr("fits") : tr("too many"));
}

QJsonObject ReleaseDraftRules::requestBody(const ReleaseDraft &draft, const QString &uuid,
                                           const QList<DraftSlot> &slots,
                                           const QStringList &codes) {
    QJsonArray slotArray;
    for (const DraftSlot &slot : slots)
        slotArray.append(QJsonObject{
            {QStringLiteral("centre"), slot.centreUuid},
            {QStringLiteral("service"), slot.service},
            {QStringLiteral("start"), berlinIso(slot.startsAt)},
            {QStringLiteral("minutes"), slot.minutes},
            {QStringLiteral("capacity"), slot.capacity},
        });
    QJsonObject eligibility;
    if (draft.ageFrom)
        eligibility.insert(QStringLiteral("age_from"), *draft.ageFrom);
    if (draft.ageTo)
        eligibility.insert(QStringLiteral("age_to"), *draft.ageTo);
    if (!draft.priorityGroups.isEmpty())
        eligibility.insert(QStringLiteral("priority_groups"),
                           QJsonArray::fromStringList(draft.priorityGroups));
    if (draft.invitationOnly) {
        eligibility.insert(QStringLiteral("invitation_only"), true);
        eligibility.insert(QStringLiteral("invitation_codes"), QJsonArray::fromStringList(codes));
    }
    QJsonObject body{{QStringLiteral("uuid"), uuid},
                     {QStringLiteral("name"), draft.name.trimmed()},
                     {QStringLiteral("slots"), slotArray},
                     {QStringLiteral("hotline_share"), draft.hotlineShare}};
    if (draft.opensNow)
        body.insert(QStringLiteral("opens_at"), QStringLiteral("now"));
    else
        body.insert(QStringLiteral("opens_at"), draft.opensAt.toSecsSinceEpoch());
    if (!eligibility.isEmpty())
        body.insert(QStringLiteral("eligibility"), eligibility);
    return body;
}

QStringList ReleaseDraftRules::invitationCodes(int count) {
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QSet<QString> seen;
    QStringList codes;
    QRandomGenerator *random = QRandomGenerator::system();
    while (codes.size() < count) {
        QString code;
        for (int i = 0; i < kCodeLength; ++i)
            code.append(alphabet.at(int(random->bounded(quint32(alphabet.size())))));
        if (!seen.contains(code)) {
            seen.insert(code);
            codes.append(code);
        }
    }
    return codes;
}

} // namespace slotdesk

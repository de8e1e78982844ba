#pragma once

#include "models/rules/ForecastLimit.h"
#include "models/rules/SlotGenerator.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace slotdesk {

// What the release wizard collects before anything is sent: which part of a generated slot
// plan to release, when it opens, who may book and the hotline share.
struct ReleaseDraft {
    QString name;
    QList<qint64> centreIds; // the console's centre ids, a subset of the plan's
    QStringList services;    // service codes, a subset of the plan's
    QList<QDate> days;       // Berlin calendar days, a subset of the plan's
    int capacityPerSlot = 0; // places released per slot; 0: every place of the slot
    bool opensNow = true;
    QDateTime opensAt; // when !opensNow
    std::optional<int> ageFrom;
    std::optional<int> ageTo;
    QStringList priorityGroups;
    bool invitationOnly = false;
    int invitationCount = 0;
    int hotlineShare = 0; // percent of every slot's places kept back for the hotline
};

// One slot of a draft, ready for the service: the plan's slot with the draft's capacity.
struct DraftSlot {
    QString centreUuid;
    QString service;
    qint64 startsAt = 0; // Unix seconds
    int minutes = 0;
    int capacity = 0;
};

// A problem of a draft, tied to the wizard field it concerns (the field names are the
// wizard's objectNames).
struct DraftProblem {
    QString field;
    QString message; // translated
};

// The vaccine arithmetic of one product and ISO week: forecast − offered − reserved =
// available, compared with what the draft requests.
struct ForecastLine {
    QString service;
    QString week; // "2026-W10"
    ForecastWeek figures;
    int requested = 0;

    int available() const;
    bool fits() const { return figures.forecast.has_value() && requested <= available(); }
};

// The rules of a release draft, pure: the wizard's pages ask them and show their answers.
class ReleaseDraftRules {
    Q_DECLARE_TR_FUNCTIONS(ReleaseDraftRules)
public:
    // The service accepts at most this many slots in one release.
    static constexpr int maxSlots = 10000;
    static constexpr int maxInvitations = 100000;

    static QList<DraftProblem> selectionProblems(const ReleaseDraft &draft, int slotCount);
    static QList<DraftProblem> openingProblems(const ReleaseDraft &draft, const QDateTime &now);
    static QList<DraftProblem> eligibilityProblems(const ReleaseDraft &draft);

    // The plan's slots the draft releases, in plan order. `centreUuids` maps the console's
    // centre ids to the UUIDs the service knows them by.
    static QList<DraftSlot> selectSlots(const SlotPlan &plan, const ReleaseDraft &draft,
                                        const QHash<qint64, QString> &centreUuids,
                                        const QTimeZone &zone = berlinTimeZone());
    static qint64 places(const QList<DraftSlot> &slots);

    // "15.600 Termine in 12 Zentren, ab Mi 10:00, nur 60+" (German number formatting via the
    // default QLocale).
    static QString summary(const ReleaseDraft &draft, qint64 places, int centres,
                           const QDateTime &now);
    // "nur 60+", "nur 18–59 Jahre, Prioritätsgruppe Pflege, nur mit Einladung", "für alle".
    static QString eligibilityText(const ReleaseDraft &draft);
    // "Mi 10.02. 10:00" in Berlin time.
    static QString openingText(const QDateTime &when);

    // Requested first doses per vaccine product and week; tests and non-vaccines are not
    // limited. Keys "service|week".
    static QMap<QString, int> requestedDoses(const QList<DraftSlot> &slots,
                                             const QTimeZone &zone = berlinTimeZone());
    static QString forecastText(const ForecastLine &line);

    // The body of POST /api/v1/releases. `codes` are the invitation codes (empty unless
    // invitation-only).
    static QJsonObject requestBody(const ReleaseDraft &draft, const QString &uuid,
                                   const QList<DraftSlot> &slots, const QStringList &codes);
    // `count` random invitation codes of 10 letters and digits (no 0/O/1/I, read aloud on the
    // phone).
    static QStringList invitationCodes(int count);
};

} // namespace slotdesk

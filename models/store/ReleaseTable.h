#pragma once

#include "models/booking/BookingTypes.h"
#include "models/domain/Release.h"
#include "models/store/StoreError.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

// The releases table and the release side of slots (release_id, withdrawn places): the one
// writer of both for the service's release routes. Writes run inside the caller's transaction
// (StaffWriter); validation is the caller's. Reads fill Release's figures from the slots.
class ReleaseTable {
public:
    explicit ReleaseTable(QSqlDatabase db);

    struct NewRelease {
        QString uuid;
        QString name;
        qint64 opensAt = 0;
        bool openNow = false;   // stored as open (opened_at = now) rather than scheduled
        qint64 createdBy = 0;   // staff_users.id
        QString idempotencyKey; // empty: none
        QString requestHash;
        QJsonObject eligibility;
    };
    // Sets *id. Conflict when the uuid or the idempotency key is taken.
    StoreError insert(const NewRelease &release, qint64 now, qint64 *id);
    // Inserts the release's slots (sets each id). Conflict when a slot with the same centre,
    // service and start exists: its places are published already.
    StoreError insertSlots(qint64 releaseId, QList<SlotRecord> *slots);
    // Invitation codes by their keyed hash (hex). Conflict when one exists (in any release).
    StoreError insertInvitations(qint64 releaseId, const QList<QByteArray> &hashes);
    // What the booking engine admits by, for releases that are not withdrawn.
    struct Admission {
        qint64 releaseId = 0;
        QJsonObject eligibility;
    };
    struct InvitationRow {
        qint64 releaseId = 0;
        QByteArray hash;
        bool used = false;
    };
    Stored<QList<Admission>> admissions() const;
    Stored<QList<InvitationRow>> invitations() const;
    // The existing slot with this centre, service and start, if any.
    std::optional<qint64> existingSlot(qint64 centreId, const QString &service,
                                       qint64 startsAt) const;

    // The release that a create with this key or uuid stored, with the hash of its request.
    struct Stamp {
        QString uuid;
        QString requestHash;
    };
    std::optional<Stamp> stampByKey(const QString &idempotencyKey) const;
    std::optional<Stamp> stampByUuid(const QString &uuid) const;

    // Figures of slots count places of slots starting after `now` as remaining.
    Stored<QList<Release>> list(qint64 now) const;
    Stored<std::optional<Release>> find(const QString &uuid, qint64 now) const;
    // Scheduled releases (not yet stored as open), earliest first.
    Stored<QList<Release>> scheduled(qint64 now) const;
    // scheduled → open. False when it was not scheduled any more or the statement failed.
    bool markOpen(qint64 releaseId, qint64 now);

    // Takes the unbooked places of the release's slots away (capacity = booked) and marks the
    // slots withdrawn (a later cancellation takes its place away too): all its slots when
    // slotIds is empty (and the release becomes withdrawn), else those listed. *changed: the
    // slots withdrawn now. NotFound when a listed slot is not the release's.
    StoreError withdraw(qint64 releaseId, const QList<qint64> &slotIds, qint64 now,
                        QList<qint64> *changed);

private:
    Stored<QList<Release>> read(const QString &where, const QVariantList &binds, qint64 now) const;
    QSqlDatabase m_db;
};

} // namespace slotdesk

#include "ui/centres/CentrePublisher.h"

#include "net/ServiceClient.h"
#include "net/WireFormat.h"
#include "ui/shell/FutureWatch.h"

#include <QCoreApplication>

namespace slotdesk {

QString publishLaterMessage() {
    return QCoreApplication::translate(
        "CentrePublisher", "The service cannot be reached. Nothing was lost: the centres stay "
                           "marked as changed and can be published later.");
}

CentrePublisher::CentrePublisher(ConsoleStore &store, ServiceClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client) {
    qRegisterMetaType<Result>();
    qRegisterMetaType<Summary>();
}

void CentrePublisher::publish(const QList<qint64> &centreIds, bool overwrite, bool acceptAffected) {
    if (m_busy || centreIds.isEmpty())
        return;
    m_queue = centreIds;
    m_total = int(centreIds.size());
    m_done = 0;
    m_overwrite = overwrite;
    m_acceptAffected = acceptAffected;
    m_busy = true;
    m_cancelled = false;
    m_summary = {};
    Q_EMIT progress(0, m_total);
    next();
}

void CentrePublisher::next() {
    if (m_queue.isEmpty() || m_cancelled || m_summary.unreachable) {
        m_summary.cancelled = m_cancelled && !m_queue.isEmpty();
        m_queue.clear();
        m_busy = false;
        Q_EMIT finished(m_summary);
        return;
    }
    m_current = m_queue.takeFirst();
    whenFinished(this, m_store.publishPayload(m_current),
                 [this](const Stored<ConsoleStore::PublishPayload> &payload) {
                     if (payload.error) {
                         done(Outcome::Failed, payload.error.message);
                         return;
                     }
                     const ConsoleStore::PublishPayload &value = payload.value;
                     // Only hours that changed since they were published can cut into
                     // bookings; a centre never published has none.
                     const bool hoursChanged = value.publication.serviceRevision > 0 &&
                                               value.hoursDigest != value.publication.hoursDigest;
                     if (hoursChanged && !m_acceptAffected)
                         checkImpact(value);
                     else
                         sendCentre(value);
                 });
}

void CentrePublisher::checkImpact(const ConsoleStore::PublishPayload &payload) {
    whenFinished(this, m_client.hoursImpact(payload.centre.uuid, wire::toJson(payload.hours)),
                 [this, payload](const ServiceReply &reply) {
                     // A service that lost the centre gets it again in full.
                     if (reply.status == 404) {
                         sendCentre(payload);
                         return;
                     }
                     if (!reply.ok()) {
                         failed(reply.error);
                         return;
                     }
                     if (reply.object().value(QStringLiteral("count")).toInt() > 0) {
                         affected(reply.object());
                         return;
                     }
                     sendCentre(payload);
                 });
}

void CentrePublisher::sendCentre(const ConsoleStore::PublishPayload &payload) {
    const int ifMatch = m_overwrite ? 0 : payload.publication.serviceRevision;
    whenFinished(
        this, m_client.publishCentre(payload.centre.uuid, wire::toJson(payload.centre), ifMatch),
        [this, payload](const ServiceReply &reply) {
            if (reply.status == 412) {
                revisionConflict(payload.centre.id, reply);
                return;
            }
            if (reply.status == 409) {
                // Refused (another centre there has this name): keep what the service has.
                const qint64 id = payload.centre.id;
                whenFinished(
                    this, m_client.centre(payload.centre.uuid),
                    [this, id, error = reply.error](const ServiceReply &current) {
                        conflict(id, error.message,
                                 current.ok()
                                     ? current.object().value(QStringLiteral("centre")).toObject()
                                     : QJsonObject());
                    });
                return;
            }
            if (!reply.ok()) {
                failed(reply.error);
                return;
            }
            int revision = ServiceClient::revisionOf(reply.etag);
            if (revision == 0)
                revision = reply.object().value(QStringLiteral("revision")).toInt();
            sendHours(payload, revision);
        });
}

void CentrePublisher::sendHours(const ConsoleStore::PublishPayload &payload, int serviceRevision) {
    // If-Match with the revision the centre PUT just answered: nobody may slip in between.
    whenFinished(
        this,
        m_client.publishOpeningHours(payload.centre.uuid, wire::toJson(payload.hours),
                                     serviceRevision, m_acceptAffected),
        [this, payload, serviceRevision](const ServiceReply &reply) {
            if (reply.status == 412) {
                revisionConflict(payload.centre.id, reply);
                return;
            }
            if (reply.status == 409 && reply.error.reason == u"bookings_affected") {
                // Booked since the check: the user sees the list before anything more changes.
                whenFinished(this,
                             m_client.hoursImpact(payload.centre.uuid, wire::toJson(payload.hours)),
                             [this](const ServiceReply &impact) {
                                 if (!impact.ok())
                                     failed(impact.error);
                                 else
                                     affected(impact.object());
                             });
                return;
            }
            if (!reply.ok()) {
                failed(reply.error);
                return;
            }
            const int revision = ServiceClient::revisionOf(reply.etag);
            CentrePublication publication;
            publication.centreId = payload.centre.id;
            publication.centreRevision = payload.centre.revision;
            publication.hoursDigest = payload.hoursDigest;
            publication.serviceRevision = revision > 0 ? revision : serviceRevision;
            whenFinished(this, m_store.markPublished(publication), [this](const StoreError &error) {
                if (error)
                    done(Outcome::Failed, error.message);
                else
                    done(Outcome::Published);
            });
        });
}

void CentrePublisher::revisionConflict(qint64 centreId, const ServiceReply &reply) {
    conflict(centreId,
             QCoreApplication::translate("CentrePublisher",
                                         "Someone else changed the centre on the service."),
             reply.object().value(QStringLiteral("centre")).toObject());
}

void CentrePublisher::affected(const QJsonObject &impact) {
    const int count = impact.value(QStringLiteral("count")).toInt();
    done(Outcome::BookingsAffected,
         QCoreApplication::translate("CentrePublisher",
                                     "%n booked appointment(s) lie outside the new opening hours.",
                                     nullptr, count),
         impact);
}

void CentrePublisher::conflict(qint64 centreId, const QString &reason,
                               const QJsonObject &serviceVersion) {
    whenFinished(this, m_store.markConflict(centreId, reason, serviceVersion),
                 [this, reason](const StoreError &error) {
                     if (error)
                         done(Outcome::Failed, error.message);
                     else
                         done(Outcome::Conflict, reason);
                 });
}

void CentrePublisher::failed(const ServiceError &error) {
    if (error.isConnectivity()) {
        m_summary.unreachable = true;
        done(Outcome::Unreachable, publishLaterMessage());
        return;
    }
    done(Outcome::Failed, error.message);
}

void CentrePublisher::done(Outcome outcome, const QString &message, const QJsonObject &impact) {
    switch (outcome) {
    case Outcome::Published:
        ++m_summary.published;
        break;
    case Outcome::Conflict:
        ++m_summary.conflicts;
        break;
    case Outcome::BookingsAffected:
        ++m_summary.bookingsAffected;
        break;
    case Outcome::Failed:
        ++m_summary.failed;
        break;
    case Outcome::Unreachable:
        break;
    }
    if (!message.isEmpty())
        m_summary.lastMessage = message;
    ++m_done;
    Q_EMIT centreFinished(Result{m_current, outcome, message, impact});
    Q_EMIT progress(m_done, m_total);
    next();
}

void CentrePublisher::takeServiceVersion(qint64 centreId) {
    whenFinished(
        this, m_store.publishPayload(centreId),
        [this, centreId](const Stored<ConsoleStore::PublishPayload> &payload) {
            if (payload.error) {
                Q_EMIT serviceVersionTaken(centreId, payload.error.message);
                return;
            }
            Centre centre = payload.value.centre;
            QString decodeError;
            if (payload.value.publication.serviceVersion.isEmpty() ||
                !wire::fromJson(payload.value.publication.serviceVersion, &centre, &decodeError)) {
                Q_EMIT serviceVersionTaken(
                    centreId,
                    QCoreApplication::translate(
                        "CentrePublisher", "The service's version of this centre is not known."));
                return;
            }
            // The local row keeps its id and revision (optimistic locking of the local store).
            centre.id = payload.value.centre.id;
            const int serviceRevision = centre.revision;
            centre.revision = payload.value.centre.revision;
            const QByteArray hoursDigest = payload.value.hoursDigest;
            whenFinished(
                this, m_store.saveCentre(centre),
                [this, centreId, serviceRevision, hoursDigest](const Stored<Centre> &saved) {
                    if (saved.error) {
                        Q_EMIT serviceVersionTaken(centreId, saved.error.message);
                        return;
                    }
                    CentrePublication publication;
                    publication.centreId = centreId;
                    publication.centreRevision = saved.value.revision;
                    publication.hoursDigest = hoursDigest;
                    publication.serviceRevision = serviceRevision;
                    whenFinished(this, m_store.markPublished(publication),
                                 [this, centreId](const StoreError &error) {
                                     Q_EMIT serviceVersionTaken(centreId, error.message);
                                 });
                });
        });
}

} // namespace slotdesk

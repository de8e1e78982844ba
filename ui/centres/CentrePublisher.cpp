#include "ui/centres/CentrePublisher.h"

#include "net/ServiceClient.h"
#include "net/WireFormat.h"
#include "ui/shell/FutureWatch.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace slotdesk {

namespace {

// The service keeps each published centre (wire JSON) in its audit log; the newest entry for
// the UUID is its current version. Empty when the service never had the centre.
QJsonObject newestPublished(const QJsonObject &audit, const QString &uuid) {
    const QJsonArray items = audit.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject entry = item.toObject();
        const QString action = entry.value(QStringLiteral("action")).toString();
        if (entry.value(QStringLiteral("entity")).toString() == u"centre" &&
            entry.value(QStringLiteral("entity_id")).toString() == uuid &&
            (action == u"centre.create" || action == u"centre.update"))
            return entry.value(QStringLiteral("detail")).toObject();
    }
    return {};
}

} // namespace

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

void CentrePublisher::publish(const QList<qint64> &centreIds, bool overwrite) {
    if (m_busy || centreIds.isEmpty())
        return;
    m_queue = centreIds;
    m_total = int(centreIds.size());
    m_done = 0;
    m_overwrite = overwrite;
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
                     if (m_overwrite || payload.value.publication.serviceRevision == 0)
                         sendCentre(payload.value);
                     else
                         checkService(payload.value);
                 });
}

void CentrePublisher::checkService(const ConsoleStore::PublishPayload &payload) {
    whenFinished(
        this, m_client.get(QStringLiteral("/api/v1/audit?limit=1000")),
        [this, payload](const ServiceReply &reply) {
            if (!reply.ok()) {
                failed(reply.error);
                return;
            }
            const QJsonObject service = newestPublished(reply.object(), payload.centre.uuid);
            const int revision = service.value(QStringLiteral("revision")).toInt();
            if (!service.isEmpty() && revision != payload.publication.serviceRevision) {
                conflict(payload.centre.id,
                         QCoreApplication::translate(
                             "CentrePublisher", "Someone else changed the centre on the service."),
                         service);
                return;
            }
            sendCentre(payload);
        });
}

void CentrePublisher::sendCentre(const ConsoleStore::PublishPayload &payload) {
    whenFinished(this, m_client.publishCentre(payload.centre.uuid, wire::toJson(payload.centre)),
                 [this, payload](const ServiceReply &reply) {
                     if (reply.status == 409) {
                         // Refused (another centre there has this name): keep what the service has.
                         const qint64 id = payload.centre.id;
                         whenFinished(
                             this, m_client.get(QStringLiteral("/api/v1/audit?limit=1000")),
                             [this, id, payload, error = reply.error](const ServiceReply &audit) {
                                 conflict(id, error.message,
                                          audit.ok()
                                              ? newestPublished(audit.object(), payload.centre.uuid)
                                              : QJsonObject());
                             });
                         return;
                     }
                     if (!reply.ok()) {
                         failed(reply.error);
                         return;
                     }
                     sendHours(payload, reply.object().value(QStringLiteral("revision")).toInt());
                 });
}

void CentrePublisher::sendHours(const ConsoleStore::PublishPayload &payload, int serviceRevision) {
    whenFinished(
        this, m_client.publishOpeningHours(payload.centre.uuid, wire::toJson(payload.hours)),
        [this, payload, serviceRevision](const ServiceReply &reply) {
            if (!reply.ok()) {
                failed(reply.error);
                return;
            }
            CentrePublication publication;
            publication.centreId = payload.centre.id;
            publication.centreRevision = payload.centre.revision;
            publication.hoursDigest = payload.hoursDigest;
            publication.serviceRevision = serviceRevision;
            whenFinished(this, m_store.markPublished(publication), [this](const StoreError &error) {
                if (error)
                    done(Outcome::Failed, error.message);
                else
                    done(Outcome::Published);
            });
        });
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

void CentrePublisher::done(Outcome outcome, const QString &message) {
    switch (outcome) {
    case Outcome::Published:
        ++m_summary.published;
        break;
    case Outcome::Conflict:
        ++m_summary.conflicts;
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
    Q_EMIT centreFinished(Result{m_current, outcome, message});
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

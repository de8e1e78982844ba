#pragma once

#include "models/store/ConsoleStore.h"
#include "net/ServiceError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace slotdesk {

class ServiceClient;

// Publishes centres and their opening hours to the service, one centre after another, and
// records each answer in the local store (centre_publications). Nothing local is changed on
// the way: a centre the service could not be reached for simply stays "changed" and can be
// published later.
//
// A centre it published before is sent with If-Match: the service revision this console last
// saw. When the service has moved on it refuses (412) with its current version, which becomes
// the conflict the user resolves. Changed opening hours of a published centre are first checked
// against the service's bookings: when confirmed appointments would fall outside them, nothing
// is sent for that centre (BookingsAffected, with the service's list) until the user publishes
// it again with acceptAffected.
class CentrePublisher : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Published, Conflict, BookingsAffected, Unreachable, Failed };
    struct Result {
        qint64 centreId = 0;
        Outcome outcome = Outcome::Failed;
        QString message;    // translated; empty when published
        QJsonObject impact; // BookingsAffected: the service's hours-impact answer
    };
    struct Summary {
        int published = 0;
        int conflicts = 0;
        int bookingsAffected = 0;
        int failed = 0;
        bool unreachable = false; // the rest was left for later
        bool cancelled = false;
        QString lastMessage;
    };

    CentrePublisher(ConsoleStore &store, ServiceClient &client, QObject *parent = nullptr);

    bool isBusy() const { return m_busy; }
    // `overwrite` skips the conflict check: the user chose to keep the local version.
    // `acceptAffected`: the user saw the bookings the new opening hours leave outside and
    // confirmed the change.
    void publish(const QList<qint64> &centreIds, bool overwrite = false,
                 bool acceptAffected = false);
    // Stops after the centre in flight; what was answered stays recorded.
    void cancel() { m_cancelled = true; }
    // Resolves a conflict by writing the service's version of the centre to the local store.
    void takeServiceVersion(qint64 centreId);

Q_SIGNALS:
    void progress(int done, int total);
    void centreFinished(const slotdesk::CentrePublisher::Result &result);
    void finished(const slotdesk::CentrePublisher::Summary &summary);
    void serviceVersionTaken(qint64 centreId, const QString &error); // error empty: done

private:
    void next();
    void checkImpact(const ConsoleStore::PublishPayload &payload);
    void sendCentre(const ConsoleStore::PublishPayload &payload);
    void sendHours(const ConsoleStore::PublishPayload &payload, int serviceRevision);
    void conflict(qint64 centreId, const QString &reason, const QJsonObject &serviceVersion);
    void revisionConflict(qint64 centreId, const ServiceReply &reply);
    void affected(const QJsonObject &impact);
    void done(Outcome outcome, const QString &message = {}, const QJsonObject &impact = {});
    void failed(const ServiceError &error);

    ConsoleStore &m_store;
    ServiceClient &m_client;
    QList<qint64> m_queue;
    int m_total = 0;
    int m_done = 0;
    qint64 m_current = 0;
    bool m_overwrite = false;
    bool m_acceptAffected = false;
    bool m_busy = false;
    bool m_cancelled = false;
    Summary m_summary;
};

QString publishLaterMessage();

} // namespace slotdesk

Q_DECLARE_METATYPE(slotdesk::CentrePublisher::Result)
Q_DECLARE_METATYPE(slotdesk::CentrePublisher::Summary)

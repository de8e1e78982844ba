#pragma once

#include "models/core/Clock.h"
#include "models/csv/CentreCsv.h"
#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"
#include "models/rules/PublishState.h"
#include "models/rules/SlotGenerator.h"
#include "models/store/Batch.h"
#include "models/store/StoreError.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace slotdesk {

class Database;

// The console's local store, used from the UI thread. Every call runs on one dedicated worker
// thread that owns the SQLite connection, so the UI never waits for the disk; results arrive as
// QFutures (watch them with QFutureWatcher or .then(this, ...)). Calls run in the order made.
class ConsoleStore : public QObject {
    Q_OBJECT
public:
    ConsoleStore(QString databasePath, const Clock &clock, QObject *parent = nullptr);
    ~ConsoleStore() override; // waits for queued work, then closes the connection

    QString path() const { return m_path; }

    QFuture<StoreError> open();
    QFuture<Stored<QList<Centre>>> centres();
    QFuture<Stored<Centre>> saveCentre(const Centre &centre);
    QFuture<StoreError> setCentreActive(qint64 id, bool active);
    QFuture<StoreError> removeCentre(qint64 id);
    QFuture<Stored<OpeningHours>> openingHours(qint64 centreId);
    QFuture<StoreError> saveOpeningHours(const OpeningHours &hours);

    // Publishing to the service: what a centre's state is, what to send, and what was answered.
    struct PublishStatus {
        PublishState state = PublishState::NotPublished;
        CentrePublication publication;
    };
    QFuture<Stored<QHash<qint64, PublishStatus>>> publishStates(); // by centre id
    struct PublishPayload {
        Centre centre;
        OpeningHours hours;
        QByteArray hoursDigest;
        CentrePublication publication; // what was last published
    };
    QFuture<Stored<PublishPayload>> publishPayload(qint64 centreId);
    QFuture<StoreError> markPublished(const CentrePublication &publication); // at the clock's now
    QFuture<StoreError> markConflict(qint64 centreId, const QString &reason,
                                     const QJsonObject &serviceVersion);

    // CSV import: parses, validates every row, and applies all rows in one transaction or none.
    // Reports progress (0..100) and honours QFuture::cancel() until the commit.
    struct ImportReport {
        int inserted = 0;
        int updated = 0;
        QList<RowError> rowErrors; // parse/validation problems per row: nothing was applied
        StoreError error;          // store problem: nothing was applied
        bool cancelled = false;
        bool ok() const { return rowErrors.isEmpty() && error.ok() && !cancelled; }
    };
    QFuture<ImportReport> importCentresCsv(const QByteArray &data, bool dryRun = false);
    QFuture<ImportReport> importHoursCsv(const QByteArray &data, bool dryRun = false);
    QFuture<Stored<QByteArray>> exportCentresCsv();
    QFuture<Stored<QByteArray>> exportHoursCsv();

    // Stores a generated plan as planned slots (release_id NULL), replacing the planned slots of
    // its centres and services on its days, in one transaction: all of it or nothing. Reports
    // progress (0..100) and honours QFuture::cancel() until the commit; a cancelled save ends
    // without a result and stores nothing.
    struct SlotPlanReport {
        qint64 inserted = 0;
        qint64 removed = 0; // planned slots the plan replaced
        StoreError error;   // nothing was stored
    };
    QFuture<SlotPlanReport> saveSlotPlan(std::shared_ptr<const SlotPlan> plan);
    // Planned (unpublished) slots of a centre starting in [from, to), UTC epoch seconds.
    QFuture<Stored<qint64>> plannedSlotCount(qint64 centreId, qint64 from, qint64 to);

Q_SIGNALS:
    // Emitted (on the UI thread) after any successful change, so views can refresh.
    void centresChanged();
    void openingHoursChanged(qint64 centreId);
    void slotPlanSaved();
    void publicationsChanged();

private:
    // What differs between the CSV imports; runImport() does the steps they share.
    struct ImportSteps {
        std::function<QList<RowError>(const CsvTable &)> parse;   // file rows → items
        std::function<QList<RowError>(const CsvTable &)> resolve; // optional, database open
        std::function<StoreError(const BatchOptions &, BatchResult *)> apply;
        std::function<RowError(const CsvTable &, int item, const FieldError &)> describe;
        std::function<void()> notify; // after a real import that changed something
    };
    void runImport(QPromise<ImportReport> &promise, const QByteArray &data, bool dryRun,
                   const ImportSteps &steps);

    StoreError ensureOpen(); // worker thread only
    void notifyCentresChanged();
    void notifyHoursChanged(qint64 centreId);
    void notifyPublicationsChanged();

    QString m_path;
    const Clock &m_clock;
    QThreadPool m_pool;             // exactly one thread, kept alive: the connection lives there
    std::shared_ptr<Database> m_db; // touched only on the worker thread
};

} // namespace slotdesk

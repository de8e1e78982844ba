#include "models/store/ConsoleStore.h"

#include "models/csv/Csv.h"
#include "models/store/CentreRepository.h"
#include "models/store/Database.h"
#include "models/store/OpeningHoursRepository.h"
#include "models/store/PublicationTable.h"
#include "models/store/SlotPlanTable.h"
#include "models/store/SqlSupport.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QPromise>
#include <QSqlQuery>
#include <QtConcurrent>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct Store {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

QString uniqueConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("slotdesk-console-store-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// Import progress: parsing is the first 10 %, writing the rows 10..95 %, the commit the rest.
constexpr int kParsedProgress = 10;
constexpr int kWrittenProgress = 95;

int rowProgress(int done, int total) {
    return total <= 0 ? kWrittenProgress
                      : kParsedProgress + (kWrittenProgress - kParsedProgress) * done / total;
}

// Field names of Validation are member names; the CSV columns are snake_case headers.
QString csvColumnFor(const QString &field) {
    if (field == u"capacityPerLane")
        return QStringLiteral("capacity_per_lane");
    if (field == u"slotMinutes")
        return QStringLiteral("slot_minutes");
    return field;
}

// The first line of the file whose centre-name column holds `name`, for error messages (blank
// rows are skipped by the parser, so rows and parsed items do not correspond one to one).
int lineOfName(const CsvTable &table, const QString &column, const QString &name) {
    const QString key = centreNameKey(name);
    if (key.isEmpty())
        return 0;
    qsizetype index = -1;
    for (qsizetype c = 0; c < table.header.size(); ++c) {
        if (table.header.at(c).trimmed().compare(column, Qt::CaseInsensitive) == 0)
            index = c;
    }
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        const bool match =
            index >= 0 ? centreNameKey(row.value(index)) == key
                       : std::any_of(row.cbegin(), row.cend(),
                                     [&](const QString &f) { return centreNameKey(f) == key; });
        if (match)
            return table.lines.value(r);
    }
    return 0;
}

// A year of slots dirties far more pages than SQLite's default cache (2 MB) holds; spilled pages
// go to the WAL mid-transaction and are written again when they change once more. For the
// length of one plan the cache holds 64 MB, as the service's does.
class LargeWriteCache {
public:
    explicit LargeWriteCache(QSqlDatabase db)
        : m_db(std::move(db)) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA cache_size")) && query.next())
            m_previous = query.value(0).toLongLong();
        query.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    ~LargeWriteCache() {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous));
    }
    LargeWriteCache(const LargeWriteCache &) = delete;
    LargeWriteCache &operator=(const LargeWriteCache &) = delete;

private:
    QSqlDatabase m_db;
    qint64 m_previous = -2000;
};

} // namespace

ConsoleStore::ConsoleStore(QString databasePath, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock) {
    // One thread that never expires: the SQLite connection belongs to it, and a single queue
    // keeps the calls in the order they were made.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

ConsoleStore::~ConsoleStore() {
    // The connection must be closed on the thread that opened it.
    m_pool.start([this] { m_db.reset(); });
    m_pool.waitForDone();
}

// Runs on the worker: creates the connection on first use and opens the database.
StoreError ConsoleStore::ensureOpen() {
    if (!m_db)
        m_db = std::make_shared<Database>(uniqueConnectionName());
    if (m_db->isOpen())
        return {};
    return m_db->open(m_path);
}

void ConsoleStore::notifyCentresChanged() {
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT centresChanged(); }, Qt::QueuedConnection);
}

void ConsoleStore::notifyPublicationsChanged() {
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT publicationsChanged(); }, Qt::QueuedConnection);
}

void ConsoleStore::notifyHoursChanged(qint64 centreId) {
    QMetaObject::invokeMethod(
        this, [this, centreId] { Q_EMIT openingHoursChanged(centreId); }, Qt::QueuedConnection);
}

QFuture<StoreError> ConsoleStore::open() {
    return QtConcurrent::run(&m_pool, [this] { return ensureOpen(); });
}

QFuture<Stored<QList<Centre>>> ConsoleStore::centres() {
    return QtConcurrent::run(&m_pool, [this] {
        Stored<QList<Centre>> result;
        result.error = ensureOpen();
        if (!result.error)
            result.value = CentreRepository(*m_db, m_clock).list(&result.error);
        return result;
    });
}

QFuture<Stored<Centre>> ConsoleStore::saveCentre(const Centre &centre) {
    return QtConcurrent::run(&m_pool, [this, centre] {
        Stored<Centre> result{centre, ensureOpen()};
        if (!result.error)
            result.error = CentreRepository(*m_db, m_clock).save(result.value);
        if (!result.error)
            notifyCentresChanged();
        return result;
    });
}

QFuture<StoreError> ConsoleStore::setCentreActive(qint64 id, bool active) {
    return QtConcurrent::run(&m_pool, [this, id, active] {
        StoreError error = ensureOpen();
        if (!error)
            error = CentreRepository(*m_db, m_clock).setActive(id, active);
        if (!error)
            notifyCentresChanged();
        return error;
    });
}

QFuture<StoreError> ConsoleStore::removeCentre(qint64 id) {
    return QtConcurrent::run(&m_pool, [this, id] {
        StoreError error = ensureOpen();
        if (!error)
            error = CentreRepository(*m_db, m_clock).remove(id);
        if (!error)
            notifyCentresChanged();
        return error;
    });
}

QFuture<Stored<OpeningHours>> ConsoleStore::openingHours(qint64 centreId) {
    return QtConcurrent::run(&m_pool, [this, centreId] {
        Stored<OpeningHours> result;
        result.error = ensureOpen();
        if (!result.error)
            result = OpeningHoursRepository(*m_db, m_clock).load(centreId);
        return result;
    });
}

QFuture<StoreError> ConsoleStore::saveOpeningHours(const OpeningHours &hours) {
    return QtConcurrent::run(&m_pool, [this, hours] {
        StoreError error = ensureOpen();
        if (!error)
            error = OpeningHoursRepository(*m_db, m_clock).save(hours);
        if (!error)
            notifyHoursChanged(hours.centreId);
        return error;
    });
}

QFuture<Stored<QHash<qint64, ConsoleStore::PublishStatus>>> ConsoleStore::publishStates() {
    return QtConcurrent::run(&m_pool, [this] {
        Stored<QHash<qint64, PublishStatus>> result;
        result.error = ensureOpen();
        if (result.error)
            return result;
        const QList<Centre> centres = CentreRepository(*m_db, m_clock).list(&result.error);
        const QHash<qint64, CentrePublication> published =
            PublicationTable(m_db->handle()).all(&result.error);
        if (result.error)
            return result;
        const OpeningHoursRepository hours(*m_db, m_clock);
        for (const Centre &centre : centres) {
            PublishStatus status;
            status.publication = published.value(centre.id);
            status.publication.centreId = centre.id;
            const Stored<OpeningHours> loaded = hours.load(centre.id);
            if (loaded.error) {
                result.error = loaded.error;
                return result;
            }
            status.state = publishStateOf(status.publication, centre.revision,
                                          openingHoursDigest(loaded.value));
            result.value.insert(centre.id, status);
        }
        return result;
    });
}

QFuture<Stored<ConsoleStore::PublishPayload>> ConsoleStore::publishPayload(qint64 centreId) {
    return QtConcurrent::run(&m_pool, [this, centreId] {
        Stored<PublishPayload> result;
        result.error = ensureOpen();
        if (result.error)
            return result;
        const std::optional<Centre> centre = CentreRepository(*m_db, m_clock).find(centreId);
        if (!centre) {
            result.error.kind = StoreError::Kind::NotFound;
            result.error.message = QCoreApplication::translate(
                "Store", "The centre no longer exists in the local store.");
            return result;
        }
        result.value.centre = *centre;
        const Stored<OpeningHours> hours = OpeningHoursRepository(*m_db, m_clock).load(centreId);
        if (hours.error) {
            result.error = hours.error;
            return result;
        }
        result.value.hours = hours.value;
        result.value.hours.centreId = centreId;
        result.value.hoursDigest = openingHoursDigest(hours.value);
        result.value.publication = PublicationTable(m_db->handle()).find(centreId, &result.error);
        return result;
    });
}

QFuture<StoreError> ConsoleStore::markPublished(const CentrePublication &publication) {
    return QtConcurrent::run(&m_pool, [this, publication] {
        StoreError error = ensureOpen();
        CentrePublication stamped = publication;
        stamped.publishedAt = m_clock.now().toSecsSinceEpoch();
        if (!error)
            error = PublicationTable(m_db->handle()).markPublished(stamped);
        if (!error)
            notifyPublicationsChanged();
        return error;
    });
}

QFuture<StoreError> ConsoleStore::markConflict(qint64 centreId, const QString &reason,
                                               const QJsonObject &serviceVersion) {
    return QtConcurrent::run(&m_pool, [this, centreId, reason, serviceVersion] {
        StoreError error = ensureOpen();
        if (!error)
            error = PublicationTable(m_db->handle()).markConflict(centreId, reason, serviceVersion);
        if (!error)
            notifyPublicationsChanged();
        return error;
    });
}

QFuture<ConsoleStore::ImportReport> ConsoleStore::importCentresCsv(const QByteArray &data,
                                                                   bool dryRun) {
    return QtConcurrent::run(&m_pool, [this, data, dryRun](QPromise<ImportReport> &promise) {
        CentreImport import;
        ImportSteps steps;
        steps.parse = [&import](const CsvTable &table) {
            import = parseCentresCsv(table);
            return import.errors;
        };
        steps.apply = [this, &import](const BatchOptions &options, BatchResult *result) {
            return CentreRepository(*m_db, m_clock).saveAll(import.centres, options, result);
        };
        steps.describe = [&import](const CsvTable &table, int item, const FieldError &field) {
            const QString name = import.centres.value(item).name;
            return RowError{lineOfName(table, QStringLiteral("name"), name),
                            csvColumnFor(field.field), field.message};
        };
        steps.notify = [this] { notifyCentresChanged(); };
        runImport(promise, data, dryRun, steps);
    });
}

QFuture<ConsoleStore::ImportReport> ConsoleStore::importHoursCsv(const QByteArray &data,
                                                                 bool dryRun) {
    return QtConcurrent::run(&m_pool, [this, data, dryRun](QPromise<ImportReport> &promise) {
        HoursImport import;
        ImportSteps steps;
        steps.parse = [&import](const CsvTable &table) {
            import = parseHoursCsv(table);
            return import.errors;
        };
        // The file names centres; they must exist before their hours can be stored.
        steps.resolve = [this, &import](const CsvTable &table) {
            QList<RowError> errors;
            const CentreRepository centres(*m_db, m_clock);
            for (qsizetype i = 0; i < import.hours.size(); ++i) {
                const QString name = import.centreNames.value(i);
                if (const std::optional<Centre> centre = centres.findByName(name))
                    import.hours[i].centreId = centre->id;
                else
                    errors.append(
                        {lineOfName(table, QStringLiteral("centre"), name),
                         QStringLiteral("centre"),
                         Store::tr(
                             "There is no centre named \"%1\". Import or create the centre first.")
                             .arg(name)});
            }
            return errors;
        };
        steps.apply = [this, &import](const BatchOptions &options, BatchResult *result) {
            return OpeningHoursRepository(*m_db, m_clock).saveAll(import.hours, options, result);
        };
        steps.describe = [&import](const CsvTable &table, int item, const FieldError &field) {
            const QString name = import.centreNames.value(item);
            return RowError{lineOfName(table, QStringLiteral("centre"), name),
                            {},
                            name % QStringLiteral(": ") % field.message};
        };
        steps.notify = [this, &import] {
            for (const OpeningHours &h : std::as_const(import.hours))
                notifyHoursChanged(h.centreId);
        };
        runImport(promise, data, dryRun, steps);
    });
}

// Runs on the worker. Parsing problems, unknown references and validation errors all end as
// row errors with nothing written; a cancelled import reports no result at all.
void ConsoleStore::runImport(QPromise<ImportReport> &promise, const QByteArray &data, bool dryRun,
                             const ImportSteps &steps) {
    promise.setProgressRange(0, 100);
    ImportReport report;
    const CsvParseResult parsed = parseCsv(data);
    if (!parsed.ok()) {
        report.rowErrors.append({parsed.errorLine, {}, parsed.error});
        promise.addResult(report);
        return;
    }
    report.rowErrors = steps.parse(parsed.table);
    if (!report.rowErrors.isEmpty()) {
        promise.addResult(report);
        return;
    }
    promise.setProgressValue(kParsedProgress);
    if (promise.isCanceled())
        return;
    if ((report.error = ensureOpen())) {
        promise.addResult(report);
        return;
    }
    if (steps.resolve)
        report.rowErrors = steps.resolve(parsed.table);
    if (!report.rowErrors.isEmpty()) {
        promise.addResult(report);
        return;
    }

    BatchOptions options;
    options.dryRun = dryRun;
    options.progress = [&promise](int done, int total) {
        promise.setProgressValue(rowProgress(done, total));
        return !promise.isCanceled();
    };
    BatchResult result;
    const StoreError error = steps.apply(options, &result);
    if (result.cancelled)
        return;
    if (error.kind == StoreError::Kind::Validation) {
        for (qsizetype i = 0; i < error.fields.size(); ++i) {
            const int item = i < result.failedItems.size() ? result.failedItems.at(i) : -1;
            report.rowErrors.append(steps.describe(parsed.table, item, error.fields.at(i)));
        }
    } else if (error) {
        report.error = error;
    } else {
        report.inserted = result.inserted;
        report.updated = result.updated;
        if (!dryRun && (result.inserted > 0 || result.updated > 0))
            steps.notify();
    }
    promise.setProgressValue(100);
    promise.addResult(report);
}

QFuture<Stored<QByteArray>> ConsoleStore::exportCentresCsv() {
    return QtConcurrent::run(&m_pool, [this] {
        Stored<QByteArray> result;
        result.error = ensureOpen();
        if (result.error)
            return result;
        const QList<Centre> list = CentreRepository(*m_db, m_clock).list(&result.error);
        if (!result.error)
            result.value = slotdesk::exportCentresCsv(list);
        return result;
    });
}

QFuture<Stored<QByteArray>> ConsoleStore::exportHoursCsv() {
    return QtConcurrent::run(&m_pool, [this] {
        Stored<QByteArray> result;
        result.error = ensureOpen();
        if (result.error)
            return result;
        const QList<Centre> list = CentreRepository(*m_db, m_clock).list(&result.error);
        if (result.error)
            return result;
        QList<OpeningHours> hours;
        const OpeningHoursRepository repository(*m_db, m_clock);
        for (const Centre &c : list) {
            Stored<OpeningHours> stored = repository.load(c.id);
            if (stored.error) {
                result.error = stored.error;
                return result;
            }
            hours.append(stored.value);
        }
        result.value = slotdesk::exportHoursCsv(list, hours);
        return result;
    });
}

QFuture<ConsoleStore::SlotPlanReport>
ConsoleStore::saveSlotPlan(std::shared_ptr<const SlotPlan> plan) {
    return QtConcurrent::run(&m_pool, [this, plan](QPromise<SlotPlanReport> &promise) {
        promise.setProgressRange(0, 100);
        SlotPlanReport report;
        if ((report.error = ensureOpen()) || !plan) {
            promise.addResult(report);
            return;
        }
        if (promise.isCanceled())
            return;
        promise.setProgressValue(1); // opened; next: waiting for the write lock
        const LargeWriteCache cache(m_db->handle());
        sql::Transaction transaction(m_db->handle());
        if ((report.error = transaction.beginError())) {
            promise.addResult(report);
            return;
        }
        SlotPlanTable::Result result;
        // The commit is the last few per cent: it writes the transaction's pages.
        report.error = SlotPlanTable(m_db->handle())
                           .replace(*plan, &result, [&promise](qint64 done, qint64 total) {
                               promise.setProgressValue(total > 0 ? int(95 * done / total) : 95);
                               return !promise.isCanceled();
                           });
        if (result.cancelled)
            return; // the transaction rolls back
        if (!report.error)
            report.error = transaction.commit();
        if (!report.error) {
            report.inserted = result.inserted;
            report.removed = result.removed;
            QMetaObject::invokeMethod(
                this, [this] { Q_EMIT slotPlanSaved(); }, Qt::QueuedConnection);
        }
        promise.setProgressValue(100);
        promise.addResult(report);
    });
}

QFuture<Stored<qint64>> ConsoleStore::plannedSlotCount(qint64 centreId, qint64 from, qint64 to) {
    return QtConcurrent::run(&m_pool, [this, centreId, from, to] {
        Stored<qint64> result;
        result.error = ensureOpen();
        if (!result.error)
            result.value = SlotPlanTable(m_db->handle()).countPlanned(centreId, from, to);
        return result;
    });
}

} // namespace slotdesk

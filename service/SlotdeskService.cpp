#include "service/SlotdeskService.h"

#include "service/WalCheckpointer.h"

#include "models/booking/EventLog.h"
#include "models/booking/PersonKeyRekey.h"
#include "models/booking/SqliteBookingStore.h"
#include "models/core/Clock.h"
#include "service/ServiceDatabase.h"
#include "service/booking/BatchWriter.h"
#include "service/booking/BookingEngine.h"
#include "service/booking/PersonKeyPepper.h"
#include "service/booking/SigningKey.h"
#include "service/citizen/CitizenController.h"
#include "service/http/Controller.h"
#include "service/metrics/MetricsController.h"
#include "service/staff/StaffSide.h"
#include "service/staff/auth/StaffAuth.h"

#include <QCoreApplication>

namespace slotdesk {

namespace {

HttpLimits httpLimits(const ServiceConfig &config) {
    HttpLimits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.headTimeoutMs = config.headTimeoutMs;
    limits.bodyTimeoutMs = config.bodyTimeoutMs;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    limits.maxConnections = config.maxConnections;
    return limits;
}

} // namespace

SlotdeskService::SlotdeskService(ServiceConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_http(httpLimits(m_config), m_metrics)
    , m_connectionName(QStringLiteral("slotdesk-service-%1").arg(quintptr(this), 0, 16)) {
    TrustedProxies proxies;
    proxies.setProxies(m_config.trustedProxies); // validated by ServiceConfig
    m_http.setTrustedProxies(std::move(proxies));
    // Real time on purpose: housekeeping asks the engine, which reads the injected Clock.
    m_housekeeping.setInterval(1000);
    connect(&m_housekeeping, &QTimer::timeout, this, [this] {
        if (m_citizen)
            m_citizen->housekeeping();
    });
}

SlotdeskService::~SlotdeskService() {
    // Writes waiting for their group commit are committed and answered while the
    // controllers whose callbacks answer them still exist.
    if (m_engine) {
        m_engine->flush();
        if (m_engine->batchesCommitted() > 0)
            qInfo("group commit: %lld writes in %lld transactions", m_engine->writesCommitted(),
                  m_engine->batchesCommitted());
    }
    // Prepared statements must go before the connection they belong to.
    m_hub.setBarrier({});
    m_controllers.clear();
    m_engine.reset();
    m_writer.reset();
    m_store.reset();
    m_eventLog.reset();
    m_checkpointer.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool SlotdeskService::start(QString *error) {
    if (StoreError e = openServiceDatabase(m_config.databasePath, m_config.syncFull,
                                           m_connectionName, &m_db)) {
        *error = tr("Cannot open the database \"%1\": %2").arg(m_config.databasePath, e.message);
        return false;
    }
    // Once a second: every round copies the pages written since the last one (a page written
    // many times is copied once) and syncs the database file. Shorter rounds take measurable
    // throughput from the writer, longer ones gain nothing (bench-results.md). Between rounds
    // the WAL grows by a second of writes.
    m_checkpointer = std::make_unique<WalCheckpointer>(m_config.databasePath, 1000);
    m_checkpointer->start();
    m_key = std::make_unique<SigningKey>();
    if (!m_key->loadOrCreate(m_config.keyFile, error))
        return false;
    PersonKeyPepper pepper;
    if (!pepper.loadOrCreate(m_config.pepperFile(), error))
        return false;
    PersonKeyRekey::Result rekeyed;
    if (StoreError e =
            PersonKeyRekey::run(m_db, pepper.bytes(), m_clock.now().toSecsSinceEpoch(), &rekeyed)) {
        *error = tr("Cannot re-key the stored bookings' person keys: %1").arg(e.message);
        return false;
    }
    if (rekeyed.ran)
        qInfo("person keys: %lld bookings re-keyed, %lld active ones found to share a person",
              rekeyed.bookings, rekeyed.merged);
    m_eventLog = std::make_unique<EventLog>(m_db);
    m_store = std::make_unique<SqliteBookingStore>(m_db, *m_eventLog);
    BookingEngine::Settings settings;
    settings.holdSeconds = m_config.holdMinutes * 60;
    settings.holdLimits.perClient = m_config.holdsPerClient;
    settings.holdLimits.perPerson = m_config.holdsPerPerson;
    m_engine = std::make_unique<BookingEngine>(*m_store, m_hub, m_clock, settings);
    m_engine->setPersonKeyPepper(pepper.bytes());
    m_engine->setQrSigner(
        [key = m_key.get()](const QByteArray &message) { return key->sign(message); });
    if (StoreError e = m_engine->load()) {
        *error = tr("Cannot load the bookable slots: %1").arg(e.message);
        return false;
    }
    if (!startWriter(error))
        return false;
    registerControllers();
    m_port = m_http.start(m_config.listen, m_config.port);
    if (m_port == 0) {
        *error = tr("Cannot listen on %1 port %2 (in use or not allowed).")
                     .arg(m_config.listen.toString())
                     .arg(m_config.port);
        return false;
    }
    m_housekeeping.start();
    return true;
}

bool SlotdeskService::startWriter(QString *error) {
    const QString name = m_connectionName + u"-writer";
    QString openError;
    m_writer = std::make_unique<BatchWriter>(
        [this, name, &openError] {
            if (StoreError e = openServiceDatabase(m_config.databasePath, m_config.syncFull, name,
                                                   &m_writerDb)) {
                openError = e.message;
                return false;
            }
            m_writerEventLog = std::make_unique<EventLog>(m_writerDb);
            m_writerStore = std::make_unique<SqliteBookingStore>(m_writerDb, *m_writerEventLog);
            return true;
        },
        [this, name] {
            // On the writer thread, like everything that uses its connection.
            m_writerStore.reset();
            m_writerEventLog.reset();
            m_writerDb.close();
            m_writerDb = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        });
    if (!m_writer->start()) {
        m_writer.reset();
        *error = tr("Cannot open the database \"%1\" for the booking writer: %2")
                     .arg(m_config.databasePath, openError);
        return false;
    }
    m_engine->setWriter(m_writer.get(), m_writerStore.get());
    m_hub.setBarrier([this] { m_engine->drain(); });
    // Batches append events on the writer's connection: the service's EventLog follows them.
    connect(&m_hub, &EventHub::eventsCommitted, this, [this](const QList<Event> &events) {
        m_eventLog->noteCommitted(events.constLast().seq);
    });
    return true;
}

void SlotdeskService::registerControllers() {
    auto citizen = std::make_unique<CitizenController>(
        *m_engine, *m_store, *m_key, m_clock,
        CitizenController::Limits{m_config.lookupBurst, m_config.lookupPerMinute,
                                  m_config.idempotencyCache, m_config.availabilityCache});
    m_citizen = citizen.get();
    m_controllers.push_back(std::move(citizen));
    auto staff = std::make_unique<StaffSide>(m_db, *m_eventLog, m_hub, *m_engine, m_http, m_clock,
                                             m_config.staff);
    m_staff = staff.get();
    m_controllers.push_back(std::move(staff));
    m_controllers.push_back(std::make_unique<MetricsController>(
        m_metrics,
        [&auth =
             m_staff->auth()](const HttpRequest &request) -> std::optional<QHttpServerResponse> {
            StaffAuth::Caller caller =
                auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
            if (caller.user)
                return std::nullopt;
            return std::move(caller.refusal);
        }));
    for (const auto &controller : m_controllers)
        m_http.addController(*controller);
    registerEngineMetrics();
}

void SlotdeskService::registerEngineMetrics() {
    const BookingEngine &engine = *m_engine;
    m_metrics.addGauge(QStringLiteral("slotdesk_holds_active"), QStringLiteral("Places held now."),
                       [&engine] { return double(engine.activeHolds()); });
    m_metrics.addGauge(QStringLiteral("slotdesk_write_batches_committed"),
                       QStringLiteral("Group-commit transactions committed since start."),
                       [&engine] { return double(engine.batchesCommitted()); });
    m_metrics.addGauge(QStringLiteral("slotdesk_writes_committed"),
                       QStringLiteral("Confirms and cancellations committed since start."),
                       [&engine] { return double(engine.writesCommitted()); });
    m_metrics.addGauge(QStringLiteral("slotdesk_write_batch_size_mean"),
                       QStringLiteral("Writes per group-commit transaction since start."),
                       [&engine] {
                           const qint64 batches = engine.batchesCommitted();
                           return batches ? double(engine.writesCommitted()) / double(batches) : 0;
                       });
    Histogram &batchSeconds = m_metrics.histogram(
        QStringLiteral("slotdesk_write_batch_seconds"),
        QStringLiteral("Time from taking a group-commit batch off the queue to its commit."),
        MetricsRegistry::latencyBounds());
    Histogram &batchWrites = m_metrics.histogram(
        QStringLiteral("slotdesk_write_batch_writes"),
        QStringLiteral("Confirms and cancellations per committed group-commit batch."),
        {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096});
    m_engine->setBatchObserver([&batchSeconds, &batchWrites](qsizetype writes, qint64 nanos) {
        batchWrites.observe(double(writes));
        batchSeconds.observe(double(nanos) / 1e9);
    });
    const CitizenController &citizen = *m_citizen;
    const auto cache = [this](const char *name, std::function<double()> read) {
        m_metrics.addGauge(QStringLiteral("slotdesk_cache_entries"),
                           QStringLiteral("Entries of a bounded in-memory cache."), std::move(read),
                           {{QStringLiteral("cache"), QLatin1String(name)}});
    };
    cache("idempotency", [&citizen] { return double(citizen.idempotencyCacheSize()); });
    cache("availability_answers", [&citizen] { return double(citizen.availabilityCacheSize()); });
    cache("engine_availability", [&engine] { return double(engine.cachedAvailabilityAnswers()); });
}

} // namespace slotdesk

#include "tests/bench/BenchSlots.h"

#include "models/core/Clock.h"
#include "models/rules/SlotGenerator.h"
#include "models/store/ConsoleStore.h"
#include "models/store/Database.h"
#include "models/store/SqliteStatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <memory>

namespace slotdesk::bench {

namespace {

const QStringList kVaccines{QStringLiteral("vaccine_comirnaty"), QStringLiteral("vaccine_spikevax"),
                            QStringLiteral("vaccine_nuvaxovid"), QStringLiteral("vaccine_jcovden")};

// Polls instead of QFuture::waitForFinished(), which may run a queued store task on this thread,
// away from the thread that owns the store's connection.
template <typename T> T await(const QFuture<T> &future) {
    while (!future.isFinished()) {
        QCoreApplication::processEvents();
        QThread::msleep(1);
    }
    return future.result();
}

} // namespace

double cpuSeconds() {
    return double(std::clock()) / CLOCKS_PER_SEC;
}

void removeDatabase(const QString &path) {
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

Centre benchCentre(int index, const SlotsOptions &options) {
    Centre c;
    c.name = QStringLiteral("Impfzentrum Bench %1").arg(index + 1);
    c.street = QStringLiteral("Benchstraße %1").arg(index + 1);
    c.postcode = QStringLiteral("10115");
    c.city = QStringLiteral("Berlin");
    c.kind = CentreKind::VaccinationCentre;
    c.serviceCodes = kVaccines.mid(0, std::clamp(options.services, 1, int(kVaccines.size())));
    c.serviceCodes.sort();
    c.lanes = 4;
    c.capacityPerLane = 2;
    c.slotMinutes = options.slotMinutes;
    c.phone = QStringLiteral("030 1234567");
    return c;
}

OpeningHours benchHours(qint64 centreId, const SlotsOptions &options) {
    OpeningHours hours;
    hours.centreId = centreId;
    for (int day = 1; day <= 7; ++day)
        hours.weekly.append(
            {day, {8 * 60, std::min(8 * 60 + options.openHours * 60, 24 * 60)}, false});
    return hours;
}

bool plainInsert(const QString &path, const SlotPlan &plan, const QList<Centre> &centres,
                 Timing *timing) {
    removeDatabase(path);
    Database db(QStringLiteral("bench-plain"));
    if (StoreError e = db.open(path)) {
        QTextStream(stderr) << "plain open: " << e.message << Qt::endl;
        return false;
    }
    sqlite3 *handle = SqliteStatement::handleOf(db.handle());
    // The same cache as the console's store takes for a plan, so the ratio shows the store's
    // own costs.
    sqlite3_exec(handle, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    // The foreign keys need the centres; their rows are not part of the timing.
    for (const Centre &c : centres) {
        const QByteArray sql =
            QStringLiteral("INSERT INTO centres (id, uuid, name, name_key, street, "
                           "postcode, city, kind, slot_minutes, created_at, updated_at) "
                           "VALUES (%1, 'u%1', 'c%1', 'c%1', 's', '10115', 'Berlin', "
                           "'vaccination', %2, 0, 0)")
                .arg(c.id)
                .arg(c.slotMinutes)
                .toUtf8();
        if (sqlite3_exec(handle, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            QTextStream(stderr) << "plain centre: " << sqlite3_errmsg(handle) << Qt::endl;
            return false;
        }
    }
    QList<QByteArray> codes;
    for (const QString &s : plan.services)
        codes.append(s.toUtf8());

    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    sqlite3_exec(handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(handle,
                       "INSERT INTO slots (centre_id, service_code, starts_at, minutes, capacity) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                       -1, &insert, nullptr);
    for (const PlannedSlot &s : plan.slots) {
        const QByteArray &code = codes.at(s.service);
        sqlite3_bind_int64(insert, 1, s.centreId);
        sqlite3_bind_text(insert, 2, code.constData(), int(code.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 3, s.startsAt);
        sqlite3_bind_int(insert, 4, s.minutes);
        sqlite3_bind_int(insert, 5, s.capacity);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            QTextStream(stderr) << "plain insert: " << sqlite3_errmsg(handle) << Qt::endl;
            sqlite3_finalize(insert);
            return false;
        }
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    const bool committed = sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    timing->wall = double(timer.nsecsElapsed()) / 1e9;
    timing->cpu = cpuSeconds() - cpuStart;
    if (!committed)
        QTextStream(stderr) << "plain commit: " << sqlite3_errmsg(handle) << Qt::endl;
    return committed;
}

SlotPlan benchPlan(const SlotsOptions &options, QList<Centre> *centres) {
    SlotPlanRequest request;
    request.first = QDate::currentDate().addDays(1);
    request.last = request.first.addDays(options.days - 1);
    for (int i = 0; i < options.centres; ++i) {
        Centre c = benchCentre(i, options);
        c.id = i + 1;
        request.centres.append({c, benchHours(c.id, options)});
        centres->append(c);
    }
    SlotPlan plan;
    SlotGenerator::generate(request, &plan);
    return plan;
}

namespace {

bool storeThroughConsole(const QString &path, const SlotsOptions &options, SlotPlanRequest *request,
                         std::shared_ptr<SlotPlan> *plan, Timing *generate, Timing *stored) {
    removeDatabase(path);
    const SystemClock clock;
    ConsoleStore store(path, clock);
    if (StoreError e = await(store.open())) {
        QTextStream(stderr) << "store open: " << e.message << Qt::endl;
        return false;
    }
    request->centres.clear();
    for (int i = 0; i < options.centres; ++i) {
        const Stored<Centre> saved = await(store.saveCentre(benchCentre(i, options)));
        if (saved.error) {
            QTextStream(stderr) << "centre: " << saved.error.message << Qt::endl;
            return false;
        }
        const OpeningHours hours = benchHours(saved.value.id, options);
        if (StoreError e = await(store.saveOpeningHours(hours))) {
            QTextStream(stderr) << "hours: " << e.message << Qt::endl;
            return false;
        }
        request->centres.append({saved.value, hours});
    }

    QElapsedTimer timer;
    timer.start();
    double cpuStart = cpuSeconds();
    *plan = std::make_shared<SlotPlan>();
    SlotGenerator::generate(*request, plan->get());
    generate->wall = double(timer.nsecsElapsed()) / 1e9;
    generate->cpu = cpuSeconds() - cpuStart;

    timer.restart();
    cpuStart = cpuSeconds();
    const ConsoleStore::SlotPlanReport report = await(store.saveSlotPlan(*plan));
    stored->wall = double(timer.nsecsElapsed()) / 1e9;
    stored->cpu = cpuSeconds() - cpuStart;
    if (report.error) {
        QTextStream(stderr) << "store: " << report.error.message << Qt::endl;
        return false;
    }
    if (report.inserted != qint64((*plan)->slots.size())) {
        QTextStream(stderr) << "store: " << report.inserted << " of " << (*plan)->slots.size()
                            << " stored" << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int runSlots(const SlotsOptions &options) {
    QTextStream out(stdout);
    if (!QDir().mkpath(options.directory)) {
        QTextStream(stderr) << "cannot create " << options.directory << Qt::endl;
        return 1;
    }
    const QString storePath = QDir(options.directory).filePath(QStringLiteral("slots-store.db"));
    const QString plainPath = QDir(options.directory).filePath(QStringLiteral("slots-plain.db"));
    const QDate first = QDate::currentDate().addDays(1);
    out << "centres " << options.centres << ", days " << options.days << ", services "
        << options.services << ", " << options.slotMinutes << "-minute slots, " << options.openHours
        << " open hours a day" << Qt::endl;

    for (int run = 0; run < options.runs; ++run) {
        SlotPlanRequest request;
        request.first = first;
        request.last = first.addDays(options.days - 1);
        std::shared_ptr<SlotPlan> plan;
        Timing generate;
        Timing stored;
        Timing plain;
        QList<Centre> centres;
        const bool plainFirst = run % 2 == 1;
        if (plainFirst) {
            // The plain insert needs the rows: generate them once untimed beforehand.
            const SlotPlan rows = benchPlan(options, &centres);
            if (!plainInsert(plainPath, rows, centres, &plain))
                return 1;
        }
        if (!storeThroughConsole(storePath, options, &request, &plan, &generate, &stored))
            return 1;
        if (!plainFirst) {
            for (const SlotPlanCentre &c : std::as_const(request.centres))
                centres.append(c.centre);
            if (!plainInsert(plainPath, *plan, centres, &plain))
                return 1;
        }
        const double slots = double(plan->slots.size());
        const auto rate = [slots](double seconds) { return qint64(slots / seconds); };
        out << "run " << run + 1 << (plainFirst ? " (plain first)" : " (store first)") << ": "
            << qint64(slots) << " slots (slots/s wall | cpu)" << Qt::endl
            << "  generate " << rate(generate.wall) << " | " << rate(generate.cpu) << Qt::endl
            << "  store    " << rate(stored.wall) << " | " << rate(stored.cpu) << Qt::endl
            << "  both     " << rate(generate.wall + stored.wall) << " | "
            << rate(generate.cpu + stored.cpu) << Qt::endl
            << "  plain    " << rate(plain.wall) << " | " << rate(plain.cpu) << Qt::endl
            << "  store/plain " << QString::number(plain.wall / stored.wall, 'f', 2) << "x | "
            << QString::number(plain.cpu / stored.cpu, 'f', 2) << "x" << Qt::endl;
    }
    removeDatabase(storePath);
    removeDatabase(plainPath);
    return 0;
}

} // namespace slotdesk::bench

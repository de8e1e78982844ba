#include "tests/bench/BenchPublish.h"

#include "models/rules/ForecastLimit.h"
#include "net/WireFormat.h"
#include "tests/bench/BenchHttp.h"
#include "tests/bench/BenchService.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>
#include <QTimeZone>
#include <QUuid>

#include <QStringBuilder>

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace slotdesk::bench {

namespace {

struct Batch {
    QByteArray centreUuid;
    int service = 0;
    QString month;
    std::vector<const PlannedSlot *> slots;
};

struct PublishTiming {
    Timing send;              // wall: first request to last answer; cpu: the service's
    double encodeSeconds = 0; // the bodies, written on this side between requests
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    qint64 releases = 0;
    std::vector<double> requestMs;
};

QByteArray uuidOf(int index) {
    return QUuid::createUuidV5(QUuid(), QByteArray::number(index))
        .toString(QUuid::WithoutBraces)
        .toLatin1();
}

// The plan cut into releases: per centre, service and Berlin month, at most maxSlots each.
std::vector<Batch> batchesOf(const SlotPlan &plan, int maxSlots) {
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    std::vector<qint64> monthStarts;
    QStringList monthNames;
    for (QDate d(plan.first.year(), plan.first.month(), 1); d <= plan.last.addMonths(1);
         d = d.addMonths(1)) {
        monthStarts.push_back(QDateTime(d, QTime(0, 0), berlin).toSecsSinceEpoch());
        monthNames.append(d.toString(QStringLiteral("yyyy-MM")));
    }
    std::map<std::tuple<qint64, int, qsizetype>, std::vector<const PlannedSlot *>> groups;
    for (const PlannedSlot &s : plan.slots) {
        const auto after = std::upper_bound(monthStarts.begin(), monthStarts.end(), s.startsAt);
        const qsizetype month = std::max<qsizetype>(0, after - monthStarts.begin() - 1);
        groups[{s.centreId, s.service, month}].push_back(&s);
    }
    std::vector<Batch> batches;
    for (auto &[key, slots] : groups) {
        const auto &[centre, service, month] = key;
        for (size_t at = 0; at < slots.size(); at += size_t(maxSlots)) {
            Batch b;
            b.centreUuid = uuidOf(int(centre));
            b.service = service;
            b.month = monthNames.at(month);
            b.slots.assign(slots.begin() + qsizetype(at),
                           slots.begin() +
                               qsizetype(std::min(slots.size(), at + size_t(maxSlots))));
            batches.push_back(std::move(b));
        }
    }
    return batches;
}

QByteArray releaseBody(const Batch &batch, const QByteArray &serviceCode, int index) {
    QByteArray body;
    body.reserve(qsizetype(batch.slots.size()) * 130 + 200);
    body += "{\"uuid\":\"" + uuidOf(1000000 + index) + "\",\"name\":\"Bench " +
            batch.centreUuid.left(8) + ' ' + serviceCode + ' ' + batch.month.toLatin1() +
            "\",\"opens_at\":\"now\",\"slots\":[";
    bool first = true;
    for (const PlannedSlot *s : batch.slots) {
        if (!first)
            body += ',';
        first = false;
        body +=
            "{\"centre\":\"" + batch.centreUuid + "\",\"service\":\"" + serviceCode +
            "\",\"start\":\"" +
            QDateTime::fromSecsSinceEpoch(s->startsAt, Qt::UTC).toString(Qt::ISODate).toLatin1() +
            "\",\"minutes\":" + QByteArray::number(s->minutes) +
            ",\"capacity\":" + QByteArray::number(s->capacity) + '}';
    }
    body += "]}";
    return body;
}

// Centres and forecasts the releases need (untimed): every vaccine gets the largest forecast
// for every ISO week of the plan, so no release is refused for lack of doses.
bool prepareService(BenchHttp &http, const SlotPlan &plan, const QList<Centre> &centres) {
    const BenchHttp::Answer login = http.request(
        "POST", "/api/v1/auth/login",
        QJsonDocument(QJsonObject{{QStringLiteral("login"), BenchService::adminLogin()},
                                  {QStringLiteral("password"), BenchService::adminPassword()}})
            .toJson(QJsonDocument::Compact));
    const QByteArray token = QJsonDocument::fromJson(login.body)
                                 .object()
                                 .value(QStringLiteral("token"))
                                 .toString()
                                 .toLatin1();
    if (login.status != 200 || token.isEmpty()) {
        QTextStream(stderr) << "login: " << login.status << ' ' << login.body << Qt::endl;
        return false;
    }
    http.setToken(token);
    for (Centre c : centres) {
        c.uuid = QString::fromLatin1(uuidOf(int(c.id)));
        c.id = 0;
        const BenchHttp::Answer put =
            http.request("PUT", "/api/v1/centres/" + c.uuid.toLatin1(),
                         QJsonDocument(wire::toJson(c)).toJson(QJsonDocument::Compact));
        if (put.status != 201) {
            QTextStream(stderr) << "centre: " << put.status << ' ' << put.body << Qt::endl;
            return false;
        }
    }
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    QSet<QString> weeks;
    for (QDate d = plan.first; d <= plan.last; d = d.addDays(1))
        weeks.insert(IsoWeek::ofTime(QDateTime(d, QTime(12, 0), berlin).toSecsSinceEpoch(), berlin)
                         .toString());
    for (const QString &service : plan.services) {
        for (const QString &week : std::as_const(weeks)) {
            const BenchHttp::Answer put = http.request(
                "PUT", "/api/v1/forecasts/" + service.toLatin1() + '/' + week.toLatin1(),
                "{\"doses\":10000000}");
            if (put.status != 200 && put.status != 201) {
                QTextStream(stderr) << "forecast: " << put.status << ' ' << put.body << Qt::endl;
                return false;
            }
        }
    }
    return true;
}

bool publish(const PublishOptions &options, const QString &directory, const SlotPlan &plan,
             const QList<Centre> &centres, PublishTiming *timing) {
    QDir(directory).removeRecursively();
    QDir().mkpath(directory);
    BenchService service(options.servicePath, directory);
    if (!service.start({QStringLiteral("--max-body-bytes"), QString::number(options.bodyLimit),
                        QStringLiteral("--body-timeout"), QStringLiteral("300")}))
        return false;
    BenchHttp http;
    if (!http.connect(service.port())) {
        QTextStream(stderr) << "cannot connect to port " << service.port() << Qt::endl;
        return false;
    }
    if (!prepareService(http, plan, centres))
        return false;
    const std::vector<Batch> batches = batchesOf(plan, options.maxSlots);
    QList<QByteArray> codes;
    for (const QString &s : plan.services)
        codes.append(s.toLatin1());

    const qint64 sentBefore = http.bytesSent();
    const qint64 receivedBefore = http.bytesReceived();
    const double serviceCpuBefore = service.cpuSeconds();
    QElapsedTimer total;
    total.start();
    qint64 encodeNs = 0;
    int index = 0;
    for (const Batch &batch : batches) {
        QElapsedTimer step;
        step.start();
        const QByteArray body = releaseBody(batch, codes.at(batch.service), index++);
        encodeNs += step.nsecsElapsed();
        step.restart();
        const BenchHttp::Answer answer = http.request("POST", "/api/v1/releases", body);
        timing->requestMs.push_back(double(step.nsecsElapsed()) / 1e6);
        if (answer.status != 201) {
            QTextStream(stderr) << "release " << index << ": " << answer.status << ' '
                                << answer.body.left(400) << Qt::endl;
            return false;
        }
    }
    timing->send.wall = double(total.nsecsElapsed() - encodeNs) / 1e9;
    timing->send.cpu = service.cpuSeconds() - serviceCpuBefore;
    timing->encodeSeconds = double(encodeNs) / 1e9;
    timing->bytesSent = http.bytesSent() - sentBefore;
    timing->bytesReceived = http.bytesReceived() - receivedBefore;
    timing->releases = qint64(batches.size());
    service.stop();

    // Every slot arrived: count the rows the service stored.
    sqlite3 *db = nullptr;
    qint64 rows = -1;
    if (sqlite3_open_v2(service.databasePath().toUtf8().constData(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        sqlite3_stmt *count = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM slots", -1, &count, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(count) == SQLITE_ROW)
            rows = sqlite3_column_int64(count, 0);
        sqlite3_finalize(count);
    }
    sqlite3_close(db);
    if (rows != qint64(plan.slots.size())) {
        QTextStream(stderr) << "the service stored " << rows << " of " << plan.slots.size()
                            << " slots" << Qt::endl;
        return false;
    }
    QDir(directory).removeRecursively();
    return true;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

int runPublish(const PublishOptions &options) {
    QTextStream out(stdout);
    if (!QDir().mkpath(options.directory)) {
        QTextStream(stderr) << "cannot create " << options.directory << Qt::endl;
        return 1;
    }
    QList<Centre> centres;
    const SlotPlan plan = benchPlan(options.plan, &centres);
    const double slots = double(plan.slots.size());
    const QString serviceDir = QDir(options.directory).filePath(QStringLiteral("publish-service"));
    const QString plainPath = QDir(options.directory).filePath(QStringLiteral("publish-plain.db"));
    out << "centres " << options.plan.centres << ", days " << options.plan.days << ", services "
        << options.plan.services << ": " << qint64(slots) << " slots; at most " << options.maxSlots
        << " per release, body limit " << options.bodyLimit << " bytes" << Qt::endl;
    for (int run = 0; run < options.runs; ++run) {
        const bool plainFirst = run % 2 == 1;
        PublishTiming published;
        Timing plain;
        if (plainFirst && !plainInsert(plainPath, plan, centres, &plain))
            return 1;
        if (!publish(options, serviceDir, plan, centres, &published))
            return 1;
        if (!plainFirst && !plainInsert(plainPath, plan, centres, &plain))
            return 1;
        removeDatabase(plainPath);
        const auto rate = [slots](double seconds) { return qint64(slots / seconds); };
        const double ratioWall = plain.wall / published.send.wall;
        const double ratioCpu = plain.cpu / published.send.cpu;
        out << "run " << run + 1 << (plainFirst ? " (plain first)" : " (publish first)") << ": "
            << published.releases << " releases, " << published.bytesSent << " bytes sent, "
            << published.bytesReceived << " received" << Qt::endl
            << "  publish  " << QString::number(published.send.wall, 'f', 2) << " s wall, "
            << rate(published.send.wall) << " slots/s; service CPU "
            << QString::number(published.send.cpu, 'f', 2) << " s, " << rate(published.send.cpu)
            << " slots/s" << Qt::endl
            << "  request  p50 " << QString::number(percentile(published.requestMs, 0.5), 'f', 1)
            << " ms, max " << QString::number(percentile(published.requestMs, 1.0), 'f', 1)
            << " ms; bodies encoded here in " << QString::number(published.encodeSeconds, 'f', 2)
            << " s (not in the publish time)" << Qt::endl
            << "  plain    " << QString::number(plain.wall, 'f', 2) << " s wall, "
            << rate(plain.wall) << " slots/s; CPU " << QString::number(plain.cpu, 'f', 2) << " s, "
            << rate(plain.cpu) << " slots/s" << Qt::endl
            << "  publish/plain " << QString::number(ratioWall, 'f', 2) << "x wall | "
            << QString::number(ratioCpu, 'f', 2) << "x CPU" << Qt::endl;
        out << "RESULT run=" << run + 1 << " slots=" << qint64(slots)
            << " releases=" << published.releases << " bytes=" << published.bytesSent
            << " publish_s=" << QString::number(published.send.wall, 'f', 2)
            << " publish_rate=" << rate(published.send.wall)
            << " service_cpu_s=" << QString::number(published.send.cpu, 'f', 2)
            << " service_cpu_rate=" << rate(published.send.cpu)
            << " plain_s=" << QString::number(plain.wall, 'f', 2)
            << " plain_rate=" << rate(plain.wall) << " plain_cpu_rate=" << rate(plain.cpu)
            << " ratio_wall=" << QString::number(ratioWall, 'f', 2)
            << " ratio_cpu=" << QString::number(ratioCpu, 'f', 2) << Qt::endl;
    }
    return 0;
}

} // namespace slotdesk::bench

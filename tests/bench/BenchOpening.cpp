#include "tests/bench/BenchOpening.h"

#include "tests/bench/BenchHttp.h"
#include "tests/bench/BenchService.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>
#include <QUuid>

#include <QStringBuilder>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace slotdesk::bench {

namespace {

constexpr qint64 never = std::numeric_limits<qint64>::max();

// Wall-clock nanoseconds: the service opens by the same system clock, so T is comparable.
qint64 realtimeNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// What all clients of one run saw, in ns since the epoch (never: did not happen).
struct RunRecord {
    qint64 firstPlaces = never;
    qint64 firstHold = never;
    std::vector<qint64> bookings; // every confirmed booking's answer
    qint64 polls = 0;
    qint64 early = 0; // answers with places received before T (must stay 0)
    qint64 holdRefused = 0;
    qint64 errors = 0;
};

// One citizen's browser: polls the day's availability on a keep-alive connection, then holds
// and confirms the first free slot it sees.
class Client {
public:
    Client(int index, int run, QByteArray pollRequest, RunRecord &record)
        : m_index(index)
        , m_run(run)
        , m_pollRequest(std::move(pollRequest))
        , m_record(record) {}
    ~Client() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool connect(quint16 port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return false;
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
        return true;
    }
    int fd() const { return m_fd; }
    bool done() const { return m_phase == Phase::Done; }
    // When this client wants to poll next (never while a request is out).
    qint64 pollAt() const { return m_phase == Phase::Waiting ? m_pollAt : never; }
    void schedule(qint64 at) {
        m_phase = Phase::Waiting;
        m_pollAt = at;
    }
    void poll() {
        m_phase = Phase::Polling;
        send(m_pollRequest);
    }
    void onReadable(qint64 opensAtNs, int pollMs) {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n > 0) {
                m_in.append(buffer, qsizetype(n));
                if (size_t(n) < sizeof buffer)
                    break;
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                ++m_record.errors;
                m_phase = Phase::Done;
                return;
            }
            break;
        }
        for (;;) {
            const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray head = m_in.left(headerEnd).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qsizetype length =
                cl >= 0 ? std::strtoll(head.constData() + cl + 15, nullptr, 10) : 0;
            if (m_in.size() < headerEnd + 4 + length)
                return;
            const int status = std::atoi(m_in.constData() + 9);
            const QByteArray body = m_in.mid(headerEnd + 4, length);
            m_in.remove(0, headerEnd + 4 + length);
            handle(status, body, realtimeNs(), opensAtNs, pollMs);
        }
    }

private:
    enum class Phase { Waiting, Polling, Holding, Confirming, Done };

    void send(const QByteArray &bytes) {
        qsizetype at = 0;
        while (at < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + at, size_t(bytes.size() - at));
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                continue; // a few hundred bytes: the socket buffer frees up at once
            if (n <= 0) {
                ++m_record.errors;
                m_phase = Phase::Done;
                return;
            }
            at += n;
        }
    }
    static QByteArray post(const QByteArray &path, const QByteArray &body) {
        return "POST " + path +
               " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    // The ids of the slots an availability answer shows with free places.
    static std::vector<qint64> freeSlots(const QByteArray &body) {
        std::vector<qint64> ids;
        qsizetype at = 0;
        while ((at = body.indexOf("{\"id\":", at)) >= 0) {
            const qint64 id = std::strtoll(body.constData() + at + 6, nullptr, 10);
            const qsizetype free = body.indexOf(",\"free\":", at);
            if (free < 0)
                break;
            if (std::strtoll(body.constData() + free + 8, nullptr, 10) > 0)
                ids.push_back(id);
            at = free;
        }
        return ids;
    }
    void handle(int status, const QByteArray &body, qint64 now, qint64 opensAtNs, int pollMs) {
        const qint64 pause = qint64(pollMs) * 1000000;
        switch (m_phase) {
        case Phase::Polling: {
            ++m_record.polls;
            const std::vector<qint64> ids = status == 200 ? freeSlots(body) : std::vector<qint64>{};
            if (status != 200)
                ++m_record.errors;
            if (ids.empty())
                return schedule(now + pause);
            if (now < opensAtNs)
                ++m_record.early;
            m_record.firstPlaces = std::min(m_record.firstPlaces, now);
            m_phase = Phase::Holding;
            return send(post(
                "/api/v1/holds",
                "{\"slot_id\":" + QByteArray::number(ids[size_t(m_index) % ids.size()]) + '}'));
        }
        case Phase::Holding:
            if (status == 201) {
                m_record.firstHold = std::min(m_record.firstHold, now);
                const qsizetype at = body.indexOf("\"hold_id\":\"");
                const QByteArray hold = body.mid(at + 11, body.indexOf('"', at + 11) - at - 11);
                const QByteArray who =
                    QByteArray::number(m_run) + 'x' + QByteArray::number(m_index);
                m_phase = Phase::Confirming;
                return send(post("/api/v1/bookings",
                                 "{\"hold_id\":\"" + hold +
                                     "\",\"family_name\":\"Opening\",\"given_name\":\"G" + who +
                                     "\",\"birth_date\":\"1980-01-01\",\"email\":\"o" + who +
                                     "@example.org\"}"));
            }
            ++m_record.holdRefused;
            if (status != 409)
                ++m_record.errors;
            return schedule(now); // the slot filled meanwhile: look again at once
        case Phase::Confirming:
            if (status == 201) {
                m_record.bookings.push_back(now);
                m_phase = Phase::Done;
                return;
            }
            ++m_record.errors;
            return schedule(now);
        case Phase::Waiting:
        case Phase::Done:
            ++m_record.errors; // an answer nobody asked for
            return;
        }
    }

    int m_index;
    int m_run;
    QByteArray m_pollRequest;
    RunRecord &m_record;
    int m_fd = -1;
    QByteArray m_in;
    Phase m_phase = Phase::Waiting;
    qint64 m_pollAt = never;
};

struct Setup {
    QByteArray centreUuid;
    qint64 centreId = 0;
};

bool prepare(BenchHttp &http, Setup *setup) {
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
    if (token.isEmpty()) {
        QTextStream(stderr) << "login: " << login.status << ' ' << login.body << Qt::endl;
        return false;
    }
    http.setToken(token);
    setup->centreUuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    const BenchHttp::Answer put = http.request(
        "PUT", "/api/v1/centres/" + setup->centreUuid,
        QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Öffnungszentrum")},
                                  {QStringLiteral("postcode"), QStringLiteral("10115")},
                                  {QStringLiteral("kind"), QStringLiteral("test")},
                                  {QStringLiteral("services"), QJsonArray{QStringLiteral("pcr")}},
                                  {QStringLiteral("lanes"), 4},
                                  {QStringLiteral("capacity_per_lane"), 2},
                                  {QStringLiteral("slot_minutes"), 15}})
            .toJson(QJsonDocument::Compact));
    if (put.status != 201) {
        QTextStream(stderr) << "centre: " << put.status << ' ' << put.body << Qt::endl;
        return false;
    }
    const QJsonArray centres = QJsonDocument::fromJson(http.request("GET", "/api/v1/centres").body)
                                   .object()
                                   .value(QStringLiteral("centres"))
                                   .toArray();
    for (const QJsonValue &c : centres)
        setup->centreId = c.toObject().value(QStringLiteral("id")).toInteger();
    return setup->centreId > 0;
}

// The run's release: `slots` pcr slots from 08:00 on `day`, opening at `opensAt`.
bool createRelease(BenchHttp &http, const Setup &setup, const OpeningOptions &options, QDate day,
                   qint64 opensAt) {
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    QJsonArray slots;
    for (int i = 0; i < options.slots; ++i)
        slots.append(QJsonObject{
            {QStringLiteral("centre"), QString::fromLatin1(setup.centreUuid)},
            {QStringLiteral("service"), QStringLiteral("pcr")},
            {QStringLiteral("start"),
             QDateTime(day, QTime(8, 0), berlin).addSecs(i * 900).toUTC().toString(Qt::ISODate)},
            {QStringLiteral("minutes"), 15},
            {QStringLiteral("capacity"), options.capacity}});
    const BenchHttp::Answer created = http.request(
        "POST", "/api/v1/releases",
        QJsonDocument(QJsonObject{{QStringLiteral("uuid"),
                                   QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                  {QStringLiteral("name"),
                                   QStringLiteral("Öffnung %1").arg(day.toString(Qt::ISODate))},
                                  {QStringLiteral("opens_at"), opensAt},
                                  {QStringLiteral("slots"), slots}})
            .toJson(QJsonDocument::Compact));
    if (created.status != 201) {
        QTextStream(stderr) << "release: " << created.status << ' ' << created.body << Qt::endl;
        return false;
    }
    return true;
}

bool runOnce(const OpeningOptions &options, quint16 port, const Setup &setup, BenchHttp &http,
             int run, RunRecord *record) {
    const QDate day = QDate::currentDate().addDays(2 + run);
    const qint64 opensAt = realtimeNs() / 1000000000 + options.leadSeconds;
    const qint64 opensAtNs = opensAt * 1000000000;
    if (!createRelease(http, setup, options, day, opensAt))
        return false;
    const QByteArray date = day.toString(Qt::ISODate).toLatin1();
    const QByteArray pollRequest = "GET /api/v1/centres/" + QByteArray::number(setup.centreId) +
                                   "/availability?service=pcr&from=" + date + "&to=" + date +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<std::unique_ptr<Client>> clients;
    const int epoll = ::epoll_create1(0);
    for (int i = 0; i < options.clients; ++i) {
        auto client = std::make_unique<Client>(i, run, pollRequest, *record);
        if (!client->connect(port)) {
            QTextStream(stderr) << "cannot connect to port " << port << Qt::endl;
            ::close(epoll);
            return false;
        }
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.ptr = client.get();
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, client->fd(), &event);
        // Spread over one pause, as browsers that loaded the page at different times do.
        const qint64 pause = std::max<qint64>(options.pollMs, 1) * 1000000;
        client->schedule(opensAtNs - 1000000000LL + pause * i / options.clients);
        clients.push_back(std::move(client));
    }
    const qint64 giveUp = opensAtNs + 10000000000LL;
    std::vector<epoll_event> ready(size_t(options.clients));
    for (;;) {
        qint64 now = realtimeNs();
        if (now > giveUp)
            break;
        qint64 next = never;
        bool allDone = true;
        for (const auto &c : clients) {
            if (c->done())
                continue;
            allDone = false;
            if (c->pollAt() <= now)
                c->poll();
            else
                next = std::min(next, c->pollAt());
        }
        if (allDone)
            break;
        // epoll waits in whole milliseconds, rounded up: a poll goes out at most a millisecond
        // after it is due, never before.
        const int timeout =
            next == never ? 100 : int(std::clamp<qint64>((next - now + 999999) / 1000000, 0, 100));
        const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), timeout);
        for (int i = 0; i < n; ++i) {
            auto *client = static_cast<Client *>(ready[size_t(i)].data.ptr);
            if (!client->done())
                client->onReadable(opensAtNs, options.pollMs);
        }
    }
    ::close(epoll);
    std::sort(record->bookings.begin(), record->bookings.end());
    // Keep the service's clock arithmetic honest: every delay is measured from T itself.
    for (qint64 &b : record->bookings)
        b -= opensAtNs;
    if (record->firstPlaces != never)
        record->firstPlaces -= opensAtNs;
    if (record->firstHold != never)
        record->firstHold -= opensAtNs;
    return true;
}

double ms(qint64 ns) {
    return ns == never ? -1 : double(ns) / 1e6;
}

QString msText(qint64 ns) {
    return ns == never ? QStringLiteral("none") : QString::number(double(ns) / 1e6, 'f', 1);
}

QString pct(std::vector<double> values) {
    if (values.empty())
        return QStringLiteral("-");
    std::sort(values.begin(), values.end());
    const auto at = [&values](double p) {
        return QString::number(
            values[std::min(values.size() - 1, size_t(p * double(values.size())))], 'f', 1);
    };
    return QStringLiteral("p50 %1, p90 %2, p99 %3, max %4 ms")
        .arg(at(0.5), at(0.9), at(0.99), QString::number(values.back(), 'f', 1));
}

} // namespace

int runOpening(const OpeningOptions &options) {
    QTextStream out(stdout);
    const QString directory = QDir(options.directory).filePath(QStringLiteral("opening-service"));
    QDir(directory).removeRecursively();
    if (!QDir().mkpath(directory)) {
        QTextStream(stderr) << "cannot create " << directory << Qt::endl;
        return 1;
    }
    BenchService service(options.servicePath, directory);
    if (!service.start({QStringLiteral("--holds-per-client"), QStringLiteral("0"),
                        QStringLiteral("--lookup-burst"), QStringLiteral("1000000")}))
        return 1;
    BenchHttp http;
    Setup setup;
    if (!http.connect(service.port()) || !prepare(http, &setup))
        return 1;
    out << options.clients << " clients polling every " << options.pollMs << " ms, "
        << options.slots << " slots x " << options.capacity << " places, opening "
        << options.leadSeconds << " s after the release is created" << Qt::endl;
    std::vector<double> firstBooking;
    std::vector<double> firstPlaces;
    std::vector<double> firstHold;
    std::vector<double> allBookings;
    bool ok = true;
    for (int run = 0; run < options.runs; ++run) {
        RunRecord record;
        if (!runOnce(options, service.port(), setup, http, run, &record))
            return 1;
        const qint64 first = record.bookings.empty() ? never : record.bookings.front();
        const qint64 median =
            record.bookings.empty() ? never : record.bookings[record.bookings.size() / 2];
        const qint64 last = record.bookings.empty() ? never : record.bookings.back();
        out << "run " << run + 1 << ": first places " << msText(record.firstPlaces)
            << " ms, first hold " << msText(record.firstHold) << " ms, first booking "
            << msText(first) << " ms, median client " << msText(median) << " ms, last "
            << msText(last) << " ms; " << record.bookings.size() << " booked, " << record.polls
            << " polls, " << record.holdRefused << " holds refused, " << record.early << " early, "
            << record.errors << " errors" << Qt::endl;
        out << "RESULT run=" << run + 1 << " first_places_ms=" << msText(record.firstPlaces)
            << " first_hold_ms=" << msText(record.firstHold)
            << " first_booking_ms=" << msText(first) << " median_booking_ms=" << msText(median)
            << " last_booking_ms=" << msText(last) << " booked=" << record.bookings.size()
            << " polls=" << record.polls << " early=" << record.early << " errors=" << record.errors
            << Qt::endl;
        if (first == never || record.early > 0 || record.errors > 0)
            ok = false;
        if (first != never)
            firstBooking.push_back(ms(first));
        if (record.firstPlaces != never)
            firstPlaces.push_back(ms(record.firstPlaces));
        if (record.firstHold != never)
            firstHold.push_back(ms(record.firstHold));
        for (const qint64 b : record.bookings)
            allBookings.push_back(ms(b));
    }
    out << "over " << options.runs << " runs, delay after the opening time T:" << Qt::endl
        << "  first answer with places: " << pct(firstPlaces) << Qt::endl
        << "  first accepted hold:      " << pct(firstHold) << Qt::endl
        << "  first confirmed booking:  " << pct(firstBooking) << Qt::endl
        << "  every client's booking:   " << pct(allBookings) << " (" << allBookings.size()
        << " bookings)" << Qt::endl;
    if (!ok)
        QTextStream(stderr) << "a run had no booking, errors or places before T" << Qt::endl;
    return ok ? 0 : 1;
}

} // namespace slotdesk::bench

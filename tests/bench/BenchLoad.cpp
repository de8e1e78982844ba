#include "tests/bench/BenchLoad.h"

#include "tests/support/RawHttp.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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

QElapsedTimer clockNs;

struct Stats {
    qint64 confirmed = 0;
    qint64 existing = 0;
    qint64 holdRefused = 0;
    qint64 confirmRefused = 0;
    qint64 errors = 0;
    std::vector<qint64> confirmNs;
    std::vector<qint64> bookingNs;
};

QByteArray fetch(quint16 port, const QByteArray &path) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(test::rawHttpRequest("GET", path, {}));
    QByteArray in;
    while (socket.waitForReadyRead(5000)) {
        in += socket.readAll();
        const qsizetype headerEnd = in.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            continue;
        const qsizetype cl = in.toLower().indexOf("content-length:");
        const qsizetype length =
            in.mid(cl + 15, in.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
        if (in.size() >= headerEnd + 4 + length)
            return in.mid(headerEnd + 4, length);
    }
    return {};
}

// One keep-alive connection looping hold → confirm, on a non-blocking socket driven by epoll.
class Connection {
public:
    Connection(int index, const std::vector<qint64> &slots, Stats &stats)
        : m_index(index)
        , m_slots(slots)
        , m_stats(stats) {
        m_slotCursor = size_t(index) % m_slots.size();
    }
    ~Connection() {
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
    bool done() const { return m_done; }
    void start(qint64 deadlineNs) {
        m_deadlineNs = deadlineNs;
        sendHold();
    }
    // Reads what arrived and answers every complete response.
    void onReadable() {
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n > 0) {
                m_in.append(buffer, qsizetype(n));
                // Level-triggered epoll reports what is left: no second read that only
                // says EAGAIN (one syscall per answer saved in the client that shares the
                // two cores with the service).
                if (size_t(n) < sizeof buffer)
                    break;
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                ++m_stats.errors;
                return finish();
            }
            break;
        }
        for (;;) {
            const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            const qsizetype cl = indexOfCaseless(m_in, headerEnd, "content-length:");
            if (cl >= 0)
                length = std::strtoll(m_in.constData() + cl + 15, nullptr, 10);
            if (m_in.size() < headerEnd + 4 + length)
                return;
            const int status = std::atoi(m_in.constData() + 9);
            const QByteArray body = m_in.mid(headerEnd + 4, length);
            m_in.remove(0, headerEnd + 4 + length);
            handle(status, body);
            if (m_done)
                return;
        }
    }

private:
    static qsizetype indexOfCaseless(const QByteArray &in, qsizetype end, const char *needle) {
        const qsizetype size = qsizetype(std::strlen(needle));
        for (qsizetype i = 0; i + size <= end; ++i) {
            if (qstrnicmp(in.constData() + i, needle, size) == 0)
                return i;
        }
        return -1;
    }
    void finish() { m_done = true; }
    void send(const QByteArray &bytes) {
        qsizetype at = 0;
        while (at < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + at, size_t(bytes.size() - at));
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    continue; // a few hundred bytes: the socket buffer frees up at once
                ++m_stats.errors;
                return finish();
            }
            at += n;
        }
    }
    void sendHold() {
        if (clockNs.nsecsElapsed() >= m_deadlineNs)
            return finish();
        m_holdAt = clockNs.nsecsElapsed();
        m_phase = Phase::Hold;
        send(test::rawHttpRequest("POST", "/api/v1/holds",
                                  "{\"slot_id\":" + QByteArray::number(m_slots[m_slotCursor]) +
                                      '}'));
    }
    void sendConfirm(const QByteArray &holdId) {
        ++m_sequence;
        m_confirmAt = clockNs.nsecsElapsed();
        m_phase = Phase::Confirm;
        const QByteArray who = QByteArray::number(m_index) + 'x' + QByteArray::number(m_sequence);
        send(test::rawHttpRequest(
            "POST", "/api/v1/bookings",
            "{\"hold_id\":\"" + holdId + "\",\"family_name\":\"Bench\",\"given_name\":\"G" + who +
                "\",\"birth_date\":\"1980-01-01\",\"email\":\"b" + who + "@example.org\"}"));
    }
    void handle(int status, const QByteArray &body) {
        const qint64 now = clockNs.nsecsElapsed();
        if (m_phase == Phase::Hold) {
            if (status == 201) {
                const qsizetype at = body.indexOf("\"hold_id\":\"");
                return sendConfirm(body.mid(at + 11, body.indexOf('"', at + 11) - at - 11));
            }
            ++m_stats.holdRefused;
            if (status != 409)
                ++m_stats.errors;
            // Slot full: move on to the next one (or stop, in the race).
            m_slotCursor = (m_slotCursor + 1) % m_slots.size();
            if (raceOnce())
                return finish();
            return sendHold();
        }
        if (status == 201) {
            ++m_stats.confirmed;
            m_stats.confirmNs.push_back(now - m_confirmAt);
            m_stats.bookingNs.push_back(now - m_holdAt);
        } else if (status == 409 && body.contains("\"already_booked\"")) {
            ++m_stats.existing;
        } else {
            ++m_stats.confirmRefused;
            if (status != 409)
                ++m_stats.errors;
        }
        if (raceOnce())
            return finish();
        sendHold();
    }
    bool raceOnce() const { return m_slots.size() == 1; }

    enum class Phase { Hold, Confirm };
    int m_index;
    const std::vector<qint64> &m_slots;
    Stats &m_stats;
    int m_fd = -1;
    QByteArray m_in;
    Phase m_phase = Phase::Hold;
    size_t m_slotCursor = 0;
    qint64 m_sequence = 0;
    qint64 m_holdAt = 0;
    qint64 m_confirmAt = 0;
    qint64 m_deadlineNs = 0;
    bool m_done = false;
};

double percentileMs(std::vector<qint64> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size())));
    return double(values[index]) / 1e6;
}

} // namespace

int runLoad(const LoadOptions &options) {
    clockNs.start();
    const bool race = options.mode == u"race";
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const QByteArray path =
        "/api/v1/centres/1/availability?service=" + QByteArray(race ? "rapid_antigen" : "pcr") +
        "&from=" + tomorrow.toString(Qt::ISODate).toLatin1() +
        "&to=" + tomorrow.addDays(29).toString(Qt::ISODate).toLatin1();
    const QJsonArray days = QJsonDocument::fromJson(fetch(options.port, path))
                                .object()
                                .value(QStringLiteral("days"))
                                .toArray();
    std::vector<qint64> slots;
    for (const QJsonValue &day : days) {
        const QJsonArray list = day.toObject().value(QStringLiteral("slots")).toArray();
        for (const QJsonValue &slot : list)
            slots.push_back(slot.toObject().value(QStringLiteral("id")).toInteger());
    }
    if (slots.empty()) {
        QTextStream(stderr) << "no slots found at " << path << Qt::endl;
        return 1;
    }

    Stats stats;
    stats.confirmNs.reserve(1 << 20);
    stats.bookingNs.reserve(1 << 20);
    std::vector<std::unique_ptr<Connection>> connections;
    const int epoll = ::epoll_create1(0);
    for (int i = 0; i < options.connections; ++i) {
        auto connection = std::make_unique<Connection>(i, slots, stats);
        if (!connection->connect(options.port)) {
            QTextStream(stderr) << "cannot connect to port " << options.port << Qt::endl;
            return 1;
        }
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.ptr = connection.get();
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, connection->fd(), &event);
        connections.push_back(std::move(connection));
    }
    // Every connection is up: start them all at once, so the race really is simultaneous.
    const qint64 startedNs = clockNs.nsecsElapsed();
    const qint64 deadlineNs =
        race ? std::numeric_limits<qint64>::max() : startedNs + qint64(options.seconds * 1e9);
    const qint64 giveUpNs = startedNs + qint64(options.seconds * 1e9) + qint64(30e9);
    for (const auto &c : connections)
        c->start(deadlineNs);
    int rc = 0;
    std::vector<epoll_event> ready(size_t(options.connections));
    for (;;) {
        const bool allDone = std::all_of(connections.begin(), connections.end(),
                                         [](const auto &c) { return c->done(); });
        if (allDone)
            break;
        if (clockNs.nsecsElapsed() > giveUpNs) {
            rc = 2;
            break;
        }
        const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), 100);
        for (int i = 0; i < n; ++i) {
            auto *connection = static_cast<Connection *>(ready[size_t(i)].data.ptr);
            if (!connection->done())
                connection->onReadable();
        }
    }
    ::close(epoll);
    const double elapsed = double(clockNs.nsecsElapsed() - startedNs) / 1e9;
    const double seconds = race ? elapsed : options.seconds;

    QTextStream out(stdout);
    out << "mode=" << options.mode << " connections=" << options.connections
        << " confirmed=" << stats.confirmed << " existing=" << stats.existing
        << " hold_refused=" << stats.holdRefused << " confirm_refused=" << stats.confirmRefused
        << " errors=" << stats.errors << Qt::endl;
    out << "RESULT mode=" << options.mode << " confirmed=" << stats.confirmed
        << " seconds=" << QString::number(seconds, 'f', 2)
        << " rate=" << QString::number(double(stats.confirmed) / seconds, 'f', 0)
        << " confirm_p50_ms=" << QString::number(percentileMs(stats.confirmNs, 0.50), 'f', 2)
        << " confirm_p99_ms=" << QString::number(percentileMs(stats.confirmNs, 0.99), 'f', 2)
        << " booking_p99_ms=" << QString::number(percentileMs(stats.bookingNs, 0.99), 'f', 2)
        << " hold_refused=" << stats.holdRefused << " confirm_refused=" << stats.confirmRefused
        << " existing=" << stats.existing << " errors=" << stats.errors << Qt::endl;
    // A booking run that mostly collects refusals measures 409s, not bookings: say so loudly.
    const qint64 refused = stats.holdRefused + stats.confirmRefused + stats.existing;
    if (!race && rc == 0 && refused * 100 > stats.confirmed + refused) {
        QTextStream(stderr) << "more than 1 % of the attempts were refused (" << refused
                            << "): the database ran out of free places" << Qt::endl;
        rc = 3;
    }
    return rc;
}

} // namespace slotdesk::bench

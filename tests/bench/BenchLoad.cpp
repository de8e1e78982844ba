#include "tests/bench/BenchLoad.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

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

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body) {
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty())
        r +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    return r + "\r\n" + body;
}

QByteArray fetch(quint16 port, const QByteArray &path) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request("GET", path, {}));
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

class Connection : public QObject {
public:
    Connection(int index, quint16 port, const std::vector<qint64> &slots, Stats &stats,
               std::function<bool()> keepGoing, std::function<void()> onIdle)
        : m_index(index)
        , m_slots(slots)
        , m_stats(stats)
        , m_keepGoing(std::move(keepGoing))
        , m_onIdle(std::move(onIdle)) {
        m_slotCursor = size_t(index) % m_slots.size();
        QObject::connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
            ++m_stats.errors;
            finish();
        });
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void start() { sendHold(); }

private:
    void finish() {
        if (m_done)
            return;
        m_done = true;
        m_onIdle();
    }
    void sendHold() {
        if (!m_keepGoing())
            return finish();
        m_holdAt = clockNs.nsecsElapsed();
        m_phase = Phase::Hold;
        m_socket.write(request("POST", "/api/v1/holds",
                               "{\"slot_id\":" + QByteArray::number(m_slots[m_slotCursor]) + '}'));
    }
    void sendConfirm(const QByteArray &holdId) {
        ++m_sequence;
        m_confirmAt = clockNs.nsecsElapsed();
        m_phase = Phase::Confirm;
        const QByteArray who = QByteArray::number(m_index) + 'x' + QByteArray::number(m_sequence);
        m_socket.write(request(
            "POST", "/api/v1/bookings",
            "{\"hold_id\":\"" + holdId + "\",\"family_name\":\"Bench\",\"given_name\":\"G" + who +
                "\",\"birth_date\":\"1980-01-01\",\"email\":\"b" + who + "@example.org\"}"));
    }
    void onReadyRead() {
        m_in += m_socket.readAll();
        for (;;) {
            const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray head = m_in.left(headerEnd).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qsizetype length =
                cl < 0 ? 0
                       : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (m_in.size() < headerEnd + 4 + length)
                return;
            const int status = m_in.mid(9, 3).toInt();
            const QByteArray body = m_in.mid(headerEnd + 4, length);
            m_in.remove(0, headerEnd + 4 + length);
            handle(status, body);
        }
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
            if (m_raceOnce())
                return finish();
            return sendHold();
        }
        if (status == 201) {
            ++m_stats.confirmed;
            m_stats.confirmNs.push_back(now - m_confirmAt);
            m_stats.bookingNs.push_back(now - m_holdAt);
        } else if (status == 200) {
            ++m_stats.existing;
        } else {
            ++m_stats.confirmRefused;
            if (status != 409)
                ++m_stats.errors;
        }
        if (m_raceOnce())
            return finish();
        sendHold();
    }
    bool m_raceOnce() const { return m_slots.size() == 1; }

    enum class Phase { Hold, Confirm };
    int m_index;
    const std::vector<qint64> &m_slots;
    Stats &m_stats;
    std::function<bool()> m_keepGoing;
    std::function<void()> m_onIdle;
    QTcpSocket m_socket;
    QByteArray m_in;
    Phase m_phase = Phase::Hold;
    size_t m_slotCursor = 0;
    qint64 m_sequence = 0;
    qint64 m_holdAt = 0;
    qint64 m_confirmAt = 0;
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
    qint64 startedNs = 0;
    qint64 deadlineNs = std::numeric_limits<qint64>::max();
    int idle = 0;
    std::vector<std::unique_ptr<Connection>> connections;
    for (int i = 0; i < options.connections; ++i) {
        connections.push_back(std::make_unique<Connection>(
            i, options.port, slots, stats, [&] { return clockNs.nsecsElapsed() < deadlineNs; },
            [&] {
                if (++idle == options.connections)
                    QCoreApplication::quit();
            }));
    }
    // Start only when every connection is up, so the race really is simultaneous.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!std::all_of(connections.begin(), connections.end(),
                         [](const auto &c) { return c->connected(); }))
            return;
        poll.stop();
        startedNs = clockNs.nsecsElapsed();
        if (!race)
            deadlineNs = startedNs + qint64(options.seconds * 1e9);
        for (const auto &c : connections)
            c->start();
    });
    poll.start(10);
    QTimer::singleShot(int(options.seconds * 1000) + 30000, [] { QCoreApplication::exit(2); });
    const int rc = QCoreApplication::exec();
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
        << " errors=" << stats.errors << Qt::endl;
    return rc == 0 ? 0 : rc;
}

} // namespace slotdesk::bench

// Live-stream benchmark: N consoles on /api/v1/stream of a real slotdesk-service process while
// citizens book over HTTP. Reports events/s committed, deliveries/s (events x consoles) and
// the replay rate of consoles that connect late, and checks every console saw every event
// once, in order. Run by scripts/bench.sh; prints one human-readable block.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace {

QTextStream out(stdout);

// Written by the consoles' thread, read by the main thread.
struct Console {
    std::unique_ptr<QWebSocket> socket;
    std::atomic<qint64> last{0};
    std::atomic<bool> ordered{true};
    std::atomic<bool> live{false};
};

// The consoles run in their own thread, so that reading 50 streams does not slow down the
// booking load generator in the main thread (both are clients of the same service).
class ConsoleGroup : public QObject {
public:
    std::vector<std::unique_ptr<Console>> consoles;

    void open(int count, qint64 after, const QString &urlWithoutAfter) {
        for (int i = 0; i < count; ++i) {
            auto console = std::make_unique<Console>();
            Console *c = console.get();
            c->last = after;
            c->socket = std::make_unique<QWebSocket>();
            QObject::connect(c->socket.get(), &QWebSocket::textMessageReceived, c->socket.get(),
                             [c](const QString &text) {
                                 const QJsonObject json =
                                     QJsonDocument::fromJson(text.toUtf8()).object();
                                 if (json.contains(QStringLiteral("control"))) {
                                     c->live = true;
                                     return;
                                 }
                                 const qint64 seq = json.value(QStringLiteral("seq")).toInteger();
                                 if (seq != c->last + 1)
                                     c->ordered = false;
                                 c->last = seq;
                             });
            c->socket->open(QUrl(urlWithoutAfter + QString::number(after)));
            consoles.push_back(std::move(console));
        }
    }

    void close() {
        for (const auto &c : consoles)
            c->socket->close();
        QElapsedTimer timer;
        timer.start();
        const auto allClosed = [this] {
            for (const auto &c : consoles) {
                if (c->socket->state() != QAbstractSocket::UnconnectedState)
                    return false;
            }
            return true;
        };
        while (!allClosed() && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        consoles.clear();
    }
};

class Bench : public QObject {
public:
    Bench(QString servicePath, int consoles, int bookings, int parallel)
        : m_servicePath(std::move(servicePath))
        , m_consoleCount(consoles)
        , m_bookings(bookings)
        , m_parallel(parallel) {}

    ~Bench() override {
        m_consoleThread.quit();
        m_consoleThread.wait();
    }

    int run() {
        m_group = std::make_unique<ConsoleGroup>();
        m_group->moveToThread(&m_consoleThread);
        m_consoleThread.start();
        if (!startService())
            return 1;
        m_token = login();
        if (m_token.isEmpty() || !seed())
            return fail(QStringLiteral("login or seeding failed"));
        const qint64 baseSeq = headSeq();

        // Phase 1: live tail. All consoles connected and caught up, then the bookings.
        openConsoles(m_consoleCount, baseSeq);
        if (!waitFor([this] { return allLive(); }, 30000))
            return fail(QStringLiteral("consoles did not connect"));
        QElapsedTimer timer;
        timer.start();
        m_done = 0;
        // QNetworkAccessManager opens at most 6 connections per host: one manager per 6 chains.
        for (int i = 0; i < (m_parallel + 5) / 6; ++i)
            m_loaders.push_back(std::make_unique<QNetworkAccessManager>());
        for (int i = 0; i < m_parallel; ++i)
            bookNext(*m_loaders.at(size_t(i / 6)));
        const qint64 expectedLast = baseSeq + m_bookings;
        if (!waitFor([&] { return m_done >= m_bookings && allAt(expectedLast); }, 600000))
            return fail(QStringLiteral("not every console received every event"));
        const double liveSeconds = double(timer.nsecsElapsed()) / 1e9;
        const bool liveOrdered = allOrdered();
        const qint64 deliveries = qint64(m_bookings) * m_consoleCount;

        // Phase 2: the same consoles reconnect from the start and replay everything.
        closeConsoles();
        timer.restart();
        openConsoles(m_consoleCount, 0);
        if (!waitFor([&] { return allAt(expectedLast) && allLive(); }, 600000))
            return fail(QStringLiteral("replay incomplete"));
        const double replaySeconds = double(timer.nsecsElapsed()) / 1e9;
        const bool replayOrdered = allOrdered();

        out << "stream: " << m_consoleCount << " consoles, " << m_bookings
            << " bookings over HTTP (" << m_parallel << " parallel clients)\n";
        out << QStringLiteral("  live:   %1 events/s committed and streamed, %2 deliveries/s "
                              "(every console got every event: %3, in order: %4)\n")
                   .arg(m_bookings / liveSeconds, 0, 'f', 0)
                   .arg(deliveries / liveSeconds, 0, 'f', 0)
                   .arg(QStringLiteral("yes"),
                        liveOrdered ? QStringLiteral("yes") : QStringLiteral("NO"));
        out << QStringLiteral("  replay: %1 events x %2 consoles in %3 s = %4 deliveries/s "
                              "(in order: %5)\n")
                   .arg(expectedLast)
                   .arg(m_consoleCount)
                   .arg(replaySeconds, 0, 'f', 2)
                   .arg(double(expectedLast) * m_consoleCount / replaySeconds, 0, 'f', 0)
                   .arg(replayOrdered ? QStringLiteral("yes") : QStringLiteral("NO"));
        out.flush();
        closeConsoles();
        stopService();
        return liveOrdered && replayOrdered ? 0 : 1;
    }

private:
    int fail(const QString &why) {
        out << "stream bench FAILED: " << why << '\n';
        out.flush();
        stopService();
        return 1;
    }

    bool waitFor(const std::function<bool()> &done, int timeoutMs) {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        return true;
    }

    bool startService() {
        const QString db = m_dir.filePath(QStringLiteral("bench.db"));
        const QStringList common{
            QStringLiteral("--database"),      db,
            QStringLiteral("--key-file"),      m_dir.filePath(QStringLiteral("bench.key")),
            QStringLiteral("--password-hash"), QStringLiteral("minimal")};
        QProcess admin;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLOTDESK_ADMIN_PASSWORD"), m_password);
        admin.setProcessEnvironment(env);
        admin.start(m_servicePath,
                    QStringList{QStringLiteral("--create-admin"), QStringLiteral("bench")} +
                        common);
        if (!admin.waitForFinished(60000) || admin.exitCode() != 0) {
            out << "cannot create the admin: " << admin.readAllStandardError() << '\n';
            return false;
        }
        m_service.start(m_servicePath,
                        QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--lookup-burst"), QStringLiteral("1000000")} +
                            common);
        if (!m_service.waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        QByteArray line;
        while (timer.elapsed() < 20000 && !line.contains('\n')) {
            m_service.waitForReadyRead(200);
            line += m_service.readAllStandardOutput();
        }
        const int colon = line.lastIndexOf(':');
        m_port = line.mid(colon + 1).trimmed().toInt();
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        return m_port > 0;
    }

    void stopService() {
        if (m_service.state() != QProcess::NotRunning) {
            m_service.terminate();
            if (!m_service.waitForFinished(10000))
                m_service.kill();
        }
    }

    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body,
                     int *status = nullptr) {
        QNetworkRequest request{QUrl(m_base + path)};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply = m_http.sendCustomRequest(
            request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        waitFor([reply] { return reply->isFinished(); }, 60000);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    QString login() {
        return call("POST", QStringLiteral("/api/v1/auth/login"),
                    {{QStringLiteral("login"), QStringLiteral("bench")},
                     {QStringLiteral("password"), m_password}})
            .value(QStringLiteral("token"))
            .toString();
    }

    bool seed() {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        int status = 0;
        call("PUT", QStringLiteral("/api/v1/centres/") + uuid,
             {{QStringLiteral("name"), QStringLiteral("Benchzentrum")},
              {QStringLiteral("postcode"), QStringLiteral("10115")},
              {QStringLiteral("kind"), QStringLiteral("test")},
              {QStringLiteral("services"), QJsonArray{QStringLiteral("pcr")}},
              {QStringLiteral("lanes"), 10},
              {QStringLiteral("capacity_per_lane"), 100},
              {QStringLiteral("slot_minutes"), 15}},
             &status);
        if (status != 201)
            return false;
        QJsonArray slots;
        const QDateTime first = QDateTime(QDate::currentDate().addDays(2), QTime(8, 0),
                                          QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        const int slotCount = (m_bookings + 999) / 1000 + 1;
        for (int i = 0; i < slotCount; ++i)
            slots.append(QJsonObject{{QStringLiteral("centre"), uuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"),
                                      first.addSecs(qint64(i) * 900).toUTC().toString(Qt::ISODate)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), 1000}});
        const QJsonObject created = call("POST", QStringLiteral("/api/v1/slots"),
                                         {{QStringLiteral("slots"), slots}}, &status);
        if (status != 201)
            return false;
        for (const QJsonValue &id : created.value(QStringLiteral("ids")).toArray())
            m_slotIds.append(id.toInteger());
        return true;
    }

    qint64 headSeq() {
        // The stream tells its head in the "live" control frame of a console starting at 0.
        QWebSocket probe;
        qint64 head = -1;
        QObject::connect(
            &probe, &QWebSocket::textMessageReceived, &probe, [&head](const QString &text) {
                const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
                if (json.contains(QStringLiteral("control")))
                    head = json.value(QStringLiteral("last_seq")).toInteger();
            });
        probe.open(streamUrl(0));
        waitFor([&head] { return head >= 0; }, 30000);
        probe.close();
        return head;
    }

    QUrl streamUrl(qint64 after) const {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/stream?after=%2&token=%3")
                        .arg(m_port)
                        .arg(after)
                        .arg(m_token));
    }

    void openConsoles(int count, qint64 after) {
        const QString url = QStringLiteral("ws://127.0.0.1:%1/api/v1/stream?token=%2&after=")
                                .arg(m_port)
                                .arg(m_token);
        QMetaObject::invokeMethod(
            m_group.get(), [this, count, after, url] { m_group->open(count, after, url); },
            Qt::BlockingQueuedConnection);
    }

    void closeConsoles() {
        QMetaObject::invokeMethod(
            m_group.get(), [this] { m_group->close(); }, Qt::BlockingQueuedConnection);
    }

    bool allLive() const {
        for (const auto &c : m_group->consoles) {
            if (!c->live)
                return false;
        }
        return true;
    }
    bool allAt(qint64 seq) const {
        for (const auto &c : m_group->consoles) {
            if (c->last < seq)
                return false;
        }
        return true;
    }
    bool allOrdered() const {
        for (const auto &c : m_group->consoles) {
            if (!c->ordered)
                return false;
        }
        return true;
    }

    // One chain of hold + confirm; m_parallel chains run at once.
    void bookNext(QNetworkAccessManager &manager) {
        if (m_started >= m_bookings)
            return;
        const int n = m_started++;
        const qint64 slot = m_slotIds.at(n / 1000);
        post(
            manager, QStringLiteral("/api/v1/holds"),
            {{QStringLiteral("slot_id"), slot}, {QStringLiteral("service"), QStringLiteral("pcr")}},
            [this, n, &manager](const QJsonObject &hold) {
                post(manager, QStringLiteral("/api/v1/bookings"),
                     {{QStringLiteral("hold_id"), hold.value(QStringLiteral("hold_id"))},
                      {QStringLiteral("family_name"), QStringLiteral("Bench%1").arg(n)},
                      {QStringLiteral("given_name"), QStringLiteral("Stream")},
                      {QStringLiteral("birth_date"), QStringLiteral("1980-01-01")},
                      {QStringLiteral("email"), QStringLiteral("b%1@example.org").arg(n)}},
                     [this, &manager](const QJsonObject &) {
                         ++m_done;
                         bookNext(manager);
                     });
            });
    }

    void post(QNetworkAccessManager &manager, const QString &path, const QJsonObject &body,
              std::function<void(const QJsonObject &)> next) {
        QNetworkRequest request{QUrl(m_base + path)};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkReply *reply =
            manager.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, next = std::move(next)] {
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            next(json);
        });
    }

    QString m_servicePath;
    int m_consoleCount;
    int m_bookings;
    int m_parallel;
    QTemporaryDir m_dir;
    QProcess m_service;
    int m_port = 0;
    QString m_base;
    QString m_token;
    const QString m_password = QStringLiteral("bench password 1");
    QNetworkAccessManager m_http;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_loaders;
    QList<qint64> m_slotIds;
    QThread m_consoleThread;
    std::unique_ptr<ConsoleGroup> m_group;
    int m_started = 0;
    int m_done = 0;
};

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Slotdesk live-stream benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("service"), QStringLiteral("Path of slotdesk-service."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("consoles"), QStringLiteral("Connected consoles (50)."),
                      QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("bookings"), QStringLiteral("Bookings to make (5000)."),
                      QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("parallel"),
                      QStringLiteral("Concurrent booking clients (24)."), QStringLiteral("n"),
                      QStringLiteral("24")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("service"))) {
        QTextStream(stderr) << "--service <path of slotdesk-service> is required\n";
        return 2;
    }
    Bench bench(parser.value(QStringLiteral("service")),
                parser.value(QStringLiteral("consoles")).toInt(),
                parser.value(QStringLiteral("bookings")).toInt(),
                parser.value(QStringLiteral("parallel")).toInt());
    return bench.run();
}

#include "tests/integration/RawClient.h"
#include "tests/support/RawHttp.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

#include <unistd.h>

using namespace slotdesk::test;

// The real slotdesk-service binary under a low file descriptor limit (set for the child only,
// so this process keeps its own), flooded with half-open connections: each sends half a
// request head and then nothing.
class TestDescriptorLimit : public QObject {
    Q_OBJECT

    TempDir m_dir;

    // Starts the service under `ulimit -n limit`; returns its port, 0 on failure.
    quint16 startService(QProcess &process, int limit, const QStringList &options) {
        process.setProgram(QStringLiteral("/bin/sh"));
        QStringList arguments{QStringLiteral("-c"),
                              QStringLiteral("ulimit -n %1 && exec \"$0\" \"$@\"").arg(limit),
                              QStringLiteral(SLOTDESK_SERVICE_BINARY),
                              QStringLiteral("--port"),
                              QStringLiteral("0"),
                              QStringLiteral("--database"),
                              m_dir.file(QStringLiteral("limit.db")),
                              QStringLiteral("--key-file"),
                              m_dir.file(QStringLiteral("limit.key"))};
        process.setArguments(arguments + options);
        return startServiceProcess(process);
    }

    static std::vector<std::unique_ptr<RawClient>> halfOpen(quint16 port, int count) {
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<RawClient>(port));
            RawClient *client = clients.back().get();
            QObject::connect(&client->socket, &QTcpSocket::connected, [client] {
                client->send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            });
        }
        return clients;
    }

    // The status of GET /api/v1/health on a new connection, 0 when none came within `ms`.
    static int health(quint16 port, int ms) {
        RawClient client(port);
        QObject::connect(&client.socket, &QTcpSocket::connected,
                         [&client] { client.send(rawHttpRequest("GET", "/api/v1/health")); });
        if (!QTest::qWaitFor([&] { return !client.answers.isEmpty() || client.closed; }, ms))
            return 0;
        return client.answers.isEmpty() ? 0 : client.answers[0].status;
    }

    // User plus system CPU time of a process, from /proc/<pid>/stat.
    static double cpuSeconds(qint64 pid) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        // Fields 14 and 15 of stat(5); the split starts at field 3.
        return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
               double(::sysconf(_SC_CLK_TCK));
    }

private Q_SLOTS:
    void acceptingResumesAfterRunningOutOfDescriptors() {
        QProcess service;
        service.setProcessChannelMode(QProcess::SeparateChannels);
        const quint16 port =
            startService(service, 128,
                         {QStringLiteral("--max-connections"), QStringLiteral("1000"),
                          QStringLiteral("--head-timeout"), QStringLiteral("2")});
        QVERIFY(port != 0);
        QCOMPARE(health(port, 5000), 200);

        // More half-open connections than descriptors: accept() would fail with EMFILE.
        auto clients = halfOpen(port, 200);
        QByteArray log;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         log += service.readAllStandardError();
                         return log.contains("Out of file descriptors");
                     },
                     20000),
                 log.constData());
        // Waiting for a descriptor does not spin on accept().
        const double cpu = cpuSeconds(service.processId());
        QTest::qWait(1000);
        QVERIFY2(cpuSeconds(service.processId()) - cpu < 0.3,
                 qPrintable(QString::number(cpuSeconds(service.processId()) - cpu)));

        // The timed-out heads free descriptors, accepting resumes and health is answered while
        // later half-open connections are open.
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(health(port, 8000), 200);
        QVERIFY(elapsed.elapsed() < 6000);
        int open = 0;
        for (const auto &client : clients)
            open += client->connected() && !client->closed ? 1 : 0;
        QVERIFY2(open >= 50, qPrintable(QString::number(open)));

        service.terminate();
        QVERIFY(service.waitForFinished(10000));
    }

    void connectionsOverTheCapAreRefusedNotStalled() {
        QProcess service;
        service.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const quint16 port =
            startService(service, 128, {QStringLiteral("--max-connections"), QStringLiteral("64")});
        QVERIFY(port != 0);
        auto clients = halfOpen(port, 150);
        QVERIFY(QTest::qWaitFor(
            [&] {
                int refused = 0;
                for (const auto &client : clients)
                    refused += client->answers.isEmpty() ? 0 : 1;
                return refused >= 80;
            },
            20000));
        for (const auto &client : clients) {
            if (!client->answers.isEmpty())
                QCOMPARE(client->answers[0].status, 503);
        }
        // The cap is full of half-open connections: a new one is told so at once.
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(health(port, 5000), 503);
        QVERIFY(elapsed.elapsed() < 2000);
        // Once the half-open ones are gone, it is served again.
        clients.clear();
        QVERIFY(QTest::qWaitFor([&] { return health(port, 1000) == 200; }, 10000));
        service.terminate();
        QVERIFY(service.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestDescriptorLimit)
#include "TestDescriptorLimit.moc"

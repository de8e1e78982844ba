#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace slotdesk::bench {

// A real slotdesk-service process for a benchmark: an admin account "bench" created first
// (cheapest password hash), then started on a free loopback port with its database in
// `directory`. Its stdout and stderr go to files there, so a chatty service never blocks on a
// full pipe that nobody reads. Stopped by the destructor.
class BenchService {
public:
    BenchService(QString program, QString directory);
    ~BenchService();
    BenchService(const BenchService &) = delete;
    BenchService &operator=(const BenchService &) = delete;

    // Starts with `extra` flags after the common ones. False with a message on stderr.
    bool start(const QStringList &extra);
    void stop();
    quint16 port() const { return m_port; }
    QString databasePath() const;
    static QString adminLogin() { return QStringLiteral("bench"); }
    static QString adminPassword() { return QStringLiteral("bench password 1"); }
    // User + system CPU seconds of every thread of the service so far (/proc/PID/stat).
    double cpuSeconds() const;

private:
    QString file(const QString &name) const;

    QString m_program;
    QString m_directory;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace slotdesk::bench

#include "tests/bench/BenchService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace slotdesk::bench {

BenchService::BenchService(QString program, QString directory)
    : m_program(std::move(program))
    , m_directory(std::move(directory)) {}

BenchService::~BenchService() {
    stop();
}

QString BenchService::file(const QString &name) const {
    return QDir(m_directory).filePath(name);
}

QString BenchService::databasePath() const {
    return file(QStringLiteral("service.db"));
}

bool BenchService::start(const QStringList &extra) {
    const QStringList common{QStringLiteral("--database"),      databasePath(),
                             QStringLiteral("--key-file"),      file(QStringLiteral("service.key")),
                             QStringLiteral("--password-hash"), QStringLiteral("minimal")};
    QProcess admin;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SLOTDESK_ADMIN_PASSWORD"), adminPassword());
    admin.setProcessEnvironment(env);
    admin.start(m_program, QStringList{QStringLiteral("--create-admin"), adminLogin()} + common);
    if (!admin.waitForFinished(60000) || admin.exitCode() != 0) {
        QTextStream(stderr) << "cannot create the admin: " << admin.readAllStandardError()
                            << Qt::endl;
        return false;
    }
    const QString out = file(QStringLiteral("service.out"));
    QFile::remove(out);
    m_process.setStandardOutputFile(out);
    m_process.setStandardErrorFile(file(QStringLiteral("service.err")));
    m_process.start(m_program,
                    QStringList{QStringLiteral("--port"), QStringLiteral("0")} + common + extra);
    if (!m_process.waitForStarted(10000)) {
        QTextStream(stderr) << "cannot start " << m_program << Qt::endl;
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on .*:(\\d+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && m_process.state() == QProcess::Running) {
        QFile log(out);
        if (log.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(log.readAll()));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        QThread::msleep(20);
    }
    QTextStream(stderr) << "the service did not start; see " << file(QStringLiteral("service.err"))
                        << Qt::endl;
    return false;
}

void BenchService::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

double BenchService::cpuSeconds() const {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_process.processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command (which may hold spaces) start behind the last ')'; utime and
    // stime are fields 14 and 15 of the whole line.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace slotdesk::bench

#include "net/LocalService.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>

#include <array>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace slotdesk {

namespace {

constexpr int kStopWaitMs = 5000;
constexpr int kListenWaitMs = 30000;
constexpr int kPasswordWords = 6; // 192 random bits
const QString kProgramName = QStringLiteral("slotdesk-service");

QString randomPassword() {
    std::array<quint32, kPasswordWords> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()),
                           qsizetype(words.size() * sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString lastLines(const QByteArray &output) {
    return QString::fromLocal8Bit(output).trimmed().section(u'\n', -3);
}

} // namespace

LocalService::LocalService(QString dataDirectory, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory)) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalService::readListeningLine);
    connect(&m_process, &QProcess::finished, this, [this] {
        const QString stderrText = lastLines(m_process.readAllStandardError());
        if (m_promise) {
            fail(tr("The local service ended before it was ready: %1").arg(stderrText));
            return;
        }
        if (!m_stopping)
            Q_EMIT stoppedUnexpectedly(tr("The local service has stopped: %1").arg(stderrText));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_promise)
            fail(tr("The local service could not be started: %1").arg(m_process.errorString()));
    });
}

LocalService::~LocalService() {
    stop();
}

QString LocalService::findProgram() {
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(kProgramName);
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(kProgramName);
}

QString LocalService::databasePath() const {
    return QDir(m_dataDirectory).filePath(QStringLiteral("slotdesk-service.db"));
}

QString LocalService::keyFile() const {
    return QDir(m_dataDirectory).filePath(QStringLiteral("slotdesk-service.key"));
}

QString LocalService::passwordFile() const {
    return QDir(m_dataDirectory).filePath(QStringLiteral("local-service-admin-password"));
}

QStringList LocalService::storageArguments() const {
    return {QStringLiteral("--database"), databasePath(), QStringLiteral("--key-file"), keyFile()};
}

QFuture<LocalService::Started> LocalService::start() {
    auto promise = std::make_shared<QPromise<Started>>();
    promise->start();
    QFuture<Started> future = promise->future();
    if (m_promise || isRunning()) {
        Started started;
        started.error = tr("The local service is already running.");
        promise->addResult(started);
        promise->finish();
        return future;
    }
    m_promise = promise;
    if (m_program.isEmpty())
        m_program = findProgram();
    if (m_program.isEmpty()) {
        fail(tr("The program %1 was not found next to the console nor on the PATH. Install "
                "it, or build it with the console.")
                 .arg(kProgramName));
        return future;
    }
    if (!QDir().mkpath(m_dataDirectory)) {
        fail(tr("The data directory %1 cannot be created.")
                 .arg(QDir::toNativeSeparators(m_dataDirectory)));
        return future;
    }
    QFile file(passwordFile());
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            fail(tr("The local admin password in %1 cannot be read: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
            return future;
        }
        m_password = QString::fromUtf8(file.readAll()).trimmed();
        launch();
    } else {
        createAdmin();
    }
    return future;
}

void LocalService::createAdmin() {
    m_password = randomPassword();
    // Written before the account exists, so the password is never known only to a process
    // that has ended; removed again when the account could not be created.
    QFile file(passwordFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(m_password.toUtf8() + '\n') < 0 || !file.flush()) {
        fail(tr("The local admin password cannot be stored in %1: %2")
                 .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        return;
    }
    file.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SLOTDESK_ADMIN_PASSWORD"), m_password);
    m_setup.setProcessEnvironment(environment);
    m_setup.setProgram(m_program);
    m_setup.setArguments(QStringList{QStringLiteral("--create-admin"), adminLogin()} +
                         storageArguments());
    connect(
        &m_setup, &QProcess::finished, this,
        [this](int code, QProcess::ExitStatus status) {
            if (status == QProcess::NormalExit && code == 0) {
                launch();
                return;
            }
            QFile::remove(passwordFile());
            fail(tr("The admin account of the local service could not be created: %1")
                     .arg(lastLines(m_setup.readAllStandardError())));
        },
        Qt::SingleShotConnection);
    connect(
        &m_setup, &QProcess::errorOccurred, this,
        [this](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            QFile::remove(passwordFile());
            fail(tr("The local service could not be started: %1").arg(m_setup.errorString()));
        },
        Qt::SingleShotConnection);
    m_setup.start();
}

void LocalService::launch() {
    m_output.clear();
    m_stopping = false;
    m_process.setProgram(m_program);
#ifdef Q_OS_LINUX
    // A console that is killed runs no destructor; the kernel then ends the child for it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                       QStringLiteral("--port"), QStringLiteral("0")} +
                           storageArguments());
    m_process.start();
    QTimer::singleShot(kListenWaitMs, this, [this, promise = m_promise] {
        if (m_promise && m_promise == promise) {
            stop();
            fail(
                tr("The local service did not start within %1 seconds.").arg(kListenWaitMs / 1000));
        }
    });
}

void LocalService::readListeningLine() {
    if (!m_promise) {
        m_process.readAllStandardOutput(); // only the first line matters
        return;
    }
    m_output += m_process.readAllStandardOutput();
    const qsizetype end = m_output.indexOf('\n');
    if (end < 0)
        return;
    // "listening on 127.0.0.1:PORT"
    const QByteArray line = m_output.left(end).trimmed();
    const quint16 port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    if (!line.startsWith("listening on") || port == 0) {
        fail(tr("The local service answered unexpectedly: %1").arg(QString::fromLocal8Bit(line)));
        return;
    }
    Started started;
    started.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    started.login = adminLogin();
    started.password = m_password;
    finish(started);
}

void LocalService::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    // At shut-down only: the console may not exit before its child has closed the database.
    if (!m_process.waitForFinished(kStopWaitMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopWaitMs);
    }
}

void LocalService::finish(const Started &started) {
    const std::shared_ptr<QPromise<Started>> promise = std::exchange(m_promise, {});
    if (!promise)
        return;
    promise->addResult(started);
    promise->finish();
}

void LocalService::fail(const QString &message) {
    Started started;
    started.error = message;
    finish(started);
}

} // namespace slotdesk

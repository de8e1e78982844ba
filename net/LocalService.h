#pragma once

#include <QFuture>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

template <typename T> class QPromise;

namespace slotdesk {

// The booking service on this computer, run as the console's child: `slotdesk-service` on
// 127.0.0.1 with a free port, its database and signing key in the console's data directory.
// On the first start it creates the admin account with a random password kept in a file only
// the user can read (0600), so the console can sign in by itself. The child ends with this
// object.
class LocalService : public QObject {
    Q_OBJECT
public:
    struct Started {
        QUrl url;
        QString login;
        QString password;
        QString error; // translated; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    explicit LocalService(QString dataDirectory, QObject *parent = nullptr);
    ~LocalService() override;

    // Next to the console's binary first (a build tree or an installation), then PATH.
    static QString findProgram();
    void setProgram(const QString &path) { m_program = path; }

    // Starts the child (creating the admin first when needed); finishes once it listens.
    QFuture<Started> start();
    // Ends the child (SIGTERM, so it closes its database cleanly) and waits for it.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QString databasePath() const;
    QString keyFile() const;
    QString passwordFile() const;
    static QString adminLogin() { return QStringLiteral("admin"); }

Q_SIGNALS:
    // The child ended without being asked to (crash, killed).
    void stoppedUnexpectedly(const QString &message);

private:
    void createAdmin();
    void launch();
    void readListeningLine();
    void finish(const Started &started);
    void fail(const QString &message);
    QStringList storageArguments() const;

    QString m_dataDirectory;
    QString m_program;
    QString m_password;
    QProcess m_setup;   // --create-admin, once
    QProcess m_process; // the running service
    QByteArray m_output;
    bool m_stopping = false;
    std::shared_ptr<QPromise<Started>> m_promise;
};

} // namespace slotdesk

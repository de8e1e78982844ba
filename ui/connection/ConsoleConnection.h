#pragma once

#include "net/LocalService.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMessageBox;

namespace slotdesk {

class Clock;
class ConnectionIndicator;
class MainWindow;
class ServiceClient;
class SignInDialog;

// How the console finds and signs in to its service at start: the command line (--service,
// --login, SLOTDESK_PASSWORD), else Settings → Service, else the local service on this
// computer (offered on the first start, remembered once accepted). Owns the local service
// child, which ends with this object. Adds its state and actions to the window.
class ConsoleConnection : public QObject {
    Q_OBJECT
public:
    struct Startup {
        QString serviceUrl; // --service: this run only
        QString login;      // --login
        QString password;   // SLOTDESK_PASSWORD; with a login, signs in without the dialog
    };

    ConsoleConnection(ServiceClient &client, const Clock &clock, QString dataDirectory,
                      QObject *parent = nullptr);
    ~ConsoleConnection() override;

    // Status bar indicator, "Sign in…/Sign out" in File, "Service…" in Settings, and the
    // role's permissions whenever the session changes.
    void attach(MainWindow &window);
    void begin(const Startup &startup);

    void setLocalServiceProgram(const QString &path) { m_localProgram = path; }
    LocalService *localService() const { return m_local.get(); }
    SignInDialog *signInDialog() const;
    QMessageBox *localServiceOffer() const;

    void showSignIn(const QString &login = {});
    void signOut();
    void startLocalService();

Q_SIGNALS:
    // A sign-in without the dialog (local service, or --login with SLOTDESK_PASSWORD) ended.
    void automaticSignInFinished(bool ok, const QString &message);
    void localServiceFailed(const QString &message);

private:
    void applyStoredSettings();
    void offerLocalService();
    void signInAutomatically(const QString &login, const QString &password);
    void showServiceSettings();
    void updateActions();
    void report(const QString &message);
    void onSessionChanged();

    ServiceClient &m_client;
    const Clock &m_clock;
    QString m_dataDirectory;
    QString m_localProgram;
    std::unique_ptr<LocalService> m_local;
    QPointer<MainWindow> m_window;
    QPointer<SignInDialog> m_signIn;
    QPointer<QMessageBox> m_offer;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QString m_lastLogin; // who was signed in, for the dialog after the session ended
    bool m_signingOut = false;
};

} // namespace slotdesk

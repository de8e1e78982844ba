#include "ui/connection/ConsoleConnection.h"

#include "net/ServiceClient.h"
#include "net/Session.h"
#include "ui/MainWindow.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/connection/ServiceSettingsDialog.h"
#include "ui/connection/SignInDialog.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/SettingsKeys.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace slotdesk {

ConsoleConnection::ConsoleConnection(ServiceClient &client, const Clock &clock,
                                     QString dataDirectory, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_dataDirectory(std::move(dataDirectory)) {
    connect(&client.session(), &Session::changed, this, &ConsoleConnection::onSessionChanged);
}

ConsoleConnection::~ConsoleConnection() = default;

SignInDialog *ConsoleConnection::signInDialog() const {
    return m_signIn;
}

QMessageBox *ConsoleConnection::localServiceOffer() const {
    return m_offer;
}

void ConsoleConnection::attach(MainWindow &window) {
    m_window = &window;
    auto *indicator = new ConnectionIndicator(m_client, &window);
    m_signInAction = new QAction(tr("Sign &in…"), &window);
    m_signInAction->setObjectName(QStringLiteral("signIn"));
    connect(m_signInAction, &QAction::triggered, this, [this] { showSignIn(); });
    m_signOutAction = new QAction(tr("Sign &out"), &window);
    m_signOutAction->setObjectName(QStringLiteral("signOut"));
    connect(m_signOutAction, &QAction::triggered, this, &ConsoleConnection::signOut);
    auto *settings = new QAction(tr("&Service…"), &window);
    settings->setObjectName(QStringLiteral("serviceSettings"));
    connect(settings, &QAction::triggered, this, &ConsoleConnection::showServiceSettings);
    window.installConnection(indicator, {m_signInAction, m_signOutAction}, settings);
    window.installPublishing(m_client);
    updateActions();
}

void ConsoleConnection::begin(const Startup &startup) {
    if (!startup.serviceUrl.isEmpty()) {
        m_client.setBaseUrl(QUrl(startup.serviceUrl));
    } else {
        const QSettings settings;
        if (settings.value(settings::serviceLocalKey()).toBool()) {
            startLocalService();
            return;
        }
        if (settings.value(settings::serviceUrlKey()).toString().isEmpty()) {
            offerLocalService();
            return;
        }
        applyStoredSettings();
    }
    if (!startup.login.isEmpty() && !startup.password.isEmpty())
        signInAutomatically(startup.login, startup.password);
    else
        showSignIn(startup.login);
}

void ConsoleConnection::applyStoredSettings() {
    const QSettings settings;
    m_client.setBaseUrl(QUrl(settings.value(settings::serviceUrlKey()).toString()));
    m_client.setPinnedCertificate(settings.value(settings::serviceCertificateKey()).toString());
}

void ConsoleConnection::offerLocalService() {
    auto *offer = new QMessageBox(QMessageBox::Question, tr("Start a local service?"),
                                  tr("No booking service is configured yet. Slotdesk can run "
                                     "one on this computer, with its data next to the "
                                     "console's, and sign you in as its administrator.\n\n"
                                     "Start the local service now? You can enter the address "
                                     "of a central service later in Settings → Service."),
                                  QMessageBox::NoButton, m_window);
    offer->setObjectName(QStringLiteral("localServiceOffer"));
    QPushButton *start = offer->addButton(tr("Start &local service"), QMessageBox::AcceptRole);
    start->setObjectName(QStringLiteral("startLocalService"));
    QPushButton *later = offer->addButton(tr("&Not now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("notNow"));
    offer->setDefaultButton(start);
    offer->setAttribute(Qt::WA_DeleteOnClose);
    connect(offer, &QMessageBox::buttonClicked, this, [this, start](QAbstractButton *button) {
        if (button != start)
            return;
        QSettings().setValue(settings::serviceLocalKey(), true);
        startLocalService();
    });
    m_offer = offer;
    // Not exec(): the window stays responsive and tests answer the box like a user.
    offer->open();
}

void ConsoleConnection::startLocalService() {
    if (!m_local) {
        m_local = std::make_unique<LocalService>(m_dataDirectory);
        m_local->setProgram(m_localProgram);
        connect(m_local.get(), &LocalService::stoppedUnexpectedly, this,
                &ConsoleConnection::report);
    }
    report(tr("Starting the local service…"));
    whenFinished(this, m_local->start(), [this](const LocalService::Started &started) {
        if (!started.ok()) {
            report(started.error);
            Q_EMIT localServiceFailed(started.error);
            return;
        }
        m_client.setBaseUrl(started.url);
        m_client.setPinnedCertificate({});
        signInAutomatically(started.login, started.password);
    });
}

void ConsoleConnection::signInAutomatically(const QString &login, const QString &password) {
    whenFinished(this, m_client.signIn(login, password), [this, login](const ServiceReply &reply) {
        if (!reply.ok()) {
            report(reply.error.message);
            Q_EMIT automaticSignInFinished(false, reply.error.message);
            // The user can still sign in by hand, e.g. with a new password.
            showSignIn(login);
            return;
        }
        report(tr("Signed in as %1.").arg(login));
        Q_EMIT automaticSignInFinished(true, {});
    });
}

void ConsoleConnection::showSignIn(const QString &login) {
    if (m_signIn) {
        m_signIn->raise();
        return;
    }
    auto *dialog = new SignInDialog(m_client, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLogin(login);
    connect(dialog, &SignInDialog::signedIn, this,
            [this] { report(tr("Signed in as %1.").arg(m_client.session().login())); });
    m_signIn = dialog;
    dialog->open();
}

void ConsoleConnection::signOut() {
    const QString login = m_client.session().login();
    // The session ends at once; telling the service is best effort.
    m_signingOut = true;
    whenFinished(this, m_client.signOut(), [](const ServiceReply &) {});
    m_signingOut = false;
    m_lastLogin.clear();
    report(tr("Signed out %1.").arg(login));
}

void ConsoleConnection::showServiceSettings() {
    auto *dialog = new ServiceSettingsDialog(m_clock, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const bool local = dialog->usesLocalService();
        if (local && m_local && m_local->isRunning())
            return; // already there and signed in
        if (m_client.session().isSignedIn())
            signOut();
        if (m_local)
            m_local->stop();
        if (local) {
            startLocalService();
            return;
        }
        applyStoredSettings();
        showSignIn();
    });
    dialog->open();
}

void ConsoleConnection::onSessionChanged() {
    const Session &session = m_client.session();
    updateActions();
    if (session.isSignedIn()) {
        m_lastLogin = session.login();
        return;
    }
    // The service ended the session (expired or revoked token): ask again, with the login
    // filled in, instead of leaving the user to find out on the next refused action.
    if (!m_signingOut && m_window && !m_lastLogin.isEmpty()) {
        report(tr("Your sign-in has ended. Please sign in again."));
        showSignIn(m_lastLogin);
    }
}

void ConsoleConnection::updateActions() {
    const Session &session = m_client.session();
    if (m_signInAction) {
        m_signInAction->setEnabled(!session.isSignedIn());
        m_signOutAction->setEnabled(session.isSignedIn());
    }
    if (m_window)
        m_window->applyPermissions(permissionsFor(session));
}

void ConsoleConnection::report(const QString &message) {
    if (m_window)
        m_window->statusBar()->showMessage(message);
}

} // namespace slotdesk

// The sign-in dialog, the connection indicator and Settings → Service, driven like a user
// (keyClicks, clicks) against the real service on loopback, in German.
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "service/staff/StaffSide.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/integration/ServiceFixture.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/connection/ConsoleConnection.h"
#include "ui/connection/ServiceSettingsDialog.h"
#include "ui/connection/SignInDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/SettingsKeys.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 20000;

template <typename T> T *child(QObject *parent, const char *name) {
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// A loopback port nothing listens on.
quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestSignInDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ServiceClient> m_client;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(13, 5), Qt::UTC)};

    QString serviceUrl() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_fx->service->port());
    }

private Q_SLOTS:
    void initTestCase() {
        isolateSettings();
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        QSettings().clear();
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        QVERIFY(m_fx->start(config));
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        m_session = std::make_unique<Session>();
        m_client = std::make_unique<ServiceClient>(*m_session, m_clock);
        m_client->setBaseUrl(QUrl(serviceUrl()));
        m_client->setRetries(0, 0);
    }

    void cleanup() {
        m_client.reset();
        m_session.reset();
        m_fx.reset();
    }

    void emptyFieldsAreNamedBesideThem() {
        SignInDialog dialog(*m_client);
        dialog.show();
        QCOMPARE(child<QLabel>(&dialog, "serviceUrl")->text(), serviceUrl());
        QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        auto *loginError = child<QLabel>(&dialog, "loginError");
        auto *passwordError = child<QLabel>(&dialog, "passwordError");
        QVERIFY(loginError->isVisible());
        QCOMPARE(loginError->text(), QStringLiteral("Bitte geben Sie Ihren Login ein."));
        QVERIFY(passwordError->isVisible());
        QCOMPARE(passwordError->text(), QStringLiteral("Bitte geben Sie Ihr Passwort ein."));
        QCOMPARE(child<QLineEdit>(&dialog, "login")->accessibleDescription(), loginError->text());
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isBusy()); // nothing was sent
    }

    void wrongPasswordStaysOpenWithTheReason() {
        SignInDialog dialog(*m_client);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, "login"), QStringLiteral("admin"));
        auto *password = child<QLineEdit>(&dialog, "password");
        QTest::keyClicks(password, QStringLiteral("not the password"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(dialog.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kWaitMs);
        auto *passwordError = child<QLabel>(&dialog, "passwordError");
        QVERIFY(passwordError->isVisible());
        QCOMPARE(passwordError->text(), QStringLiteral("Login oder Passwort ist falsch."));
        QVERIFY(password->text().isEmpty());
        QVERIFY(!child<QLabel>(&dialog, "loginError")->isVisible());
        QVERIFY(dialog.isVisible());
        QVERIFY(!m_session->isSignedIn());
        saveScreenshot(&dialog, QStringLiteral("connection-sign-in-wrong-password.png"));
    }

    void rightPasswordSignsInAndCloses() {
        SignInDialog dialog(*m_client);
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, "login"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "password"), adminPassword);
        QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWaitMs);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(m_session->isSignedIn());
        QCOMPARE(m_session->login(), QStringLiteral("admin"));
    }

    void unreachableServiceIsAFormError() {
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        SignInDialog dialog(*m_client);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, "login"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "password"), adminPassword);
        QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        auto *formError = child<QLabel>(&dialog, "formError");
        QTRY_VERIFY_WITH_TIMEOUT(formError->isVisible(), kWaitMs);
        QVERIFY2(formError->text().contains(QStringLiteral("ist nicht erreichbar")),
                 qPrintable(formError->text()));
        QVERIFY(!child<QLabel>(&dialog, "passwordError")->isVisible());
        QVERIFY(dialog.isVisible());
    }

    void indicatorShowsTheConnectionState() {
        ConnectionIndicator indicator(*m_client);
        QCOMPARE(indicator.text(), QStringLiteral("Nicht angemeldet"));
        QVERIFY(waitFor(m_client->signIn(QStringLiteral("admin"), adminPassword)));
        QCOMPARE(indicator.text(),
                 QStringLiteral("Online – angemeldet als admin (Administration)"));
        m_fx->stop();
        QVERIFY(!waitFor(m_client->health()));
        // 13:05 UTC is 14:05 in Berlin in March.
        QCOMPARE(indicator.text(), QStringLiteral("Offline seit 14:05"));
    }

    void settingsRefuseBadInputAndTestWithoutBlocking() {
        ServiceSettingsDialog dialog(m_clock);
        dialog.show();
        auto *url = child<QLineEdit>(&dialog, "serviceUrl");
        auto *pin = child<QLineEdit>(&dialog, "certificateFingerprint");
        QTest::keyClicks(url, QStringLiteral("localhost ohne schema"));
        QTest::keyClicks(pin, QStringLiteral("12:34"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(child<QLabel>(&dialog, "serviceUrlError")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "certificateFingerprintError")
                    ->text()
                    .contains(QStringLiteral("64 Hexadezimalziffern")));
        QVERIFY(QSettings().value(settings::serviceUrlKey()).toString().isEmpty());

        url->clear();
        pin->clear();
        QTest::keyClicks(url, serviceUrl());
        QTest::mouseClick(child<QPushButton>(&dialog, "testConnection"), Qt::LeftButton);
        QVERIFY(dialog.isTesting()); // the answer comes later; the dialog keeps working
        auto *result = child<QLabel>(&dialog, "testResult");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), kWaitMs);
        QVERIFY2(result->text().startsWith(QStringLiteral("Verbindung funktioniert")),
                 qPrintable(result->text()));
        saveScreenshot(&dialog, QStringLiteral("connection-service-settings.png"));

        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(QSettings().value(settings::serviceUrlKey()).toString(), serviceUrl());
    }

    void firstStartOffersTheLocalService() {
        ConsoleFixture console;
        QVERIFY(console.start());
        ConsoleConnection connection(*m_client, m_clock, QString());
        connection.attach(console.window());
        QVERIFY(console.window().findChild<QLabel *>(QStringLiteral("connectionState")));
        connection.begin({});
        QMessageBox *offer = connection.localServiceOffer();
        QVERIFY(offer);
        QVERIFY(offer->isVisible());
        QTest::mouseClick(child<QPushButton>(offer, "notNow"), Qt::LeftButton);
        QTRY_VERIFY(!connection.localServiceOffer());
        QVERIFY(!connection.localService());
        QVERIFY(!QSettings().value(settings::serviceLocalKey()).toBool());
    }

    void commandLineSignsInWithoutTheDialog() {
        ConsoleFixture console;
        QVERIFY(console.start());
        ConsoleConnection connection(*m_client, m_clock, QString());
        connection.attach(console.window());
        QSignalSpy finished(&connection, &ConsoleConnection::automaticSignInFinished);
        connection.begin({serviceUrl(), QStringLiteral("admin"), adminPassword});
        QVERIFY(!connection.signInDialog());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(m_session->isSignedIn());
        auto *navigation = console.window().findChild<QListWidget *>(QStringLiteral("navigation"));
        QListWidgetItem *release = navigation->item(int(MainWindow::Page::SlotRelease));
        QVERIFY(release->flags() & Qt::ItemIsEnabled); // the admin may release slots
        auto *signOut = console.window().findChild<QAction *>(QStringLiteral("signOut"));
        QVERIFY(signOut && signOut->isEnabled());
        signOut->trigger();
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(!(release->flags() & Qt::ItemIsEnabled));
        QVERIFY(!connection.signInDialog()); // signing out is no reason to ask
        QVERIFY(console.window().findChild<QAction *>(QStringLiteral("signIn"))->isEnabled());
    }

    void endedSessionAsksAgain() {
        ConsoleFixture console;
        QVERIFY(console.start());
        ConsoleConnection connection(*m_client, m_clock, QString());
        connection.attach(console.window());
        QSignalSpy finished(&connection, &ConsoleConnection::automaticSignInFinished);
        connection.begin({serviceUrl(), QStringLiteral("admin"), adminPassword});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(m_session->isSignedIn());
        saveScreenshot(&console.window(), QStringLiteral("connection-signed-in-window.png"));

        m_fx->clock.advance(13 * 3600); // past the service's token lifetime
        QVERIFY(!waitFor(m_client->currentUser()));
        QVERIFY(!m_session->isSignedIn());
        SignInDialog *again = connection.signInDialog();
        QVERIFY(again);
        QVERIFY(again->isVisible());
        QCOMPARE(child<QLineEdit>(again, "login")->text(), QStringLiteral("admin"));
        QCOMPARE(console.window().findChild<QLabel *>(QStringLiteral("connectionState"))->text(),
                 QStringLiteral("Nicht angemeldet"));
    }

private:
    static bool waitFor(const QFuture<ServiceReply> &future) {
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs))
            qWarning("the call did not finish");
        return future.isResultReadyAt(0) && future.result().ok();
    }
};

QTEST_MAIN(TestSignInDialog)
#include "TestSignInDialog.moc"

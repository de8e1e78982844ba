// The local service as the console runs it: the built slotdesk-service binary as a child on
// 127.0.0.1, an admin account created on the first start with a password in a 0600 file, the
// console's client signing in with it, and the child ending with its owner.
#include "models/core/Clock.h"
#include "net/LocalService.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "tests/support/TestSupport.h"
#include "ui/shell/Language.h"

#include <QFile>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr int kWaitMs = 60000; // Argon2id at its production cost on a loaded machine

template <typename T> std::optional<T> waitFor(const QFuture<T> &future) {
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs))
        qWarning("the call did not finish");
    if (!future.isResultReadyAt(0))
        return std::nullopt;
    return future.result();
}

} // namespace

class TestLocalService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void firstStartCreatesTheAdminAndSignsIn() {
        TempDir dir;
        SystemClock clock;
        Session session;
        ServiceClient client(session, clock);
        QUrl firstUrl;
        {
            LocalService local(dir.path());
            local.setProgram(QStringLiteral(SLOTDESK_SERVICE_BINARY));
            const auto started = waitFor(local.start());
            QVERIFY(started);
            QVERIFY2(started->ok(), qPrintable(started->error));
            QCOMPARE(started->url.host(), QStringLiteral("127.0.0.1"));
            QVERIFY(started->url.port() > 0);
            QCOMPARE(started->login, QStringLiteral("admin"));
            QVERIFY(started->password.size() >= 20);
            QVERIFY(local.isRunning());

            QFile file(local.passwordFile());
            QVERIFY(file.exists());
            QCOMPARE(file.permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::Permissions());
            QVERIFY(QFile::exists(local.databasePath()));
            QVERIFY(QFile::exists(local.keyFile()));

            client.setBaseUrl(started->url);
            const auto signedIn = waitFor(client.signIn(started->login, started->password));
            QVERIFY(signedIn);
            QVERIFY2(signedIn->ok(), qPrintable(signedIn->error.message));
            QCOMPARE(session.role(), StaffRole::Admin);
            firstUrl = started->url;
        }
        // The child ended with its owner.
        client.setRetries(0, 0);
        const auto gone = waitFor(client.health());
        QVERIFY(gone);
        QCOMPARE(gone->error.kind, ServiceError::Kind::Unreachable);

        // The second start reuses the account and its password file.
        LocalService again(dir.path());
        again.setProgram(QStringLiteral(SLOTDESK_SERVICE_BINARY));
        const auto restarted = waitFor(again.start());
        QVERIFY(restarted);
        QVERIFY2(restarted->ok(), qPrintable(restarted->error));
        client.setBaseUrl(restarted->url);
        const auto signedIn = waitFor(client.signIn(restarted->login, restarted->password));
        QVERIFY(signedIn && signedIn->ok());
    }

    void missingProgramSaysSoInGerman() {
        TempDir dir;
        LocalService local(dir.path());
        local.setProgram(dir.file(QStringLiteral("no-such-service")));
        const auto started = waitFor(local.start());
        QVERIFY(started);
        QVERIFY(!started->ok());
        QVERIFY2(started->error.startsWith(QStringLiteral("Der lokale Dienst")),
                 qPrintable(started->error));
        // Nothing half-done: no password without an account.
        QVERIFY(!QFile::exists(local.passwordFile()));
    }
};

QTEST_GUILESS_MAIN(TestLocalService)
#include "TestLocalService.moc"

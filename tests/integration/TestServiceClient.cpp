// The console's client against the real service on loopback (sign-in, expired and invalid
// tokens, the service stopped and started again) and against a scripted HTTP server for what
// the service never does on purpose (retries after a 503, silence, garbage).
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/ScriptedHttpServer.h"
#include "ui/shell/Language.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
constexpr int kTokenSeconds = 600;
constexpr int kWaitMs = 30000;

ServiceReply waitFor(const QFuture<ServiceReply> &future) {
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs))
        qWarning("the call did not finish");
    if (future.isResultReadyAt(0))
        return future.result();
    ServiceReply missing;
    missing.error.kind = ServiceError::Kind::Cancelled;
    missing.error.message = QStringLiteral("no answer within the test's patience");
    return missing;
}

QJsonObject centreJson() {
    return {{QStringLiteral("name"), QStringLiteral("Impfzentrum Messe")},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"), QJsonArray{QStringLiteral("pcr")}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

} // namespace

class TestServiceClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ServiceClient> m_client;

    static ServiceConfig serviceConfig() {
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        config.staff.tokenTtlSeconds = kTokenSeconds;
        return config;
    }

    bool startService() {
        m_fx = std::make_unique<ServiceFixture>();
        if (!m_fx->start(serviceConfig()))
            return false;
        QString error;
        if (!m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_client->setBaseUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_fx->service->port())));
        return true;
    }

    // The same database on the same port, as after a restart of the service.
    bool restartService(quint16 port) {
        ServiceConfig config = serviceConfig();
        config.listen = QHostAddress::LocalHost;
        config.port = port;
        config.databasePath = m_fx->dir.file(QStringLiteral("service.db"));
        config.keyFile = m_fx->dir.file(QStringLiteral("service.key"));
        m_fx->service = std::make_unique<SlotdeskService>(config, m_fx->clock);
        QString error;
        if (!m_fx->service->start(&error)) {
            qWarning("service did not start again: %s", qPrintable(error));
            return false;
        }
        return true;
    }

    void signInAsAdmin() {
        const ServiceReply reply =
            waitFor(m_client->signIn(QStringLiteral("admin"), adminPassword));
        QVERIFY2(reply.ok(), qPrintable(reply.error.message));
        QVERIFY(m_session->isSignedIn());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        m_session = std::make_unique<Session>();
        m_client = std::make_unique<ServiceClient>(*m_session, m_fxClock);
        m_client->setRetries(2, 20);
    }

    void cleanup() {
        m_client.reset();
        m_session.reset();
        m_fx.reset();
    }

    void signInStartsTheSession() {
        QVERIFY(startService());
        QSignalSpy changed(m_session.get(), &Session::changed);
        signInAsAdmin();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_session->login(), QStringLiteral("admin"));
        QCOMPARE(m_session->role(), StaffRole::Admin);
        QVERIFY(m_session->expiresAt().isValid());
        QVERIFY(permissionsFor(*m_session).releaseSlots);

        const ServiceReply me = waitFor(m_client->currentUser());
        QVERIFY2(me.ok(), qPrintable(me.error.message));
        QCOMPARE(me.object()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("login"))
                     .toString(),
                 QStringLiteral("admin"));
        QVERIFY(m_client->isOnline());
    }

    void wrongPasswordSaysSoInGerman() {
        QVERIFY(startService());
        const ServiceReply reply =
            waitFor(m_client->signIn(QStringLiteral("admin"), QStringLiteral("wrong password")));
        QCOMPARE(reply.error.kind, ServiceError::Kind::Unauthorized);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error.reason, QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error.message, QStringLiteral("Login oder Passwort ist falsch."));
        QVERIFY(!m_session->isSignedIn());
    }

    void expiredTokenEndsTheSession() {
        QVERIFY(startService());
        signInAsAdmin();
        QSignalSpy changed(m_session.get(), &Session::changed);
        m_fx->clock.advance(kTokenSeconds + 1);
        const ServiceReply reply = waitFor(m_client->currentUser());
        QCOMPARE(reply.error.kind, ServiceError::Kind::Unauthorized);
        QCOMPARE(reply.error.reason, QStringLiteral("invalid_token"));
        QVERIFY2(reply.error.message.startsWith(QStringLiteral("Ihre Anmeldung ist abgelaufen")),
                 qPrintable(reply.error.message));
        QVERIFY(!m_session->isSignedIn());
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_session->token().isEmpty());
    }

    void invalidTokenEndsTheSession() {
        QVERIFY(startService());
        QVERIFY(m_session->startFromLogin(
            {{QStringLiteral("token"), QStringLiteral("not-a-token-the-service-issued")},
             {QStringLiteral("expires_at"), QStringLiteral("2026-03-02T20:00:00Z")},
             {QStringLiteral("user"),
              QJsonObject{{QStringLiteral("login"), QStringLiteral("x")},
                          {QStringLiteral("role"), QStringLiteral("admin")}}}}));
        const ServiceReply reply = waitFor(m_client->publishCentre(centreUuid, centreJson()));
        QCOMPARE(reply.error.kind, ServiceError::Kind::Unauthorized);
        QVERIFY(reply.error.message.contains(QStringLiteral("erneut an")));
        QVERIFY(!m_session->isSignedIn());
    }

    void forbiddenAndRejectedCarryTheServiceReason() {
        QVERIFY(startService());
        signInAsAdmin();
        QJsonObject broken = centreJson();
        broken.insert(QStringLiteral("lanes"), -3);
        const ServiceReply rejected = waitFor(m_client->publishCentre(centreUuid, broken));
        QCOMPARE(rejected.error.kind, ServiceError::Kind::Rejected);
        QCOMPARE(rejected.status / 100, 4);
        QVERIFY(!rejected.error.reason.isEmpty());
        QCOMPARE(rejected.error.field, QStringLiteral("lanes"));
        QVERIFY2(rejected.error.message.startsWith(QStringLiteral("Der Dienst hat die Anfrage "
                                                                  "abgelehnt")),
                 qPrintable(rejected.error.message));
        QVERIFY(rejected.error.message.contains(rejected.error.reason));
        QVERIFY(m_session->isSignedIn()); // a refusal is no reason to sign out

        const ServiceReply created = waitFor(
            m_client->post(QStringLiteral("/api/v1/staff"),
                           {{QStringLiteral("login"), QStringLiteral("desk1")},
                            {QStringLiteral("role"), QStringLiteral("desk")},
                            {QStringLiteral("password"), QStringLiteral("desk password 1")}}));
        QVERIFY2(created.ok(), qPrintable(created.error.message));
        const ServiceReply desk =
            waitFor(m_client->signIn(QStringLiteral("desk1"), QStringLiteral("desk password 1")));
        QVERIFY2(desk.ok(), qPrintable(desk.error.message));
        QCOMPARE(m_session->role(), StaffRole::Desk);
        QVERIFY(permissionsFor(*m_session).checkIn);
        QVERIFY(!permissionsFor(*m_session).editCentres);
        const ServiceReply forbidden = waitFor(m_client->publishCentre(centreUuid, centreJson()));
        QCOMPARE(forbidden.error.kind, ServiceError::Kind::Forbidden);
        QVERIFY2(forbidden.error.message.startsWith(QStringLiteral("Ihr Konto darf das nicht")),
                 qPrintable(forbidden.error.message));
        QVERIFY(m_session->isSignedIn());
    }

    void publishesCentreAndOpeningHours() {
        QVERIFY(startService());
        signInAsAdmin();
        const ServiceReply centre = waitFor(m_client->publishCentre(centreUuid, centreJson()));
        QVERIFY2(centre.ok(), qPrintable(centre.error.message));
        QCOMPARE(centre.status, 201);
        QCOMPARE(centre.object().value(QStringLiteral("uuid")).toString(), centreUuid);
        const QJsonObject hours{
            {QStringLiteral("weekly"),
             QJsonArray{QJsonObject{{QStringLiteral("weekday"), 2},
                                    {QStringLiteral("start"), QStringLiteral("08:00")},
                                    {QStringLiteral("end"), QStringLiteral("18:00")}}}}};
        const ServiceReply stored = waitFor(m_client->publishOpeningHours(centreUuid, hours));
        QVERIFY2(stored.ok(), qPrintable(stored.error.message));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM opening_rules")), 1);
    }

    void stoppedServiceIsUnreachableUntilItIsBack() {
        QVERIFY(startService());
        signInAsAdmin();
        const quint16 port = m_fx->service->port();
        m_client->setProbeInterval(50);
        QSignalSpy reachability(m_client.get(), &ServiceClient::reachabilityChanged);
        m_fx->stop();

        const ServiceReply reply = waitFor(m_client->health());
        QCOMPARE(reply.error.kind, ServiceError::Kind::Unreachable);
        QVERIFY2(reply.error.message.contains(QStringLiteral("ist nicht erreichbar")),
                 qPrintable(reply.error.message));
        QVERIFY(!m_client->isOnline());
        QCOMPARE(m_client->offlineSince(), m_fxClock.now());
        QCOMPARE(reachability.count(), 1);
        QCOMPARE(reachability.at(0).at(0).toBool(), false);
        QVERIFY(m_session->isSignedIn()); // unreachable says nothing about the token

        QVERIFY(restartService(port));
        // The client probes /api/v1/health by itself while offline.
        QTRY_VERIFY_WITH_TIMEOUT(m_client->isOnline(), kWaitMs);
        QCOMPARE(reachability.count(), 2);
        QVERIFY(!m_client->offlineSince().isValid());
        const ServiceReply me = waitFor(m_client->currentUser());
        QVERIFY2(me.ok(), qPrintable(me.error.message));
    }

    void retryReusesTheIdempotencyKey() {
        ScriptedHttpServer server;
        server.addAnswer(ScriptedHttpServer::answer(
            503, "Service Unavailable", R"({"error":"busy","message":"Busy, retry."})"));
        server.addAnswer(ScriptedHttpServer::answer(200, "OK", R"({"revision":1})"));
        m_client->setBaseUrl(QUrl(server.url() + QStringLiteral("/")));
        const ServiceReply first = waitFor(m_client->put(QStringLiteral("/api/v1/x"), {}));
        QVERIFY2(first.ok(), qPrintable(first.error.message));
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(0).path, QByteArray("/api/v1/x"));
        const QByteArray key = server.requests().at(0).header("Idempotency-Key");
        QVERIFY(!key.isEmpty());
        QCOMPARE(server.requests().at(1).header("Idempotency-Key"), key);

        const ServiceReply second = waitFor(m_client->post(QStringLiteral("/api/v1/y"), {}));
        QVERIFY(second.ok());
        QCOMPARE(server.requests().size(), 3);
        const QByteArray other = server.requests().at(2).header("Idempotency-Key");
        QVERIFY(!other.isEmpty());
        QVERIFY(other != key);

        const ServiceReply read = waitFor(m_client->get(QStringLiteral("/api/v1/z")));
        QVERIFY(read.ok());
        QVERIFY(server.requests().at(3).header("Idempotency-Key").isEmpty());
        QCOMPARE(server.connections(), 1); // HTTP/1.1 keep-alive: one connection for all
    }

    void signInAndServerErrorsAreNotRetried() {
        ScriptedHttpServer server;
        server.addAnswer(ScriptedHttpServer::answer(503, "Service Unavailable",
                                                    R"({"error":"login_busy","message":"Busy."})"));
        server.addAnswer(ScriptedHttpServer::answer(500, "Internal Server Error", "{}"));
        m_client->setBaseUrl(QUrl(server.url()));
        const ServiceReply busy =
            waitFor(m_client->signIn(QStringLiteral("admin"), QStringLiteral("pw")));
        QCOMPARE(busy.error.kind, ServiceError::Kind::ServerError);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().at(0).header("Idempotency-Key").isEmpty());

        const ServiceReply broken = waitFor(m_client->get(QStringLiteral("/api/v1/health")));
        QCOMPARE(broken.error.kind, ServiceError::Kind::ServerError);
        QCOMPARE(broken.status, 500);
        QVERIFY2(broken.error.message.contains(QStringLiteral("internes Problem (HTTP 500)")),
                 qPrintable(broken.error.message));
        QCOMPARE(server.requests().size(), 2); // a 500 is an answer, not a lost request
    }

    void silentServerTimesOut() {
        ScriptedHttpServer server; // reads every request and never answers
        m_client->setBaseUrl(QUrl(server.url()));
        m_client->setTimeout(300);
        m_client->setRetries(1, 20);
        QElapsedTimer elapsed;
        elapsed.start();
        const ServiceReply reply = waitFor(m_client->get(QStringLiteral("/api/v1/health")));
        QCOMPARE(reply.error.kind, ServiceError::Kind::Timeout);
        QVERIFY2(reply.error.message.contains(QStringLiteral("nicht innerhalb von 1 Sekunden")),
                 qPrintable(reply.error.message));
        QCOMPARE(server.requests().size(), 2); // a GET is retried once
        QVERIFY(elapsed.elapsed() >= 600);
        QVERIFY(!m_client->isOnline());
    }

    void garbageIsAMalformedReply() {
        ScriptedHttpServer server;
        server.addAnswer(ScriptedHttpServer::answer(200, "OK", "<html>proxy</html>", "text/html"));
        m_client->setBaseUrl(QUrl(server.url()));
        const ServiceReply reply = waitFor(m_client->health());
        QCOMPARE(reply.error.kind, ServiceError::Kind::MalformedReply);
        QVERIFY2(reply.error.message.startsWith(QStringLiteral("Die Antwort des Dienstes")),
                 qPrintable(reply.error.message));
    }

    void noServiceConfigured() {
        const ServiceReply reply = waitFor(m_client->health());
        QCOMPARE(reply.error.kind, ServiceError::Kind::Unreachable);
        QVERIFY(reply.error.message.startsWith(QStringLiteral("Es ist kein Dienst eingerichtet")));
    }

    void pinnedCertificateIsTrustedAlone() {
        const QSslCertificate certificate(readData(QStringLiteral("tls/service-cert.pem")));
        const QSslKey key(readData(QStringLiteral("tls/service-key.pem")), QSsl::Ec);
        QVERIFY(!certificate.isNull());
        QVERIFY(!key.isNull());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key);
        ScriptedHttpServer server(tls);
        server.addAnswer(ScriptedHttpServer::answer(200, "OK", R"({"status":"ok"})"));
        m_client->setBaseUrl(QUrl(server.url()));
        m_client->setRetries(0, 0);

        // Self-signed and not for this name: refused without a pin.
        const ServiceReply untrusted = waitFor(m_client->health());
        QCOMPARE(untrusted.error.kind, ServiceError::Kind::Certificate);
        QVERIFY2(untrusted.error.message.startsWith(
                     QStringLiteral("Dem Zertifikat des Dienstes unter https://127.0.0.1")),
                 qPrintable(untrusted.error.message));
        QVERIFY(server.requests().isEmpty());

        QVERIFY(m_client->setPinnedCertificate(QString(64, u'0')));
        const ServiceReply wrongPin = waitFor(m_client->health());
        QCOMPARE(wrongPin.error.kind, ServiceError::Kind::Certificate);
        QVERIFY(server.requests().isEmpty());

        QVERIFY(m_client->setPinnedCertificate(
            QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'))));
        const ServiceReply pinned = waitFor(m_client->health());
        QVERIFY2(pinned.ok(), qPrintable(pinned.error.message));
        QCOMPARE(server.requests().size(), 1);
    }

    void fingerprintsAreNormalised() {
        const QString colons = QStringLiteral(
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:"
            "23:45:67:89");
        QCOMPARE(ServiceClient::parseFingerprint(colons),
                 QByteArray("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
        QVERIFY(ServiceClient::parseFingerprint(QStringLiteral("abc")).isEmpty());
        QVERIFY(!m_client->setPinnedCertificate(QStringLiteral("xyz")));
        QVERIFY(m_client->setPinnedCertificate(colons));
        QCOMPARE(m_client->pinnedCertificate().size(), 64);
        QVERIFY(m_client->setPinnedCertificate(QString()));
        QVERIFY(m_client->pinnedCertificate().isEmpty());
    }

private:
    FixedClock m_fxClock{QDateTime(QDate(2026, 3, 2), QTime(7, 0), Qt::UTC)};
};

QTEST_GUILESS_MAIN(TestServiceClient)
#include "TestServiceClient.moc"

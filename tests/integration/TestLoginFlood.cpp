#include "service/staff/StaffSide.h"
#include "service/staff/auth/StaffAuth.h"
#include "tests/integration/RawClient.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/RawHttp.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <vector>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");

QByteArray loginRequest(const QString &login, const QString &password) {
    return rawHttpRequest("POST", "/api/v1/auth/login",
                          QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                                    {QStringLiteral("password"), password}})
                              .toJson(QJsonDocument::Compact));
}

QByteArray retryAfter(const RawClient::Answer &answer) {
    for (const QByteArray &line : answer.head.split('\n')) {
        if (line.toLower().startsWith("retry-after:"))
            return line.mid(12).trimmed();
    }
    return {};
}

// Sends one request on a keep-alive client and waits for its answer; the milliseconds it took.
qint64 roundTrip(RawClient &client, const QByteArray &request) {
    const qsizetype before = client.answers.size();
    QElapsedTimer timer;
    timer.start();
    client.send(request);
    while (client.answers.size() == before && timer.elapsed() < 10000)
        QTest::qWait(1);
    return client.answers.size() > before ? timer.elapsed() : 10000;
}

} // namespace

// Logins under attack, with the production Argon2id cost (about 50 ms a check): a flood of
// password guesses must neither stall the booking routes nor lock the real owner out.
class TestLoginFlood : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    QList<qint64> m_slots;

    quint16 port() const { return m_fx->service->port(); }

private Q_SLOTS:
    void init() {
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::interactive();
        QVERIFY(m_fx->start(config));
        m_slots = m_fx->seed(4, 1000);
        QVERIFY(!m_slots.isEmpty());
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
    }
    void cleanup() { m_fx.reset(); }

    void holdsStayFastWhileLoginsAreFlooded() {
        // 50 wrong-password logins at once, each on its own connection, for 50 logins.
        std::vector<std::unique_ptr<RawClient>> flood;
        for (int i = 0; i < 50; ++i)
            flood.push_back(std::make_unique<RawClient>(port()));
        RawClient citizen(port());
        for (const auto &client : flood)
            QTRY_VERIFY(client->connected());
        QTRY_VERIFY(citizen.connected());
        const QByteArray holdBody =
            QJsonDocument(QJsonObject{{QStringLiteral("slot_id"), m_slots.constFirst()}})
                .toJson(QJsonDocument::Compact);
        // One hold and release before: the first request on a connection warms caches.
        roundTrip(citizen, rawHttpRequest("POST", "/api/v1/holds", holdBody));
        QCOMPARE(citizen.answers.constLast().status, 201);
        roundTrip(citizen, rawHttpRequest("DELETE", "/api/v1/holds/" +
                                                        citizen.answers.constLast()
                                                            .json.value(QStringLiteral("hold_id"))
                                                            .toString()
                                                            .toLatin1()));
        for (int i = 0; i < 50; ++i)
            flood.at(i)->send(
                loginRequest(QStringLiteral("user%1").arg(i), QStringLiteral("wrong guess")));
        const auto floodAnswered = [&flood] {
            int answered = 0;
            for (const auto &client : flood)
                answered += int(client->answers.size());
            return answered;
        };

        // Holds (and their release) while the flood's password checks run.
        QList<qint64> latencies;
        QElapsedTimer spent;
        spent.start();
        while (floodAnswered() < 50 && spent.elapsed() < 30000) {
            latencies.append(roundTrip(citizen, rawHttpRequest("POST", "/api/v1/holds", holdBody)));
            const RawClient::Answer hold = citizen.answers.constLast();
            QCOMPARE(hold.status, 201);
            const QByteArray id = hold.json.value(QStringLiteral("hold_id")).toString().toLatin1();
            latencies.append(roundTrip(citizen, rawHttpRequest("DELETE", "/api/v1/holds/" + id)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(floodAnswered(), 50, 30000);
        // With the checks on the server thread, the flood's first 20 checks (50 ms or more each)
        // would block it for a second and more: one hold would see the whole flood. Off it, a
        // hold waits only for its share of the CPU; the bounds leave room for a busy machine.
        std::sort(latencies.begin(), latencies.end());
        const qint64 slowest = latencies.constLast();
        const qint64 p95 = latencies.at(latencies.size() * 95 / 100);
        QVERIFY2(slowest < 400, qPrintable(QStringLiteral("slowest: %1 ms").arg(slowest)));
        QVERIFY2(p95 < 100, qPrintable(QStringLiteral("95th percentile: %1 ms").arg(p95)));
        QVERIFY2(latencies.size() >= 6, qPrintable(QString::number(latencies.size())));

        // Every guess was refused; the ones beyond the pool's ceiling were told when to retry.
        int checked = 0;
        int busy = 0;
        for (const auto &client : flood) {
            const RawClient::Answer &answer = client->answers.constFirst();
            QVERIFY2(answer.status == 401 || answer.status == 503, answer.head.constData());
            if (answer.status == 401)
                ++checked;
            if (answer.status == 503) {
                ++busy;
                QCOMPARE(answer.error(), QStringLiteral("login_busy"));
                QCOMPARE(retryAfter(answer), QByteArray("1"));
            }
        }
        QVERIFY(checked >= 1);
        QVERIFY(busy >= 1);
        QCOMPARE(m_fx->service->staff().auth().checks().pending(), 0);
        // The pool is free again: the admin logs in.
        RawClient admin(port());
        QTRY_VERIFY(admin.connected());
        roundTrip(admin, loginRequest(QStringLiteral("admin"), adminPassword));
        QCOMPARE(admin.answers.constLast().status, 200);
    }

    void ownerLogsInWhileAnAttackerIsThrottled() {
        RawClient attacker(port());
        RawClient owner(port(), QHostAddress(QStringLiteral("127.0.0.2")));
        QTRY_VERIFY(attacker.connected());
        QTRY_VERIFY(owner.connected());
        // Three free failures and one more: the attacker's address now waits for "admin".
        for (int i = 0; i < 4; ++i) {
            roundTrip(attacker, loginRequest(QStringLiteral("admin"), QStringLiteral("guess")));
            QCOMPARE(attacker.answers.constLast().status, 401);
        }
        roundTrip(attacker, loginRequest(QStringLiteral("admin"), adminPassword));
        QCOMPARE(attacker.answers.constLast().status, 429);
        QCOMPARE(retryAfter(attacker.answers.constLast()), QByteArray("1"));

        // The owner, at another address, is not locked out by the attacker's guesses.
        roundTrip(owner, loginRequest(QStringLiteral("admin"), adminPassword));
        QCOMPARE(owner.answers.constLast().status, 200);
        QVERIFY(
            !owner.answers.constLast().json.value(QStringLiteral("token")).toString().isEmpty());
        // ... and the attacker still waits.
        roundTrip(attacker, loginRequest(QStringLiteral("admin"), adminPassword));
        QCOMPARE(attacker.answers.constLast().status, 429);
    }

    void oneCheckAtATimePerLoginAndAddress() {
        // Two guesses for one login sent together from one address: the second is refused
        // before any check, so a burst cannot spend the free failures in parallel.
        RawClient first(port());
        RawClient second(port());
        QTRY_VERIFY(first.connected());
        QTRY_VERIFY(second.connected());
        first.send(loginRequest(QStringLiteral("admin"), QStringLiteral("guess 1")));
        second.send(loginRequest(QStringLiteral("admin"), QStringLiteral("guess 2")));
        QTRY_COMPARE_WITH_TIMEOUT(first.answers.size() + second.answers.size(), 2, 10000);
        QList<int> statuses{first.answers.constFirst().status, second.answers.constFirst().status};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{401, 429}));
    }
};

QTEST_GUILESS_MAIN(TestLoginFlood)
#include "TestLoginFlood.moc"

// Staff sign-in, roles, password hashing, login throttling and account rules.
#include "tests/integration/StaffSuite.h"

#include <QProcess>

#include <sodium.h>

using namespace slotdesk;
using namespace slotdesk::test;

class TestStaffAuth : public StaffSuite {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startService()); }
    void cleanup() { stopService(); }

    void passwordHashIsArgon2id() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        QSqlQuery q(m_fx->service->database());
        QVERIFY(q.exec(QStringLiteral("SELECT login, password_hash FROM staff_users")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QString hash = q.value(1).toString();
            QVERIFY2(hash.startsWith(u"$argon2id$v=19$"), qPrintable(hash));
            QVERIFY(!hash.contains(adminPassword) && !hash.contains(deskPassword));
        }
        QCOMPARE(rows, 2);
        // Tokens are stored hashed only.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_tokens WHERE "
                                             "token_hash = '%1'")
                                  .arg(m_admin)),
                 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_tokens WHERE "
                                             "length(token_hash) = 64")),
                 1);
        // The production default is libsodium's interactive cost, not the test minimum.
        const PasswordHasher production;
        QCOMPARE(production.limits().opsLimit,
                 static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE));
        QVERIFY(production.hash(QStringLiteral("abcdefghijk")).contains(u"$m=65536,t=2,"));
    }

    void authAndRoles_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>(
            "who"); // none, garbage, expired, revoked, admin, desk, supervisor
        QTest::addColumn<int>("status");
        const QString staffPath = QStringLiteral("/api/v1/staff");
        const QString bookings = QStringLiteral("/api/v1/bookings");
        const QString checkIn = QStringLiteral("/api/v1/bookings/0000000000/check-in");
        const QString centre = QStringLiteral("/api/v1/centres/") + centreUuid;
        const QString slots = QStringLiteral("/api/v1/slots");
        const QString me = QStringLiteral("/api/v1/auth/me");
        QTest::newRow("me without token") << QByteArray("GET") << me << "none" << 401;
        QTest::newRow("me garbage token") << QByteArray("GET") << me << "garbage" << 401;
        QTest::newRow("me expired token") << QByteArray("GET") << me << "expired" << 401;
        QTest::newRow("me after logout") << QByteArray("GET") << me << "revoked" << 401;
        QTest::newRow("me deactivated") << QByteArray("GET") << me << "deactivated" << 401;
        QTest::newRow("me desk") << QByteArray("GET") << me << "desk" << 200;
        QTest::newRow("staff list desk") << QByteArray("GET") << staffPath << "desk" << 403;
        QTest::newRow("staff list supervisor")
            << QByteArray("GET") << staffPath << "supervisor" << 403;
        QTest::newRow("staff list admin") << QByteArray("GET") << staffPath << "admin" << 200;
        QTest::newRow("staff list none") << QByteArray("GET") << staffPath << "none" << 401;
        QTest::newRow("bookings supervisor")
            << QByteArray("GET") << bookings << "supervisor" << 200;
        QTest::newRow("bookings desk") << QByteArray("GET") << bookings << "desk" << 200;
        QTest::newRow("bookings none") << QByteArray("GET") << bookings << "none" << 401;
        QTest::newRow("bookings expired") << QByteArray("GET") << bookings << "expired" << 401;
        QTest::newRow("check-in supervisor")
            << QByteArray("POST") << checkIn << "supervisor" << 403;
        QTest::newRow("check-in desk (unknown code)")
            << QByteArray("POST") << checkIn << "desk" << 404;
        QTest::newRow("publish centre desk") << QByteArray("PUT") << centre << "desk" << 403;
        QTest::newRow("publish centre supervisor")
            << QByteArray("PUT") << centre << "supervisor" << 403;
        QTest::newRow("publish centre none") << QByteArray("PUT") << centre << "none" << 401;
        QTest::newRow("publish slots desk") << QByteArray("POST") << slots << "desk" << 403;
        QTest::newRow("audit desk")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit") << "desk" << 403;
        QTest::newRow("audit supervisor")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit") << "supervisor" << 200;
        QTest::newRow("logout none")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/logout") << "none" << 401;
    }

    void authAndRoles() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, who);
        QFETCH(int, status);
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        createUser(QStringLiteral("super1"), QStringLiteral("supervisor"), supervisorPassword);
        QString token;
        if (who == u"admin") {
            token = m_admin;
        } else if (who == u"desk") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
        } else if (who == u"supervisor") {
            token = m_http->login(QStringLiteral("super1"), supervisorPassword);
        } else if (who == u"garbage") {
            token = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        } else if (who == u"expired") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), token).status, 200);
            m_fx->clock.advance(12 * 3600); // exactly the default lifetime
        } else if (who == u"revoked") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http->call("POST", QStringLiteral("/api/v1/auth/logout"), {}, token).status,
                     204);
        } else if (who == u"deactivated") {
            token = m_http->login(QStringLiteral("desk1"), deskPassword);
            QCOMPARE(m_http
                         ->patch(QStringLiteral("/api/v1/staff/desk1"),
                                 {{QStringLiteral("active"), false}}, m_admin)
                         .status,
                     200);
        }
        QVERIFY(who == u"none" || !token.isEmpty());
        const QByteArray body = method == "GET" ? QByteArray() : QByteArrayLiteral("{}");
        const HttpReply answer = m_http->call(method, path, body, token);
        QCOMPARE(answer.status, status);
        if (status == 401) {
            QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
            QVERIFY(!answer.error().isEmpty());
        }
        if (status == 403)
            QCOMPARE(answer.error(), QStringLiteral("forbidden_role"));
    }

    void loginRateLimit() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const auto attempt = [this](const QString &login, const QString &password) {
            return m_http->post(
                QStringLiteral("/api/v1/auth/login"),
                {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
        };
        // Three free failures, then 1 s, 2 s, 4 s ... of backoff.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess %1").arg(i)).status,
                     401);
        QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess 3")).status, 401);
        HttpReply blocked = attempt(QStringLiteral("desk1"), deskPassword);
        QCOMPARE(blocked.status, 429); // even the right password waits
        QCOMPARE(blocked.header("Retry-After"), QByteArray("1"));
        m_fx->clock.advance(1);
        QCOMPARE(attempt(QStringLiteral("desk1"), QStringLiteral("guess 4")).status, 401);
        blocked = attempt(QStringLiteral("desk1"), deskPassword);
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.header("Retry-After"), QByteArray("2"));
        // Other logins from elsewhere are not affected by this login's record... but this
        // client address is: after 20 free failures in all, every login from it waits.
        m_fx->clock.advance(2);
        QCOMPARE(attempt(QStringLiteral("desk1"), deskPassword).status, 200);
        for (int i = 0; i < 20 - 5 + 1; ++i) // 20 free failures per address, this is the 21st
            QCOMPARE(attempt(QStringLiteral("nobody%1").arg(i), QStringLiteral("x")).status, 401);
        blocked = attempt(QStringLiteral("admin"), adminPassword);
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.header("Retry-After").toInt() >= 1);
        m_fx->clock.advance(blocked.header("Retry-After").toInt());
        QCOMPARE(attempt(QStringLiteral("admin"), adminPassword).status, 200);
    }

    void staffAccountRules() {
        const QString path = QStringLiteral("/api/v1/staff");
        HttpReply a = m_http->post(path,
                                   {{QStringLiteral("login"), QStringLiteral("Bad Login")},
                                    {QStringLiteral("role"), QStringLiteral("desk")},
                                    {QStringLiteral("password"), deskPassword}},
                                   m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("invalid_login"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), QStringLiteral("short")}},
                         m_admin);
        QCOMPARE(a.status, 422);
        QCOMPARE(a.error(), QStringLiteral("weak_password"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("chief")},
                          {QStringLiteral("password"), deskPassword}},
                         m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.field(), QStringLiteral("role"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("admin")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), deskPassword}},
                         m_admin);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.error(), QStringLiteral("login_taken"));
        a = m_http->call("POST", path, "{\"login\":", m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("malformed_json"));
        a = m_http->post(path,
                         {{QStringLiteral("login"), QStringLiteral("desk2")},
                          {QStringLiteral("role"), QStringLiteral("desk")},
                          {QStringLiteral("password"), deskPassword},
                          {QStringLiteral("is_root"), true}},
                         m_admin);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.error(), QStringLiteral("unknown_field"));
        // Nothing of the refused requests was stored.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_users")), 1);

        // The last admin stays an admin.
        a = m_http->patch(QStringLiteral("/api/v1/staff/admin"),
                          {{QStringLiteral("role"), QStringLiteral("desk")}}, m_admin);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.error(), QStringLiteral("last_admin"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin).status, 200);

        // A password change ends the account's sessions; the new password works.
        createUser(QStringLiteral("desk2"), QStringLiteral("desk"), deskPassword);
        const QString old = m_http->login(QStringLiteral("desk2"), deskPassword);
        QCOMPARE(m_http
                     ->patch(QStringLiteral("/api/v1/staff/desk2"),
                             {{QStringLiteral("password"), QStringLiteral("a new password!")}},
                             m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), old).status, 401);
        QVERIFY(m_http->login(QStringLiteral("desk2"), deskPassword).isEmpty());
        QVERIFY(
            !m_http->login(QStringLiteral("desk2"), QStringLiteral("a new password!")).isEmpty());
    }

    void createAdminFromTheCommandLine() {
        const QString db = m_fx->dir.file(QStringLiteral("bootstrap.db"));
        const QStringList common{
            QStringLiteral("--database"),      db,
            QStringLiteral("--key-file"),      m_fx->dir.file(QStringLiteral("bootstrap.key")),
            QStringLiteral("--password-hash"), QStringLiteral("minimal")};
        const auto run = [&](const QString &login, const QByteArray &stdinText) {
            QProcess process;
            process.start(QStringLiteral(SLOTDESK_SERVICE_BINARY),
                          QStringList{QStringLiteral("--create-admin"), login} + common);
            process.write(stdinText);
            process.closeWriteChannel();
            process.waitForFinished(60000);
            return std::make_pair(process.exitCode(),
                                  QString::fromUtf8(process.readAllStandardError()));
        };
        QCOMPARE(run(QStringLiteral("boss"), "a long enough password\n").first, 0);
        const auto again = run(QStringLiteral("boss"), "a long enough password\n");
        QCOMPARE(again.first, 1);
        QVERIFY2(again.second.contains(u"exists already"), qPrintable(again.second));
        const auto weak = run(QStringLiteral("boss2"), "short\n");
        QCOMPARE(weak.first, 1);
        QVERIFY2(weak.second.contains(u"10 to 1024"), qPrintable(weak.second));
        {
            QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("bootstrap-check"));
            check.setDatabaseName(db);
            QVERIFY(check.open());
            QSqlQuery q(check);
            QVERIFY(q.exec(QStringLiteral("SELECT login, role, password_hash FROM staff_users")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("boss"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("admin"));
            QVERIFY(q.value(2).toString().startsWith(u"$argon2id$"));
            QVERIFY(!q.next());
            q.finish();
            check.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bootstrap-check"));
    }
};

QTEST_GUILESS_MAIN(TestStaffAuth)
#include "TestStaffAuth.moc"

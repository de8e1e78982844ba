#include "service/ServiceConfig.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

// The front-door settings of slotdesk-service, from options and from the INI file.
class TestServiceConfig : public QObject {
    Q_OBJECT

    static bool parse(const QStringList &options, ServiceConfig *config, QString *error) {
        QString help;
        return ServiceConfig::fromArguments(
            QStringList{QStringLiteral("slotdesk-service")} + options, config, error, &help);
    }

private Q_SLOTS:
    void frontDoorOptions() {
        ServiceConfig config;
        QString error;
        QVERIFY2(parse({QStringLiteral("--head-timeout"), QStringLiteral("2.5"),
                        QStringLiteral("--body-timeout"), QStringLiteral("20"),
                        QStringLiteral("--idle-timeout"), QStringLiteral("90"),
                        QStringLiteral("--max-connections"), QStringLiteral("100"),
                        QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1"),
                        QStringLiteral("--trusted-proxy"), QStringLiteral("10.0.0.0/8")},
                       &config, &error),
                 qPrintable(error));
        QCOMPARE(config.headTimeoutMs, 2500);
        QCOMPARE(config.bodyTimeoutMs, 20000);
        QCOMPARE(config.idleTimeoutMs, 90000);
        QCOMPARE(config.maxConnections, 100);
        QCOMPARE(config.trustedProxies,
                 QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.0/8")}));
    }

    void defaults() {
        const ServiceConfig config;
        QCOMPARE(config.headTimeoutMs, 10000);
        QCOMPARE(config.bodyTimeoutMs, 30000);
        QCOMPARE(config.idleTimeoutMs, 60000);
        QCOMPARE(config.maxConnections, 4096);
        QVERIFY(config.trustedProxies.isEmpty());
    }

    void fileListOfProxies() {
        TempDir dir;
        const QString path = dir.file(QStringLiteral("service.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[service]\ntrusted-proxy=127.0.0.1, ::1, 192.0.2.0/24\nmax-connections=50\n");
        file.close();
        ServiceConfig config;
        QString error;
        QVERIFY2(ServiceConfig::applyFile(path, &config, &error), qPrintable(error));
        QCOMPARE(config.trustedProxies,
                 QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("::1"),
                              QStringLiteral("192.0.2.0/24")}));
        QCOMPARE(config.maxConnections, 50);
    }

    void badValuesAreRefused_data() {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("proxy name")
            << QStringList{QStringLiteral("--trusted-proxy"), QStringLiteral("proxy.lan")};
        QTest::newRow("zero connections")
            << QStringList{QStringLiteral("--max-connections"), QStringLiteral("0")};
        QTest::newRow("negative timeout")
            << QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("-1")};
        QTest::newRow("timeout text")
            << QStringList{QStringLiteral("--head-timeout"), QStringLiteral("soon")};
    }

    void badValuesAreRefused() {
        QFETCH(QStringList, options);
        ServiceConfig config;
        QString error;
        QVERIFY(!parse(options, &config, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServiceConfig)
#include "TestServiceConfig.moc"

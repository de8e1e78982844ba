#include "service/http/TrustedProxies.h"

#include <QTest>

using namespace slotdesk;

// Which client address a request is counted for: X-Forwarded-For read from the right, only
// through trusted proxies.
class TestTrustedProxies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clientAddress_data() {
        QTest::addColumn<QStringList>("proxies");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwarded");
        QTest::addColumn<QString>("client");
        const QStringList none;
        const QStringList local{QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.0/8")};
        QTest::newRow("no proxies")
            << none << "127.0.0.1" << QByteArray("203.0.113.5") << "127.0.0.1";
        QTest::newRow("untrusted peer")
            << local << "198.51.100.1" << QByteArray("203.0.113.5") << "198.51.100.1";
        QTest::newRow("trusted, no header") << local << "127.0.0.1" << QByteArray() << "127.0.0.1";
        QTest::newRow("trusted") << local << "127.0.0.1" << QByteArray("203.0.113.5")
                                 << "203.0.113.5";
        QTest::newRow("mapped peer")
            << local << "::ffff:127.0.0.1" << QByteArray("203.0.113.5") << "203.0.113.5";
        QTest::newRow("client-written hop on the left")
            << local << "127.0.0.1" << QByteArray("1.2.3.4, 203.0.113.5") << "203.0.113.5";
        QTest::newRow("chain of trusted proxies")
            << local << "127.0.0.1" << QByteArray("203.0.113.5, 10.1.2.3, 10.9.9.9")
            << "203.0.113.5";
        QTest::newRow("port and brackets")
            << local << "127.0.0.1" << QByteArray("[2001:db8::7]:4711, 10.1.1.1:80")
            << "2001:db8::7";
        QTest::newRow("garbage hop ends the walk")
            << local << "127.0.0.1" << QByteArray("203.0.113.5, nonsense, 10.1.1.1") << "10.1.1.1";
        QTest::newRow("all trusted")
            << local << "127.0.0.1" << QByteArray("10.1.1.1") << "10.1.1.1";
        QTest::newRow("v6 range") << QStringList{QStringLiteral("fd00::/8")} << "fd00::1"
                                  << QByteArray("2001:db8::1") << "2001:db8::1";
    }

    void clientAddress() {
        QFETCH(QStringList, proxies);
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwarded);
        QFETCH(QString, client);
        TrustedProxies trusted;
        QVERIFY(trusted.setProxies(proxies));
        QList<QByteArrayView> hops;
        const QList<QByteArray> parts = forwarded.split(',');
        for (const QByteArray &part : parts) {
            if (!forwarded.isEmpty())
                hops.append(part);
        }
        const QHostAddress result = proxies.isEmpty()
                                        ? QHostAddress(peer)
                                        : trusted.clientAddress(QHostAddress(peer), hops);
        QCOMPARE(result, QHostAddress(client));
    }

    void refusesWhatIsNoAddress() {
        TrustedProxies trusted;
        QString invalid;
        QVERIFY(!trusted.setProxies({QStringLiteral("10.0.0.1"), QStringLiteral("proxy.lan")},
                                    &invalid));
        QCOMPARE(invalid, QStringLiteral("proxy.lan"));
        QVERIFY(!trusted.setProxies({QStringLiteral("10.0.0.0/33")}, &invalid));
        QVERIFY(trusted.setProxies({QStringLiteral(" 10.0.0.0/8 "), QStringLiteral("::1")}));
        QVERIFY(trusted.isTrusted(QHostAddress(QStringLiteral("10.200.0.1"))));
        QVERIFY(!trusted.isTrusted(QHostAddress(QStringLiteral("11.0.0.1"))));
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "TestTrustedProxies.moc"

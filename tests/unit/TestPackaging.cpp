#include "service/ServiceConfig.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

QString generated(const QString &name) {
    return QDir(QStringLiteral(SLOTDESK_PACKAGING_DIR)).filePath(name);
}

QString readText(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The value of the first "Key=value" line of a unit or desktop file.
QString value(const QString &text, const QString &key) {
    const QRegularExpression line(u"^"_s % QRegularExpression::escape(key) % u"=(.*)$"_s,
                                  QRegularExpression::MultilineOption);
    return line.match(text).captured(1).trimmed();
}

} // namespace

// The packaging templates as CMake filled them in: the files the service and the desktop read
// must be accepted by the programs themselves, not only by the validators.
class TestPackaging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exampleConfigIsAccepted();
    void unitStartsTheServiceWithRealFlags();
    void unitIsHardened_data();
    void unitIsHardened();
    void desktopEntryNamesProgramAndIcon();
};

void TestPackaging::exampleConfigIsAccepted() {
    ServiceConfig config;
    QString error;
    QVERIFY2(ServiceConfig::applyFile(generated(u"slotdesk-service.conf"_s), &config, &error),
             qPrintable(error));
    QCOMPARE(config.listen, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config.port, quint16(8080));
    QCOMPARE(config.databasePath, u"/var/lib/slotdesk-service/slotdesk-service.db"_s);
    QCOMPARE(config.keyFile, u"/var/lib/slotdesk-service/slotdesk-service.key"_s);
    QVERIFY(!config.syncFull);
}

void TestPackaging::unitStartsTheServiceWithRealFlags() {
    const QString unit = readText(generated(u"slotdesk-service.service"_s));
    QVERIFY(!unit.isEmpty());
    QStringList arguments = value(unit, u"ExecStart"_s).split(u' ', Qt::SkipEmptyParts);
    QVERIFY(arguments.size() >= 3);
    QVERIFY(QDir::isAbsolutePath(arguments.constFirst()));
    QVERIFY(arguments.constFirst().endsWith(u"/slotdesk-service"));
    // The installed file does not exist here; its generated twin has the same content.
    const qsizetype config = arguments.indexOf(u"--config"_s);
    QVERIFY(config > 0);
    QVERIFY(arguments.value(config + 1).endsWith(u"/slotdesk/slotdesk-service.conf"));
    arguments[config + 1] = generated(u"slotdesk-service.conf"_s);
    ServiceConfig parsed;
    QString error;
    QString help;
    QVERIFY2(ServiceConfig::fromArguments(arguments, &parsed, &error, &help), qPrintable(error));
    QVERIFY(help.isEmpty());
    // The database lies in the unit's state directory, the only place the service may write.
    QVERIFY(
        parsed.databasePath.startsWith(u"/var/lib/"_s % value(unit, u"StateDirectory"_s) % u'/'));
    QCOMPARE(value(unit, u"WorkingDirectory"_s), u"/var/lib/"_s % value(unit, u"StateDirectory"_s));
    // Accepting never runs out of descriptors before the connection cap answers 503.
    QVERIFY(parsed.maxConnections >= 1024);
    QVERIFY(value(unit, u"LimitNOFILE"_s).toInt() >= 2 * parsed.maxConnections);
}

void TestPackaging::unitIsHardened_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dedicated user") << u"User"_s << u"slotdesk"_s;
    QTest::newRow("no new privileges") << u"NoNewPrivileges"_s << u"yes"_s;
    QTest::newRow("read-only system") << u"ProtectSystem"_s << u"strict"_s;
    QTest::newRow("no home") << u"ProtectHome"_s << u"yes"_s;
    QTest::newRow("private tmp") << u"PrivateTmp"_s << u"yes"_s;
    QTest::newRow("no devices") << u"PrivateDevices"_s << u"yes"_s;
    QTest::newRow("no capabilities") << u"CapabilityBoundingSet"_s << QString();
    QTest::newRow("state directory") << u"StateDirectory"_s << u"slotdesk-service"_s;
    QTest::newRow("clean stop") << u"KillSignal"_s << u"SIGTERM"_s;
}

void TestPackaging::unitIsHardened() {
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const QString unit = readText(generated(u"slotdesk-service.service"_s));
    QVERIFY2(unit.contains(
                 QRegularExpression(u"^"_s % key % u"="_s, QRegularExpression::MultilineOption)),
             qPrintable(key));
    QCOMPARE(value(unit, key), expected);
}

void TestPackaging::desktopEntryNamesProgramAndIcon() {
    const QString entry = readText(generated(u"io.slotdesk.Slotdesk.desktop"_s));
    QVERIFY(!entry.isEmpty());
    QCOMPARE(value(entry, u"Exec"_s), u"slotdesk"_s);
    QCOMPARE(value(entry, u"Icon"_s), u"io.slotdesk.Slotdesk"_s);
    QVERIFY(!value(entry, u"Comment[de]"_s).isEmpty());
    const QString metainfo = readText(generated(u"io.slotdesk.Slotdesk.metainfo.xml"_s));
    QVERIFY(metainfo.contains(u"<launchable type=\"desktop-id\">io.slotdesk.Slotdesk.desktop"));
    QVERIFY(metainfo.contains(u"<summary xml:lang=\"de\">"));
    QVERIFY(!metainfo.contains(u'@')); // every template variable was filled in
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "TestPackaging.moc"

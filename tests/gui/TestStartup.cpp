// What happens before the window: command line, data directory and language.
#include "resources/ResourcePaths.h"
#include "ui/shell/Language.h"
#include "ui/shell/SettingsKeys.h"
#include "ui/shell/StartupOptions.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace slotdesk;

namespace {

QList<QTranslator *> installedTranslators() {
    return qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
}

void removeTranslators() {
    for (QTranslator *t : installedTranslators()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

StartupOptions parse(const QStringList &args) {
    return parseStartupOptions(QStringList{QStringLiteral("slotdesk")} + args);
}

} // namespace

class TestStartup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SlotdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("slotdesk-startup-test"));
    }

    void init() { QSettings().clear(); }
    void cleanup() { removeTranslators(); }

    void resolvesLanguage_data() {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("systemLocale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en chosen on German system") << "en"
                                                    << "de_DE"
                                                    << "en";
        QTest::newRow("de chosen on English system") << "de"
                                                     << "en_US"
                                                     << "de";
        QTest::newRow("auto on German system") << "auto"
                                               << "de_DE"
                                               << "de";
        QTest::newRow("auto on US English system") << "auto"
                                                   << "en_US"
                                                   << "en";
        QTest::newRow("auto on British English system") << "auto"
                                                        << "en_GB"
                                                        << "en";
        QTest::newRow("auto on French system") << "auto"
                                               << "fr_FR"
                                               << "de";
        QTest::newRow("auto on C locale") << "auto"
                                          << "C"
                                          << "de";
        QTest::newRow("unknown choice counts as auto") << "xx"
                                                       << "de_AT"
                                                       << "de";
    }

    void resolvesLanguage() {
        QFETCH(QString, choice);
        QFETCH(QString, systemLocale);
        QFETCH(QString, expected);
        QCOMPARE(resolveLanguage(choice, QLocale(systemLocale)), expected);
    }

    void germanInstallsTheConsoleCatalogue() {
        const QString expected = translationsResourceDir() + QStringLiteral("/slotdesk_de.qm");
        QVERIFY(QFile::exists(expected));
        // An empty catalogue is refused; the lead fills slotdesk_de.ts at the end (a .qm without
        // a single message is a header of a few dozen bytes).
        if (QFileInfo(expected).size() < 64)
            QSKIP("slotdesk_de.qm holds no translations yet");
        QVERIFY(installLanguage(*qApp, QStringLiteral("de")));
        QTranslator *console = nullptr;
        QStringList files;
        for (QTranslator *t : installedTranslators()) {
            files.append(t->filePath());
            if (t->filePath() == expected)
                console = t;
        }
        QVERIFY2(console, qPrintable(files.join(u',')));
        QCOMPARE(console->language(), QStringLiteral("de_DE"));
        QVERIFY(!console->isEmpty());
    }

    void englishInstallsNothing() {
        QVERIFY(installLanguage(*qApp, QStringLiteral("en")));
        QVERIFY(installedTranslators().isEmpty());
    }

    void languageChoiceIsStored() {
        QCOMPARE(storedLanguageChoice(), QStringLiteral("auto"));
        storeLanguageChoice(QStringLiteral("en"));
        QCOMPARE(QSettings().value(settings::languageKey()).toString(), QStringLiteral("en"));
        QCOMPARE(storedLanguageChoice(), QStringLiteral("en"));
        // A hand-edited settings file with nonsense falls back to automatic.
        QSettings().setValue(settings::languageKey(), QStringLiteral("klingon"));
        QCOMPARE(storedLanguageChoice(), QStringLiteral("auto"));
    }

    void parsesOptions() {
        const StartupOptions run = parse({QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                                          QStringLiteral("--lang"), QStringLiteral("EN")});
        QCOMPARE(run.action, StartupOptions::Action::Run);
        QCOMPARE(run.dataDir, QStringLiteral("/tmp/x"));
        QCOMPARE(run.language, QStringLiteral("en"));

        const StartupOptions plain = parse({});
        QCOMPARE(plain.action, StartupOptions::Action::Run);
        QVERIFY(plain.dataDir.isEmpty());
        QVERIFY(plain.language.isEmpty());
        QVERIFY(plain.serviceUrl.isEmpty());
        QVERIFY(plain.login.isEmpty());

        const StartupOptions service =
            parse({QStringLiteral("--service"), QStringLiteral("https://slotdesk.example.de/"),
                   QStringLiteral("--login"), QStringLiteral(" anna ")});
        QCOMPARE(service.action, StartupOptions::Action::Run);
        QCOMPARE(service.serviceUrl, QStringLiteral("https://slotdesk.example.de"));
        QCOMPARE(service.login, QStringLiteral("anna"));
    }

    void helpAndVersionNeedNoWindow() {
        const StartupOptions help = parse({QStringLiteral("--help")});
        QCOMPARE(help.action, StartupOptions::Action::ShowHelp);
        QVERIFY(help.text.contains(QStringLiteral("--data-dir")));
        QVERIFY(help.text.contains(QStringLiteral("--lang")));
        QVERIFY(help.text.contains(QStringLiteral("--service")));
        QVERIFY(help.text.contains(QStringLiteral("SLOTDESK_PASSWORD")));
        QVERIFY(help.text.startsWith(QStringLiteral("Usage: ")));

        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        const StartupOptions version = parse({QStringLiteral("--version")});
        QCOMPARE(version.action, StartupOptions::Action::ShowVersion);
        QVERIFY(version.text.contains(QStringLiteral("9.8.7")));
    }

    void rejectsBadOptions_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")};
        QTest::newRow("missing value") << QStringList{QStringLiteral("--data-dir")};
        QTest::newRow("empty directory") << QStringList{QStringLiteral("--data-dir=")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("centres.csv")};
        QTest::newRow("service without scheme")
            << QStringList{QStringLiteral("--service"), QStringLiteral("slotdesk.example.de")};
        QTest::newRow("service with another scheme")
            << QStringList{QStringLiteral("--service"), QStringLiteral("ftp://example.de")};
        QTest::newRow("empty login")
            << QStringList{QStringLiteral("--login="), QStringLiteral("--service"),
                           QStringLiteral("http://127.0.0.1:8080")};
    }

    void rejectsBadOptions() {
        QFETCH(QStringList, args);
        const StartupOptions options = parse(args);
        QCOMPARE(options.action, StartupOptions::Action::Fail);
        QVERIFY(!options.text.isEmpty());
    }

    void createsTheDataDirectory() {
        QTemporaryDir dir;
        const QString nested = dir.filePath(QStringLiteral("a/b/slotdesk"));
        const DataLocation location = prepareDataLocation(nested);
        QVERIFY2(location.ok(), qPrintable(location.error));
        QVERIFY(QFileInfo(nested).isDir());
        QCOMPARE(location.databasePath, QDir(nested).filePath(QStringLiteral("slotdesk.sqlite")));
    }

    void defaultDataDirectoryIsTheAppDataLocation() {
        const DataLocation location = prepareDataLocation(QString());
        QVERIFY2(location.ok(), qPrintable(location.error));
        QCOMPARE(location.directory, QDir::cleanPath(QStandardPaths::writableLocation(
                                         QStandardPaths::AppDataLocation)));
        QVERIFY(location.databasePath.endsWith(QStringLiteral("/slotdesk.sqlite")));
        QVERIFY(QFileInfo(location.directory).isDir());
    }

    void reportsADirectoryThatCannotBeCreated() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A regular file stands where a directory would have to be created.
        const DataLocation location =
            prepareDataLocation(blocker.fileName() + QStringLiteral("/sub"));
        QVERIFY(!location.ok());
        QVERIFY(location.error.contains(QStringLiteral("sub")));
    }
};

QTEST_MAIN(TestStartup)
#include "TestStartup.moc"

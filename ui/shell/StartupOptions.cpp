#include "ui/shell/StartupOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct Startup {
    Q_DECLARE_TR_FUNCTIONS(Startup)
};

} // namespace

StartupOptions parseStartupOptions(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(Startup::tr(
        "Slotdesk console: centres, opening hours and appointments of test and vaccination "
        "centres."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        Startup::tr("Keep the database in <directory> instead of the user's data directory."),
        Startup::tr("directory"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        Startup::tr("Use <language> (de or en) for this run, regardless of the setting."),
        Startup::tr("language"));
    const QCommandLineOption service(
        QStringLiteral("service"),
        Startup::tr("Use the booking service at <url> for this run, regardless of the setting."),
        Startup::tr("url"));
    const QCommandLineOption login(
        QStringLiteral("login"),
        Startup::tr("Sign in to the service as <name>; the password is taken from the "
                    "environment variable SLOTDESK_PASSWORD, else asked for."),
        Startup::tr("name"));
    parser.addOption(dataDir);
    parser.addOption(lang);
    parser.addOption(service);
    parser.addOption(login);

    StartupOptions options;
    if (!parser.parse(arguments)) {
        options.action = StartupOptions::Action::Fail;
        options.text = parser.errorText();
        return options;
    }
    if (parser.isSet(help)) {
        options.action = StartupOptions::Action::ShowHelp;
        // Without a QCoreApplication the parser cannot know the program's name.
        options.text = parser.helpText().replace(
            QStringLiteral("<executable_name>"),
            QFileInfo(arguments.value(0, QStringLiteral("slotdesk"))).fileName());
        return options;
    }
    if (parser.isSet(version)) {
        options.action = StartupOptions::Action::ShowVersion;
        options.text =
            QCoreApplication::applicationName() % u' ' % QCoreApplication::applicationVersion();
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.action = StartupOptions::Action::Fail;
        options.text =
            Startup::tr("Unexpected argument: %1").arg(parser.positionalArguments().first());
        return options;
    }
    if (parser.isSet(lang)) {
        options.language = parser.value(lang).trimmed().toLower();
        if (options.language != u"de" && options.language != u"en") {
            options.action = StartupOptions::Action::Fail;
            options.text =
                Startup::tr("Unknown language \"%1\". Use de or en.").arg(parser.value(lang));
            return options;
        }
    }
    if (parser.isSet(service)) {
        const QUrl url(parser.value(service).trimmed());
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != u"http" && url.scheme() != u"https")) {
            options.action = StartupOptions::Action::Fail;
            options.text =
                Startup::tr("--service needs an address such as https://slotdesk.example.de, "
                            "not \"%1\".")
                    .arg(parser.value(service));
            return options;
        }
        options.serviceUrl = url.toString();
        while (options.serviceUrl.endsWith(u'/'))
            options.serviceUrl.chop(1);
    }
    if (parser.isSet(login)) {
        options.login = parser.value(login).trimmed();
        if (options.login.isEmpty()) {
            options.action = StartupOptions::Action::Fail;
            options.text = Startup::tr("--login needs a name.");
            return options;
        }
    }
    if (parser.isSet(dataDir)) {
        options.dataDir = parser.value(dataDir);
        if (options.dataDir.trimmed().isEmpty()) {
            options.action = StartupOptions::Action::Fail;
            options.text = Startup::tr("--data-dir needs a directory.");
        }
    }
    return options;
}

DataLocation prepareDataLocation(const QString &requestedDir) {
    DataLocation location;
    const QString base = requestedDir.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                             : requestedDir;
    if (base.isEmpty()) {
        location.error =
            Startup::tr("No data directory is known for this user. Start Slotdesk with "
                        "--data-dir and a directory you can write to.");
        return location;
    }
    location.directory = QDir::cleanPath(QFileInfo(base).absoluteFilePath());
    location.databasePath = QDir(location.directory).filePath(QStringLiteral("slotdesk.sqlite"));
    if (!QDir().mkpath(location.directory) || !QFileInfo(location.directory).isDir())
        location.error =
            Startup::tr("The data directory \"%1\" could not be created. Check that the "
                        "path is correct and that you may write there, or choose another "
                        "directory with --data-dir.")
                .arg(QDir::toNativeSeparators(location.directory));
    return location;
}

} // namespace slotdesk

#include "ui/shell/ConsoleApplication.h"

#include "models/core/Clock.h"
#include "models/store/ConsoleStore.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "ui/MainWindow.h"
#include "ui/connection/ConsoleConnection.h"
#include "ui/shell/Language.h"
#include "ui/shell/StartupOptions.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>

namespace slotdesk {

namespace {

constexpr int kUsageError = 2;
constexpr int kStartError = 1;

// A named context that lupdate sees, so the .ts entries match what runs.
struct Startup {
    Q_DECLARE_TR_FUNCTIONS(Startup)
};

void printTo(FILE *stream, const QString &text) {
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

} // namespace

int runConsole(int &argc, char **argv) {
    QApplication::setOrganizationName(QStringLiteral("Slotdesk"));
    QApplication::setApplicationName(QStringLiteral("slotdesk"));
    QApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));

    // --help and --version are answered before the QApplication exists, so they work without
    // a display; everything else is read from QApplication::arguments(), from which Qt has
    // removed its own options (-platform, -style ...).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (const StartupOptions early = parseStartupOptions(arguments);
        early.action == StartupOptions::Action::ShowHelp ||
        early.action == StartupOptions::Action::ShowVersion) {
        printTo(stdout, early.text);
        return 0;
    }

    QApplication app(argc, argv);
    // Lets the desktop match the window to the installed .desktop entry (icon, name).
    QGuiApplication::setDesktopFileName(QStringLiteral(SLOTDESK_APP_ID));
    const StartupOptions options = parseStartupOptions(QApplication::arguments());
    if (options.action != StartupOptions::Action::Run) {
        printTo(options.action == StartupOptions::Action::Fail ? stderr : stdout, options.text);
        return options.action == StartupOptions::Action::Fail ? kUsageError : 0;
    }

    const QString language = options.language.isEmpty() ? resolveLanguage(storedLanguageChoice())
                                                        : resolveLanguage(options.language);
    installLanguage(app, language);
    QApplication::setApplicationDisplayName(Startup::tr("Slotdesk"));

    const DataLocation location = prepareDataLocation(options.dataDir);
    if (!location.ok()) {
        QMessageBox::critical(nullptr, Startup::tr("Slotdesk cannot start"), location.error);
        return kStartError;
    }

    // Read once and taken out of the environment, so no child process inherits it.
    const QString password = qEnvironmentVariable("SLOTDESK_PASSWORD");
    qunsetenv("SLOTDESK_PASSWORD");

    SystemClock clock;
    ConsoleStore store(location.databasePath, clock);
    Session session;
    ServiceClient client(session, clock);
    // Declared before the window: the local service child outlives it and ends last.
    ConsoleConnection connection(client, clock, location.directory);
    MainWindow window(store, clock);
    connection.attach(window);
    bool storeFailed = false;
    QObject::connect(&window, &MainWindow::storeOpenFailed, &app,
                     [&storeFailed] { storeFailed = true; });
    window.show();
    connection.begin({options.serviceUrl, options.login, password});
    const int code = QApplication::exec();
    return storeFailed ? kStartError : code;
}

} // namespace slotdesk

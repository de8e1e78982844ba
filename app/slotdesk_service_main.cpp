#include "models/core/Clock.h"
#include "service/ServiceConfig.h"
#include "service/SlotdeskService.h"
#include "service/staff/StaffSide.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

// Async-signal-safe: only write(2). The event loop picks the byte up and quits cleanly, so the
// database is closed properly on SIGTERM (systemd stop) and SIGINT (Ctrl+C).
void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app) {
    if (::pipe(signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

// Bootstrap of the first admin: opens (creates, migrates) the database like a normal start,
// on a throw-away loopback port, stores the account and exits.
int createAdmin(slotdesk::ServiceConfig config) {
    QString password = qEnvironmentVariable("SLOTDESK_ADMIN_PASSWORD");
    if (password.isEmpty())
        password = QTextStream(stdin).readLine();
    config.listen = QHostAddress::LocalHost;
    config.port = 0;
    slotdesk::SystemClock clock;
    slotdesk::SlotdeskService service(config, clock);
    QString error;
    if (!service.start(&error) ||
        !service.staff().createAdmin(config.createAdmin, password, &error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << QCoreApplication::translate("main", "Created the admin account \"%1\".")
                               .arg(config.createAdmin)
                        << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    // Qt's own event dispatcher instead of GLib's: GLib signals its wake-up eventfd whenever a
    // socket notifier is switched on or off, which Qt does around every buffered answer, two
    // write() calls per answer (measured with strace). The service is headless and needs
    // nothing from a GLib main loop. QT_NO_GLIB set to an empty value keeps GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("slotdesk-service"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));

    slotdesk::ServiceConfig config;
    QString error;
    QString help;
    if (!slotdesk::ServiceConfig::fromArguments(QCoreApplication::arguments(), &config, &error,
                                                &help)) {
        if (!help.isEmpty()) {
            QTextStream(stdout) << help;
            return 0;
        }
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }

    if (!config.createAdmin.isEmpty())
        return createAdmin(config);

    installSignalHandlers(app);
    slotdesk::SystemClock clock;
    slotdesk::SlotdeskService service(config, clock);
    if (!service.start(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    // Tests and scripts read this line to learn the port (with --port 0).
    QTextStream(stdout) << "listening on " << config.listen.toString() << ':' << service.port()
                        << Qt::endl;
    return app.exec();
}

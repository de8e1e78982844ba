#include "tests/bench/BenchOpening.h"
#include "tests/bench/BenchPublish.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

// release_bench publish --service PATH [--dir DIR] [--centres N] [--days N] [--services N]
//                       [--max-slots N] [--body-limit BYTES] [--runs N]
// release_bench opening --service PATH [--dir DIR] [--clients N] [--runs N] [--poll-ms N]
//                       [--lead N]
int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Publishes a year's slot plan to a real slotdesk-service as releases "
                       "(publish), or opens a release at an announced time while clients poll "
                       "(opening)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("publish or opening"));
    const auto option = [&parser](const char *name, const char *help, const char *fallback) {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(help),
                          QStringLiteral("value"), QString::fromLatin1(fallback)});
    };
    option("service", "Path of slotdesk-service.", "");
    option("dir", "Directory for the databases.", ".");
    option("runs", "Runs.", "1");
    option("centres", "publish: centres planned.", "25");
    option("days", "publish: days planned.", "365");
    option("services", "publish: vaccines per centre (1-4).", "3");
    option("max-slots", "publish: slots per release at most (1-10000).", "10000");
    option("body-limit", "publish: the service's --max-body-bytes.", "8388608");
    option("clients", "opening: polling clients.", "64");
    option("poll-ms", "opening: pause between a client's polls (0: none).", "100");
    option("lead", "opening: seconds from creating the release to its opening.", "3");
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    const QString service = parser.value(QStringLiteral("service"));
    if (service.isEmpty() || (mode != u"publish" && mode != u"opening")) {
        QTextStream(stderr) << "usage: release_bench publish|opening --service PATH (see --help)"
                            << Qt::endl;
        return 2;
    }
    const auto number = [&parser](const char *name) {
        return parser.value(QString::fromLatin1(name)).toInt();
    };
    if (mode == u"publish") {
        slotdesk::bench::PublishOptions options;
        options.servicePath = service;
        options.directory = parser.value(QStringLiteral("dir"));
        options.plan.centres = std::max(1, number("centres"));
        options.plan.days = std::clamp(number("days"), 1, 365);
        options.plan.services = std::clamp(number("services"), 1, 4);
        options.maxSlots = std::clamp(number("max-slots"), 1, 10000);
        options.bodyLimit = parser.value(QStringLiteral("body-limit")).toLongLong();
        options.runs = std::max(1, number("runs"));
        return slotdesk::bench::runPublish(options);
    }
    slotdesk::bench::OpeningOptions options;
    options.servicePath = service;
    options.directory = parser.value(QStringLiteral("dir"));
    options.clients = std::clamp(number("clients"), 1, 1000);
    options.runs = std::max(1, number("runs"));
    options.pollMs = std::max(0, number("poll-ms"));
    options.leadSeconds = std::clamp(number("lead"), 2, 60);
    return slotdesk::bench::runOpening(options);
}

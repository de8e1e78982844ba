#include "tests/bench/BenchLoad.h"
#include "tests/bench/BenchPrepare.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

// slotdesk-bench prepare --database FILE [--preload N] [--capacity N] [--race-capacity N]
// slotdesk-bench load --port P [--connections N] [--seconds S] [--mode book|race]
int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("prepare or load"));
    parser.addOptions({
        {QStringLiteral("database"), QStringLiteral("Database to create."), QStringLiteral("file")},
        {QStringLiteral("preload"), QStringLiteral("Stored bookings to write."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("capacity"), QStringLiteral("Places per bookable slot."),
         QStringLiteral("n"), QStringLiteral("2000")},
        {QStringLiteral("race-capacity"), QStringLiteral("Places of the race slot."),
         QStringLiteral("n"), QStringLiteral("10")},
        {QStringLiteral("port"), QStringLiteral("Service port."), QStringLiteral("port")},
        {QStringLiteral("connections"), QStringLiteral("Concurrent connections."),
         QStringLiteral("n"), QStringLiteral("64")},
        {QStringLiteral("seconds"), QStringLiteral("Duration of the booking load."),
         QStringLiteral("s"), QStringLiteral("10")},
        {QStringLiteral("mode"), QStringLiteral("book or race."), QStringLiteral("mode"),
         QStringLiteral("book")},
    });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    if (command == u"prepare") {
        slotdesk::bench::PrepareOptions options;
        options.database = parser.value(QStringLiteral("database"));
        options.preload = parser.value(QStringLiteral("preload")).toLongLong();
        options.capacity = parser.value(QStringLiteral("capacity")).toInt();
        options.raceCapacity = parser.value(QStringLiteral("race-capacity")).toInt();
        return slotdesk::bench::prepare(options) ? 0 : 1;
    }
    if (command == u"load") {
        slotdesk::bench::LoadOptions options;
        options.port = quint16(parser.value(QStringLiteral("port")).toUInt());
        options.connections = parser.value(QStringLiteral("connections")).toInt();
        options.seconds = parser.value(QStringLiteral("seconds")).toDouble();
        options.mode = parser.value(QStringLiteral("mode"));
        return slotdesk::bench::runLoad(options);
    }
    QTextStream(stderr) << parser.helpText();
    return 2;
}

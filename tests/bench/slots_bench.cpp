#include "tests/bench/BenchSlots.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

// slots_bench [--dir DIR] [--centres N] [--days N] [--services N] [--runs N]
int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generates a slot plan and stores it through the console's store, against "
                       "a plain bulk SQLite insert of the same rows."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("dir"), QStringLiteral("Directory for the databases."),
         QStringLiteral("dir"), QStringLiteral(".")},
        {QStringLiteral("centres"), QStringLiteral("Centres planned."), QStringLiteral("n"),
         QStringLiteral("25")},
        {QStringLiteral("days"), QStringLiteral("Days planned."), QStringLiteral("n"),
         QStringLiteral("365")},
        {QStringLiteral("services"), QStringLiteral("Services per centre (1-4)."),
         QStringLiteral("n"), QStringLiteral("3")},
        {QStringLiteral("runs"), QStringLiteral("Runs, alternating which insert goes first."),
         QStringLiteral("n"), QStringLiteral("1")},
    });
    parser.process(app);
    slotdesk::bench::SlotsOptions options;
    options.directory = parser.value(QStringLiteral("dir"));
    options.centres = std::max(1, parser.value(QStringLiteral("centres")).toInt());
    options.days = std::clamp(parser.value(QStringLiteral("days")).toInt(), 1, 731);
    options.services = parser.value(QStringLiteral("services")).toInt();
    options.runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    return slotdesk::bench::runSlots(options);
}

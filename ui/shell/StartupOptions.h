#pragma once

#include <QString>
#include <QStringList>

namespace slotdesk {

// What the command line asks for. Parsing never exits the process, so it can be tested.
struct StartupOptions {
    enum class Action { Run, ShowHelp, ShowVersion, Fail };
    Action action = Action::Run;
    QString dataDir;    // empty: the default data directory
    QString language;   // empty: the stored choice; otherwise "de" or "en" for this run only
    QString serviceUrl; // --service: the booking service for this run, instead of the settings
    QString login;      // --login: signs in as this account (password from SLOTDESK_PASSWORD)
    QString text;       // help or version text, or the error for Fail
};

// `arguments` includes the program name, as QCoreApplication::arguments().
StartupOptions parseStartupOptions(const QStringList &arguments);

// Where the console keeps its database. The directory is created when missing.
struct DataLocation {
    QString directory;
    QString databasePath; // <directory>/slotdesk.sqlite
    QString error;        // translated; empty when the directory is usable
    bool ok() const { return error.isEmpty(); }
};

// `requestedDir` empty means QStandardPaths::AppDataLocation (needs the organization and
// application names set first).
DataLocation prepareDataLocation(const QString &requestedDir);

} // namespace slotdesk

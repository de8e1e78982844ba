#pragma once

namespace slotdesk {

// Names the application (QSettings, QStandardPaths), reads the command line, creates the
// QApplication, installs the language, prepares the data directory and runs the main window
// until it closes. --help and --version need no display, so they are answered before the GUI
// starts. Returns the exit code: non-zero after any problem that kept the console from working.
int runConsole(int &argc, char **argv);

} // namespace slotdesk

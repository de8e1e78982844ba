#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/store/ConsoleStore.h"
#include "tests/gui/GuiTestHelpers.h"
#include "ui/MainWindow.h"

#include <QFuture>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class QWidget;

namespace slotdesk {
class CentreDialog;
}

namespace slotdesk::test {

// Every GUI suite runs with its own settings (QStandardPaths test mode) and starts empty.
void isolateSettings();

// A console (store + main window) on a database file in a temporary directory, with a fixed
// clock. The window can be torn down and started again on the same file ("restart").
class ConsoleFixture {
public:
    ConsoleFixture();
    ~ConsoleFixture();

    bool start(); // opens the window and waits until the store is open and the centres loaded
    void stop();  // destroys window and store, as quitting the console does
    QString databasePath() const { return m_dir.filePath(QStringLiteral("slotdesk.sqlite")); }

    MainWindow &window() { return *m_window; }
    ConsoleStore &store() { return *m_store; }
    FixedClock &clock() { return m_clock; }

    // Stores a centre directly (not through the UI), for set-up.
    Centre seed(const Centre &centre);
    // Reads the centres back through a second store on the same file.
    QList<Centre> readBack() const;

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<ConsoleStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

// The visible centre dialog, waiting for it to appear; nullptr after the timeout.
CentreDialog *waitForCentreDialog(QWidget *parent);

// Waits until `dialog` is hidden or deleted (the centre dialog deletes itself on close).
bool waitUntilClosed(QWidget *dialog);

// Types into the dialog's field `objectName` (a QLineEdit), replacing its text.
void typeInto(QWidget *dialog, const QString &objectName, const QString &text);
// Sets a spin box by typing.
void typeNumber(QWidget *dialog, const QString &objectName, int value);
// Ticks or unticks a service in the dialog's list with the space bar.
void toggleService(QWidget *dialog, const QString &code);
// Presses the dialog's OK button with the mouse.
void clickOk(QWidget *dialog);

} // namespace slotdesk::test

#pragma once

#include "net/Session.h"
#include "ui/centres/CentreOperations.h"
#include "ui/shell/UnsavedWorkGuard.h"

#include <QMainWindow>
#include <QUndoStack>

class QActionGroup;
class QListWidget;
class QProgressBar;
class QStackedWidget;

namespace slotdesk {

class CentresPage;
class ServiceClient;
class Clock;
class ConsoleStore;
class OpeningHoursPage;
class CheckInPage;
class SlotPlanPage;
enum class CsvKind;

// The console's window: a navigation sidebar over the pages, menus, one undo stack for all
// edits and a status bar for progress and store results. It opens the store asynchronously
// when constructed; the UI thread never waits for the disk.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Centres, OpeningHours, SlotRelease, CheckIn, LiveBookings };

    MainWindow(ConsoleStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    QUndoStack &undoStack() { return m_undoStack; }
    CentresPage *centresPage() const { return m_centresPage; }
    OpeningHoursPage *openingHoursPage() const { return m_hoursPage; }
    SlotPlanPage *slotPlanPage() const { return m_slotPlanPage; }
    CheckInPage *checkInPage() const { return m_checkInPage; }
    bool isStoreOpen() const { return m_storeOpen; }
    // Pages whose edits are not stored yet; closing the window asks about them first.
    UnsavedWorkGuard &unsavedWork() { return m_unsavedWork; }

    // The connection to the service (ui/connection/ConsoleConnection): its state in the status
    // bar, its actions at the top of the File menu and its settings in the Settings menu.
    void installConnection(QWidget *indicator, const QList<QAction *> &fileActions,
                           QAction *settingsAction);
    // The service for publishing centres and checking in; the client outlives the window.
    void installPublishing(ServiceClient &client);
    // Enables the pages and actions the signed-in role may use.
    void applyPermissions(const RolePermissions &permissions);

Q_SIGNALS:
    void storeOpened();
    // The database could not be opened; the window says so and closes once the user read it.
    void storeOpenFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildMenus();
    void buildLanguageMenu(QMenu *settings);
    void buildStatusBar();
    void openStore();
    void importCsv(CsvKind kind);
    void chooseLanguage(const QString &choice);
    void showAbout();
    void showError(const QString &message);
    void showInfo(const QString &message);
    void setPageBusy(const QObject *page, bool busy);
    void updateBusy();
    void restoreWindowState();
    void saveWindowState() const;

    ConsoleStore &m_store;
    const Clock &m_clock;
    QUndoStack m_undoStack;
    CentreOperations m_operations;
    UnsavedWorkGuard m_unsavedWork;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    CentresPage *m_centresPage = nullptr;
    OpeningHoursPage *m_hoursPage = nullptr;
    SlotPlanPage *m_slotPlanPage = nullptr;
    CheckInPage *m_checkInPage = nullptr;
    QProgressBar *m_busy = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    bool m_storeOpen = false;
    bool m_opening = false;
    QList<const QObject *> m_busyPages;
    bool m_closeApproved = false;
};

} // namespace slotdesk

#include "ui/MainWindow.h"

#include "models/store/ConsoleStore.h"
#include "ui/centres/CentrePublisher.h"
#include "ui/centres/CentresPage.h"
#include "ui/checkin/CheckInPage.h"
#include "ui/csv/CsvImportDialog.h"
#include "ui/hours/OpeningHoursPage.h"
#include "ui/release/SlotPlanPage.h"
#include "ui/shell/ComingSoonPage.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/Language.h"
#include "ui/shell/PageHeader.h"
#include "ui/shell/SettingsKeys.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kInfoTimeoutMs = 6000;
constexpr int kNavigationColumns = 26; // average characters across the sidebar
constexpr int kSidebarMargin = 10;
constexpr qreal kBrandScale = 1.4;
constexpr int kNavigationIconSize = 22;
constexpr int kBusyWidth = 120;
constexpr QSize kDefaultSize(1280, 800);

struct PageEntry {
    MainWindow::Page page;
    QString title;
    QStyle::StandardPixmap icon;
};

} // namespace

MainWindow::MainWindow(ConsoleStore &store, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_clock(clock)
    , m_operations(store) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Slotdesk"));
    buildPages();
    buildMenus();
    buildStatusBar();
    restoreWindowState();
    openStore();
}

MainWindow::~MainWindow() {
    // The pages may refer to the undo stack and the operations queue, which are members and
    // would otherwise die before the child widgets.
    m_undoStack.clear();
    delete takeCentralWidget();
}

void MainWindow::buildPages() {
    auto *central = new QWidget(this);
    m_navigation = new QListWidget(central);
    m_pages = new QStackedWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_pages->setObjectName(QStringLiteral("pages"));

    m_centresPage = new CentresPage(m_store, m_operations, m_undoStack, m_pages);
    m_hoursPage = new OpeningHoursPage(m_store, m_undoStack, m_clock, m_pages);
    m_hoursPage->setObjectName(QStringLiteral("openingHoursPage"));
    m_slotPlanPage = new SlotPlanPage(m_store, m_clock, m_pages);
    m_checkInPage = new CheckInPage(m_clock, m_pages);
    auto *live = new ComingSoonPage(
        tr("Live bookings"), tr("Follow bookings and free capacity as they happen."), m_pages);
    const QList<std::pair<QWidget *, PageEntry>> pages = {
        {m_centresPage, {Page::Centres, tr("Centres"), QStyle::SP_DirHomeIcon}},
        {m_hoursPage, {Page::OpeningHours, tr("Opening hours"), QStyle::SP_FileDialogDetailedView}},
        {m_slotPlanPage, {Page::SlotRelease, tr("Slot release"), QStyle::SP_FileDialogListView}},
        {m_checkInPage, {Page::CheckIn, tr("Check-in"), QStyle::SP_DialogApplyButton}},
        {live, {Page::LiveBookings, tr("Live bookings"), QStyle::SP_BrowserReload}},
    };

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *pageGroup = new QActionGroup(this);
    for (const auto &[widget, entry] : pages) {
        const int index = m_pages->addWidget(widget);
        const QKeySequence shortcut(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + index)));
        auto *item =
            new QListWidgetItem(style()->standardIcon(entry.icon), entry.title, m_navigation);
        item->setToolTip(QStringLiteral("%1 (%2)").arg(
            entry.title, shortcut.toString(QKeySequence::NativeText)));
        QAction *action = viewMenu->addAction(item->icon(), entry.title);
        action->setObjectName(QStringLiteral("showPage%1").arg(index + 1));
        action->setShortcut(shortcut);
        action->setCheckable(true);
        pageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, page = entry.page] { showPage(page); });
        connect(m_navigation, &QListWidget::currentRowChanged, action,
                [action, index](int row) { action->setChecked(row == index); });
    }

    m_navigation->setIconSize(QSize(kNavigationIconSize, kNavigationIconSize));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: palette(window); outline: 0; }"
        "QListWidget#navigation::item { padding: 7px 6px; margin: 1px 0; border-radius: 4px;"
        "  color: palette(window-text); }"
        "QListWidget#navigation::item:hover:!selected { background: palette(midlight); }"
        "QListWidget#navigation::item:selected { background: palette(highlight);"
        "  color: palette(highlighted-text); }"));
    m_pages->setContentsMargins(12, 8, 12, 0);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *brand = new QLabel(tr("Slotdesk"), central);
    brand->setObjectName(QStringLiteral("brand"));
    setHeadingFont(brand, kBrandScale);
    auto *tagline = new QLabel(tr("Test and vaccination centres"), central);
    tagline->setForegroundRole(QPalette::PlaceholderText);
    tagline->setWordWrap(true);
    auto *sidebar = new QWidget(central);
    // Measured in characters and never narrower than the longest page title, so a larger font
    // does not clip the titles.
    sidebar->setFixedWidth(std::max(fontMetrics().averageCharWidth() * kNavigationColumns,
                                    m_navigation->sizeHintForColumn(0) + 3 * kSidebarMargin));
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(kSidebarMargin, 14, kSidebarMargin, kSidebarMargin);
    sidebarLayout->setSpacing(2);
    sidebarLayout->addWidget(brand);
    sidebarLayout->addWidget(tagline);
    sidebarLayout->addSpacing(14);
    sidebarLayout->addWidget(m_navigation, 1);

    auto *divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(divider);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    setTabOrder(m_navigation, m_pages);

    connect(m_centresPage, &CentresPage::openingHoursRequested, this, [this](qint64 id) {
        showPage(Page::OpeningHours);
        m_hoursPage->showCentre(id);
    });
    connect(m_centresPage, &CentresPage::statusMessage, this, &MainWindow::showInfo);
    connect(m_centresPage, &CentresPage::errorMessage, this, &MainWindow::showError);
    connect(m_centresPage, &CentresPage::busyChanged, this,
            [this](bool busy) { setPageBusy(m_centresPage, busy); });
    connect(m_hoursPage, &OpeningHoursPage::statusMessage, this, &MainWindow::showInfo);
    connect(m_hoursPage, &OpeningHoursPage::errorMessage, this, &MainWindow::showError);
    connect(m_hoursPage, &OpeningHoursPage::busyChanged, this,
            [this](bool busy) { setPageBusy(m_hoursPage, busy); });
    m_unsavedWork.addPage(m_hoursPage, tr("Opening hours"));
    connect(&m_unsavedWork, &UnsavedWorkGuard::closeApproved, this, [this] {
        m_closeApproved = true;
        close();
    });
    connect(&m_unsavedWork, &UnsavedWorkGuard::saveFailed, this, [this](QWidget *page) {
        // The page marks what it refused; the window stays open on it.
        m_navigation->setCurrentRow(m_pages->indexOf(page));
    });
    connect(m_slotPlanPage, &SlotPlanPage::statusMessage, this, &MainWindow::showInfo);
    connect(m_slotPlanPage, &SlotPlanPage::errorMessage, this, &MainWindow::showError);
    connect(m_slotPlanPage, &SlotPlanPage::busyChanged, this,
            [this](bool busy) { setPageBusy(m_slotPlanPage, busy); });
    m_unsavedWork.addPage(m_slotPlanPage, tr("Slot plan"));
    connect(&m_operations, &CentreOperations::succeeded, this, &MainWindow::showInfo);
    connect(&m_operations, &CentreOperations::failed, this, &MainWindow::showError);
    connect(&m_operations, &CentreOperations::busyChanged, this, &MainWindow::updateBusy);
}

void MainWindow::buildMenus() {
    // The View menu was added with the pages; File and Edit belong before it.
    QAction *viewMenu = menuBar()->actions().value(0);
    auto *file = new QMenu(tr("&File"), this);
    auto *edit = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(viewMenu, file);
    menuBar()->insertMenu(viewMenu, edit);
    m_fileMenu = file;

    QAction *importCentres = file->addAction(tr("&Import centres…"));
    importCentres->setObjectName(QStringLiteral("importCentres"));
    connect(importCentres, &QAction::triggered, this, [this] { importCsv(CsvKind::Centres); });
    QAction *importHours = file->addAction(tr("Import &opening hours…"));
    importHours->setObjectName(QStringLiteral("importHours"));
    connect(importHours, &QAction::triggered, this, [this] { importCsv(CsvKind::OpeningHours); });
    file->addSeparator();
    QAction *exportCentres = file->addAction(tr("&Export centres…"));
    exportCentres->setObjectName(QStringLiteral("exportCentres"));
    connect(exportCentres, &QAction::triggered, this,
            [this] { exportCsv(m_store, CsvKind::Centres, this); });
    QAction *exportHours = file->addAction(tr("E&xport opening hours…"));
    exportHours->setObjectName(QStringLiteral("exportHours"));
    connect(exportHours, &QAction::triggered, this,
            [this] { exportCsv(m_store, CsvKind::OpeningHours, this); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quit"));
    // QKeySequence::Quit is empty on some platforms (Windows, offscreen); Ctrl+Q always works.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!quitKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcuts(quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QAction *undo = m_undoStack.createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_undoStack.createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    m_settingsMenu = menuBar()->addMenu(tr("&Settings"));
    buildLanguageMenu(m_settingsMenu);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Slotdesk"));
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildLanguageMenu(QMenu *settings) {
    QMenu *language = settings->addMenu(tr("&Language"));
    m_languageGroup = new QActionGroup(this);
    const QString current = storedLanguageChoice();
    // The language names are written in their own language, so they are found in either UI.
    const QList<std::pair<QString, QString>> choices = {
        {languageChoiceAuto(), tr("&Automatic (system language)")},
        {QStringLiteral("de"), QStringLiteral("&Deutsch")},
        {QStringLiteral("en"), QStringLiteral("&English")},
    };
    for (const auto &[choice, text] : choices) {
        QAction *action = language->addAction(text);
        action->setObjectName(QStringLiteral("language_") % choice);
        action->setCheckable(true);
        action->setChecked(choice == current);
        action->setData(choice);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, choice = choice] { chooseLanguage(choice); });
    }
}

void MainWindow::buildStatusBar() {
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(kBusyWidth);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    auto *database = new QLabel(QDir::toNativeSeparators(m_store.path()), this);
    database->setObjectName(QStringLiteral("databasePath"));
    database->setToolTip(tr("The database this console works on"));
    database->setForegroundRole(QPalette::PlaceholderText);
    statusBar()->addPermanentWidget(database);
}

void MainWindow::openStore() {
    m_opening = true;
    updateBusy();
    statusBar()->showMessage(tr("Opening the database…"));
    whenFinished(this, m_store.open(), [this](const StoreError &error) {
        m_opening = false;
        updateBusy();
        if (error) {
            const QString message =
                tr("The database \"%1\" could not be opened: %2\n\nSlotdesk will close now. "
                   "Check the file, or start Slotdesk with --data-dir and another directory.")
                    .arg(QDir::toNativeSeparators(m_store.path()), error.message);
            showError(error.message);
            auto *box = new QMessageBox(QMessageBox::Critical, tr("Database not available"),
                                        message, QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("storeErrorBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, this, &QWidget::close);
            box->open();
            Q_EMIT storeOpenFailed(message);
            return;
        }
        m_storeOpen = true;
        showInfo(tr("Database opened."));
        m_centresPage->reload();
        m_slotPlanPage->reload();
        Q_EMIT storeOpened();
    });
}

void MainWindow::showPage(Page page) {
    m_navigation->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::importCsv(CsvKind kind) {
    auto *chooser = new QFileDialog(
        this, kind == CsvKind::Centres ? tr("Import centres") : tr("Import opening hours"),
        QString(), tr("CSV files (*.csv *.txt);;All files (*)"));
    chooser->setObjectName(QStringLiteral("importFileDialog"));
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAcceptMode(QFileDialog::AcceptOpen);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this, kind](const QString &path) {
        auto *dialog = new CsvImportDialog(m_store, kind, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->loadFile(path);
        dialog->open();
    });
    chooser->open();
}

void MainWindow::chooseLanguage(const QString &choice) {
    if (choice == storedLanguageChoice())
        return;
    storeLanguageChoice(choice);
    const QString text = tr("The language changes the next time Slotdesk starts.");
    showInfo(text);
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Language"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("languageNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout() {
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("About Slotdesk"),
        tr("<h3>Slotdesk %1</h3><p>The console for test and vaccination centres: centres, "
           "opening hours, slot release, check-in and live bookings.</p>")
            .arg(QStringLiteral(SLOTDESK_VERSION)),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(windowIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showError(const QString &message) {
    // Errors stay until the next message, so they are not missed.
    statusBar()->showMessage(message);
}

void MainWindow::showInfo(const QString &message) {
    statusBar()->showMessage(message, kInfoTimeoutMs);
}

void MainWindow::setPageBusy(const QObject *page, bool busy) {
    m_busyPages.removeAll(page);
    if (busy)
        m_busyPages.append(page);
    updateBusy();
}

void MainWindow::updateBusy() {
    m_busy->setVisible(m_opening || !m_busyPages.isEmpty() || m_operations.isBusy());
}

void MainWindow::restoreWindowState() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(settings::windowGeometryKey()).toByteArray()))
        resize(kDefaultSize);
    restoreState(settings.value(settings::windowStateKey()).toByteArray());
}

void MainWindow::saveWindowState() const {
    QSettings settings;
    settings.setValue(settings::windowGeometryKey(), saveGeometry());
    settings.setValue(settings::windowStateKey(), saveState());
}

void MainWindow::installConnection(QWidget *indicator, const QList<QAction *> &fileActions,
                                   QAction *settingsAction) {
    statusBar()->insertPermanentWidget(0, indicator);
    QAction *first = m_fileMenu->actions().value(0);
    m_fileMenu->insertActions(first, fileActions);
    m_fileMenu->insertSeparator(first);
    m_settingsMenu->addAction(settingsAction);
}

void MainWindow::installPublishing(ServiceClient &client) {
    m_centresPage->setPublisher(new CentrePublisher(m_store, client, this));
    m_checkInPage->setClient(&client);
    m_slotPlanPage->setServiceClient(client);
}

void MainWindow::applyPermissions(const RolePermissions &permissions) {
    m_centresPage->setPublishAllowed(permissions.editCentres);
    m_slotPlanPage->setReleaseAllowed(permissions.releaseSlots);
    const QList<std::pair<Page, bool>> pages = {
        {Page::SlotRelease, permissions.releaseSlots},
        {Page::CheckIn, permissions.checkIn},
        {Page::LiveBookings, permissions.liveBookings},
    };
    for (const auto &[page, allowed] : pages) {
        const int row = static_cast<int>(page);
        if (QListWidgetItem *item = m_navigation->item(row))
            item->setFlags(allowed ? item->flags() | Qt::ItemIsEnabled
                                   : item->flags() & ~Qt::ItemIsEnabled);
        if (auto *action = findChild<QAction *>(QStringLiteral("showPage%1").arg(row + 1)))
            action->setEnabled(allowed);
        if (!allowed && currentPage() == page)
            showPage(Page::Centres);
    }
    for (const QString &name : {QStringLiteral("importCentres"), QStringLiteral("importHours")}) {
        if (auto *action = findChild<QAction *>(name))
            action->setEnabled(permissions.editCentres);
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!std::exchange(m_closeApproved, false) && m_unsavedWork.hasUnsavedWork()) {
        event->ignore();
        m_unsavedWork.askBeforeClosing(this);
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace slotdesk

// The window around the pages: navigation by mouse, keyboard and shortcuts, menus, the language
// setting, the saved window geometry, and what happens when the database cannot be opened.
#include "models/itemmodels/CentreTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "ui/centres/CentresPage.h"
#include "ui/checkin/CheckInPage.h"
#include "ui/hours/OpeningHoursPage.h"
#include "ui/release/SlotPlanPage.h"
#include "ui/shell/ComingSoonPage.h"
#include "ui/shell/SettingsKeys.h"

#include <QAction>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ConsoleFixture> m_console;

    MainWindow &window() { return m_console->window(); }
    QListWidget *navigation() {
        return window().findChild<QListWidget *>(QStringLiteral("navigation"));
    }
    QStackedWidget *pages() {
        return window().findChild<QStackedWidget *>(QStringLiteral("pages"));
    }
    QAction *action(const QString &name) { return window().findChild<QAction *>(name); }
    QStringList menuTitles() {
        QStringList titles;
        for (QAction *a : window().menuBar()->actions())
            titles.append(a->text());
        return titles;
    }
    template <typename T> T *waitForVisible(const QString &name) {
        return test::waitForVisible<T>(window(), name);
    }

    // A centre whose opening hours have an unsaved new interval, shown on the hours page.
    OpeningHoursPage *editHoursWithoutSaving(qint64 *centreId) {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        *centreId = seeded.id;
        window().showPage(MainWindow::Page::OpeningHours);
        OpeningHoursPage *page = window().openingHoursPage();
        page->showCentre(seeded.id);
        if (!QTest::qWaitFor(
                [&] { return page->currentCentre() == seeded.id && !page->isLoading(); }))
            return nullptr;
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("weeklyAddButton")),
                          Qt::LeftButton);
        return page->hasUnsavedChanges() ? page : nullptr;
    }
    OpeningHours storedHours(qint64 centreId) {
        return waitForResult(m_console->store().openingHours(centreId)).value;
    }

private Q_SLOTS:
    void initTestCase() { isolateSettings(); }

    void init() {
        QSettings().clear();
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }

    void cleanup() { m_console.reset(); }

    void navigationReachesEveryPage() {
        QCOMPARE(navigation()->count(), 5);
        QCOMPARE(pages()->count(), 5);
        QStringList comingSoon;
        for (int row = 0; row < navigation()->count(); ++row) {
            QListWidgetItem *item = navigation()->item(row);
            QTest::mouseClick(navigation()->viewport(), Qt::LeftButton, {},
                              navigation()->visualItemRect(item).center());
            QCOMPARE(pages()->currentIndex(), row);
            QVERIFY(pages()->currentWidget()->isVisible());
            if (qobject_cast<ComingSoonPage *>(pages()->currentWidget()))
                comingSoon.append(item->text());
        }
        // Only Live bookings may be a placeholder.
        QCOMPARE(comingSoon, (QStringList{QStringLiteral("Live bookings")}));
        QVERIFY(qobject_cast<CentresPage *>(pages()->widget(0)));
        QVERIFY(qobject_cast<OpeningHoursPage *>(pages()->widget(1)));
        QVERIFY(qobject_cast<SlotPlanPage *>(pages()->widget(2)));
        QVERIFY(qobject_cast<CheckInPage *>(pages()->widget(3)));
        QCOMPARE(window().findChildren<ComingSoonPage *>().size(), 1);
    }

    void shortcutsSwitchPages() {
        for (int i = 4; i >= 0; --i) {
            QTest::keyClick(&window(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(pages()->currentIndex(), i);
            QCOMPARE(navigation()->currentRow(), i);
        }
        QCOMPARE(window().currentPage(), MainWindow::Page::Centres);
    }

    void arrowKeysInSidebarSwitchPages() {
        navigation()->setFocus();
        QTRY_VERIFY(navigation()->hasFocus());
        QTest::keyClick(navigation(), Qt::Key_Down);
        QCOMPARE(window().currentPage(), MainWindow::Page::OpeningHours);
        QTest::keyClick(navigation(), Qt::Key_End);
        QCOMPARE(window().currentPage(), MainWindow::Page::LiveBookings);
        QTest::keyClick(navigation(), Qt::Key_Home);
        QCOMPARE(window().currentPage(), MainWindow::Page::Centres);
    }

    void menusOfferTheCommands() {
        QCOMPARE(menuTitles(), (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"),
                                            QStringLiteral("&View"), QStringLiteral("&Settings"),
                                            QStringLiteral("&Help")}));
        for (const char *name :
             {"importCentres", "importHours", "exportCentres", "exportHours", "quit", "undo",
              "redo", "about", "language_auto", "language_de", "language_en"})
            QVERIFY2(action(QString::fromLatin1(name)), name);
        QCOMPARE(action(QStringLiteral("undo"))->shortcuts(),
                 QKeySequence::keyBindings(QKeySequence::Undo));
        QCOMPARE(action(QStringLiteral("redo"))->shortcuts(),
                 QKeySequence::keyBindings(QKeySequence::Redo));
        // Ctrl+Q everywhere, besides whatever the platform binds to Quit.
        QVERIFY(action(QStringLiteral("quit"))
                    ->shortcuts()
                    .contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
        for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Quit))
            QVERIFY(action(QStringLiteral("quit"))->shortcuts().contains(key));
        // Nothing to undo yet.
        QVERIFY(!action(QStringLiteral("undo"))->isEnabled());
    }

    void aboutOpensAnAnswerableBox() {
        action(QStringLiteral("about"))->trigger();
        auto *box = waitForVisible<QMessageBox>(QStringLiteral("aboutBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral(SLOTDESK_VERSION)));
        QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!window().findChild<QMessageBox *>(QStringLiteral("aboutBox")));
    }

    void languageChoiceIsStoredForNextStart() {
        QVERIFY(action(QStringLiteral("language_auto"))->isChecked());
        action(QStringLiteral("language_en"))->trigger();
        QCOMPARE(QSettings().value(settings::languageKey()).toString(), QStringLiteral("en"));
        QVERIFY(action(QStringLiteral("language_en"))->isChecked());
        auto *notice = waitForVisible<QMessageBox>(QStringLiteral("languageNotice"));
        QVERIFY(notice);
        QTest::keyClick(notice, Qt::Key_Return);
        QTRY_VERIFY(!window().findChild<QMessageBox *>(QStringLiteral("languageNotice")));

        action(QStringLiteral("language_de"))->trigger();
        QCOMPARE(QSettings().value(settings::languageKey()).toString(), QStringLiteral("de"));

        // The next window shows the stored choice.
        m_console->stop();
        QVERIFY(m_console->start());
        QVERIFY(action(QStringLiteral("language_de"))->isChecked());
    }

    void geometryIsSavedOnClose() {
        QVERIFY(!QSettings().contains(settings::windowGeometryKey()));
        window().resize(1111, 777);
        window().close();
        QVERIFY(QSettings().contains(settings::windowGeometryKey()));
        QVERIFY(QSettings().contains(settings::windowStateKey()));
        m_console->stop();
        QVERIFY(m_console->start());
        QCOMPARE(window().size(), QSize(1111, 777));
    }

    void closingAsksAboutUnsavedHours_data() {
        QTest::addColumn<QMessageBox::StandardButton>("answer");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<bool>("stored");
        QTest::newRow("cancel keeps window and edits") << QMessageBox::Cancel << false << false;
        QTest::newRow("discard closes") << QMessageBox::Discard << true << false;
        QTest::newRow("save stores, then closes") << QMessageBox::Save << true << true;
    }

    void closingAsksAboutUnsavedHours() {
        QFETCH(QMessageBox::StandardButton, answer);
        QFETCH(bool, closes);
        QFETCH(bool, stored);
        qint64 id = 0;
        OpeningHoursPage *page = editHoursWithoutSaving(&id);
        QVERIFY(page);
        const OpeningHours edited = page->editedHours();
        QCOMPARE(edited.weekly.size(), 1);
        QVERIFY(window().unsavedWork().hasUnsavedWork());

        // Ctrl+Q, as the user quits.
        window().activateWindow();
        QTest::keyClick(&window(), Qt::Key_Q, Qt::ControlModifier);
        auto *box = waitForVisible<QMessageBox>(QStringLiteral("unsavedOnCloseBox"));
        QVERIFY(box);
        QVERIFY(window().isVisible());
        QVERIFY(box->text().contains(QStringLiteral("Opening hours")));
        QTest::mouseClick(box->button(answer), Qt::LeftButton);

        if (closes)
            QTRY_VERIFY(!window().isVisible());
        else
            QTest::qWait(50); // a close would have happened by now
        QCOMPARE(window().isVisible(), !closes);
        QCOMPARE(storedHours(id).weekly, stored ? edited.weekly : QList<WeeklyInterval>());
        if (!closes) {
            QCOMPARE(page->editedHours(), edited);
            QVERIFY(page->hasUnsavedChanges());
        }
    }

    void refusedSaveKeepsTheWindowOpen() {
        qint64 id = 0;
        OpeningHoursPage *page = editHoursWithoutSaving(&id);
        QVERIFY(page);
        // A closure that ends before it starts: validation refuses the save.
        auto *closures = page->findChild<QTableView *>(QStringLiteral("closuresTable"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("closuresAddButton")),
                          Qt::LeftButton);
        QVERIFY(editCell(closures, 0, 1, QStringLiteral("01.11.2026")));
        window().showPage(MainWindow::Page::Centres);

        QSignalSpy refused(page, &OpeningHoursPage::saveFinished);
        action(QStringLiteral("quit"))->trigger();
        auto *box = waitForVisible<QMessageBox>(QStringLiteral("unsavedOnCloseBox"));
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Save), Qt::LeftButton);
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(refused.first().first().toBool(), false);
        QTest::qWait(50);
        QVERIFY(window().isVisible());
        QCOMPARE(window().currentPage(), MainWindow::Page::OpeningHours);
        QVERIFY(page->hasUnsavedChanges());
        QVERIFY(storedHours(id).weekly.isEmpty());
    }

    void undoActionFollowsTheStack() {
        m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        auto *page = window().centresPage();
        QTRY_COMPARE(page->model()->rowCount(), 1);
        page->selectCentre(page->model()->centres().first().id);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("toggleActive")),
                          Qt::LeftButton);
        QVERIFY(action(QStringLiteral("undo"))->isEnabled());
        QVERIFY(!action(QStringLiteral("redo"))->isEnabled());
        QTRY_VERIFY(!m_console->readBack().first().active);
        action(QStringLiteral("undo"))->trigger();
        QVERIFY(action(QStringLiteral("redo"))->isEnabled());
        QTRY_VERIFY(m_console->readBack().first().active);
    }

    void unusableDatabaseIsReportedAndClosesTheWindow() {
        m_console.reset();
        // A directory where the database file should be: SQLite cannot open it.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("slotdesk.sqlite")));
        FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc()));
        ConsoleStore store(dir.filePath(QStringLiteral("slotdesk.sqlite")), clock);
        MainWindow broken(store, clock);
        QSignalSpy failed(&broken, &MainWindow::storeOpenFailed);
        QSignalSpy opened(&broken, &MainWindow::storeOpened);
        broken.show();
        QVERIFY(failed.wait());
        QCOMPARE(opened.size(), 0);
        QVERIFY(!broken.isStoreOpen());
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("slotdesk.sqlite")));

        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = broken.findChild<QMessageBox *>(QStringLiteral("storeErrorBox"))) &&
                    box->isVisible());
        QCOMPARE(box->icon(), QMessageBox::Critical);
        QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!broken.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

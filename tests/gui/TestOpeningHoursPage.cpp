// Drives the opening-hours page like a configurator: keyboard edits in the tables, the live
// week preview, Ctrl+S, validation messages next to the rows, undo/redo through the shared
// stack, and the DST weeks of the preview.
#include "models/core/Clock.h"
#include "models/store/ConsoleStore.h"
#include "tests/gui/GuiTestHelpers.h"
#include "tests/support/TestSupport.h"
#include "ui/hours/HoursTableModels.h"
#include "ui/hours/OpeningHoursPage.h"
#include "ui/hours/SaveHoursCommand.h"
#include "ui/hours/WeekPreview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateEdit>
#include <QDebug>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

// Wednesday 25 November 2026, 10:00 in Berlin.
QDateTime testNow() {
    return QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc());
}

struct Env {
    TempDir dir;
    FixedClock clock{testNow()};
    std::unique_ptr<ConsoleStore> store;
    QUndoStack undo;
    std::unique_ptr<OpeningHoursPage> page;

    Env() { store = std::make_unique<ConsoleStore>(dir.file(QStringLiteral("console.db")), clock); }
    qint64 addCentre(const QString &name) {
        const Stored<Centre> saved = waitForResult(store->saveCentre(sampleCentre(name)));
        if (saved.error)
            qWarning("saving the centre failed: %s", qPrintable(saved.error.message));
        return saved.error ? 0 : saved.value.id;
    }
    // Shows the page with `centreId` loaded.
    bool open(qint64 centreId) {
        page = std::make_unique<OpeningHoursPage>(*store, undo, clock);
        page->resize(1280, 640);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return false;
        // Shortcuts (Ctrl+S, Insert) need an active window; the first activation of the
        // process is sometimes dropped by the offscreen platform, so ask again.
        bool active = false;
        for (int attempt = 0; attempt < 5 && !active; ++attempt) {
            page->activateWindow();
            QApplication::setActiveWindow(page.get());
            active = QTest::qWaitForWindowActive(page.get(), 1000);
        }
        if (!active) {
            qWarning("the page did not become active");
            return false;
        }
        // The page loads the first centre by itself once the list arrives (which may happen
        // before this line); showCentre() switches to ours.
        page->showCentre(centreId);
        const bool ok = QTest::qWaitFor(
            [&] { return page->currentCentre() == centreId && !page->isLoading(); });
        if (!ok)
            qWarning() << "centre" << centreId << "not loaded; current" << page->currentCentre();
        return ok;
    }
    // A new centre without hours, shown on the page; 0 when that failed.
    qint64 openNewCentre() {
        const qint64 id = addCentre(QStringLiteral("Testzentrum Altstadt"));
        return id > 0 && open(id) ? id : 0;
    }
    // Adds a row to one of the lists ("weekly", "closures", "specialDays") with its button and
    // types the given cells into it, column by column (an empty text leaves the default).
    bool addRow(const QString &list, const QStringList &cells) {
        auto *view = child<QTableView>(list + QStringLiteral("Table"));
        QTest::mouseClick(child<QPushButton>(list + QStringLiteral("AddButton")), Qt::LeftButton);
        const int row = view->model()->rowCount() - 1;
        for (int column = 0; column < cells.size(); ++column) {
            if (!cells.at(column).isEmpty() && !editCell(view, row, column, cells.at(column)))
                return false;
        }
        return true;
    }
    template <typename T> T *child(const QString &name) const { return page->findChild<T *>(name); }
    template <typename T> T *child(const char *name) const {
        return child<T>(QString::fromLatin1(name));
    }
    OpeningHours stored(qint64 centreId) const {
        return waitForResult(store->openingHours(centreId)).value;
    }
    bool save() {
        QSignalSpy finished(page.get(), &OpeningHoursPage::saveFinished);
        QTest::keyClick(child<QTableView>("weeklyTable"), Qt::Key_S, Qt::ControlModifier);
        if (finished.isEmpty() && !finished.wait(5000))
            return false;
        return finished.constFirst().constFirst().toBool();
    }
};

// Saves on the undo stack (edits are commands too).
int saveCommands(const QUndoStack &stack) {
    int saves = 0;
    for (int i = 0; i < stack.count(); ++i)
        saves += dynamic_cast<const SaveHoursCommand *>(stack.command(i)) ? 1 : 0;
    return saves;
}

WeeklyInterval weekly(int weekday, int from, int to, bool isBreak = false) {
    return {weekday, {from * 60, to * 60}, isBreak};
}

} // namespace

class TestOpeningHoursPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tableModelsPassModelTester();
    void addIntervalUpdatesPreviewAndPersists();
    void undoAndRedoRestoreStoredHours();
    void undoTakesBackUnsavedEdits();
    void validationMarksRowAndStoresNothing_data();
    void validationMarksRowAndStoresNothing();
    void specialDayTypoIsExplained();
    void storeErrorKeepsEdits();
    void switchingCentreAsksAboutUnsavedEdits();
    void copyMondayFillsTheWorkingWeek();
    void previewShowsClosuresAndSpecialDays();
    void previewCountsRealHoursOnDstDays_data();
    void previewCountsRealHoursOnDstDays();
};

void TestOpeningHoursPage::tableModelsPassModelTester() {
    WeeklyRulesModel weeklyModel;
    ClosuresModel closures;
    SpecialDaysModel special;
    QAbstractItemModelTester weeklyTester(&weeklyModel,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester closuresTester(&closures,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester specialTester(&special,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);

    weeklyModel.setRows({weekly(1, 8, 12), weekly(1, 10, 11, true)});
    weeklyModel.appendRow(weekly(2, 8, 24));
    QCOMPARE(weeklyModel.index(2, WeeklyRulesModel::ToColumn).data().toString(),
             QStringLiteral("24:00"));
    // 00:00 as an end time is midnight at the end of the day.
    QVERIFY(weeklyModel.setData(weeklyModel.index(0, WeeklyRulesModel::ToColumn), QTime(0, 0),
                                Qt::EditRole));
    QCOMPARE(weeklyModel.rows().at(0).range.endMinute, 24 * 60);
    QVERIFY(!weeklyModel.setData(weeklyModel.index(0, WeeklyRulesModel::WeekdayColumn), 8,
                                 Qt::EditRole));
    weeklyModel.setRowErrors({{1, QStringLiteral("overlap")}});
    QCOMPARE(weeklyModel.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("overlap"));
    QVERIFY(
        weeklyModel.setData(weeklyModel.index(1, WeeklyRulesModel::KindColumn), 0, Qt::EditRole));
    QVERIFY(weeklyModel.rowErrors().isEmpty()); // editing the row clears its mark
    QVERIFY(weeklyModel.removeRows(0, 2));
    QCOMPARE(weeklyModel.rows(), QList<WeeklyInterval>({weekly(2, 8, 24)}));

    closures.appendRow({QDate(2026, 12, 24), QDate(2026, 12, 26), QStringLiteral("Weihnachten")});
    QVERIFY(closures.setData(closures.index(0, ClosuresModel::ReasonColumn),
                             QStringLiteral("  Feiertage "), Qt::EditRole));
    QCOMPARE(closures.rows().at(0).reason, QStringLiteral("Feiertage"));

    special.setSpecialDays({{QDate(2026, 12, 31), QStringLiteral("Silvester"), {{480, 720}}}});
    QCOMPARE(special.index(0, SpecialDaysModel::HoursColumn).data().toString(),
             QStringLiteral("08:00\u201312:00"));
    QVERIFY(special.setData(special.index(0, SpecialDaysModel::HoursColumn),
                            QStringLiteral("8 bis 12; 13:30-15"), Qt::EditRole));
    QList<int> unparsable;
    QCOMPARE(special.specialDays(&unparsable).at(0).open,
             QList<TimeRange>({{480, 720}, {810, 900}}));
    QVERIFY(unparsable.isEmpty());
    QVERIFY(special.setData(special.index(0, SpecialDaysModel::HoursColumn),
                            QStringLiteral("morgens"), Qt::EditRole));
    special.specialDays(&unparsable);
    QCOMPARE(unparsable, QList<int>{0});
    QCOMPARE(special.index(0, SpecialDaysModel::HoursColumn).data().toString(),
             QStringLiteral("morgens")); // kept as typed, to be corrected
}

void TestOpeningHoursPage::addIntervalUpdatesPreviewAndPersists() {
    Env env;
    const qint64 id = env.openNewCentre();
    QVERIFY(id > 0);
    auto *table = env.child<QTableView>("weeklyTable");
    auto *preview = env.child<WeekPreview>("weekPreview");
    QVERIFY(table && preview);
    // Fits next to the main window's sidebar on a 1024-pixel screen.
    QVERIFY2(env.page->minimumSizeHint().width() <= 780,
             qPrintable(QString::number(env.page->minimumSizeHint().width())));
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(preview->slots(0), 0);
    QVERIFY(!env.child<QPushButton>("saveButton")->isEnabled());

    auto *placeholder = env.child<QLabel>("weeklyPlaceholder");
    QVERIFY(placeholder->isVisible()); // the empty table says how to start
    saveScreenshot(env.page.get(), QStringLiteral("opening-hours-empty.png"));

    QTest::mouseClick(env.child<QPushButton>("weeklyAddButton"), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(!placeholder->isVisible());
    QVERIFY(editCell(table, 0, 1, QStringLiteral("07:30")));
    QVERIFY(editCell(table, 0, 2, QStringLiteral("16:00")));
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("07:30"));
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("16:00"));

    // 8.5 h of 15-minute slots, 2 lanes of 3 persons, before anything is stored.
    QCOMPARE(preview->openHours(0), 8.5);
    QCOMPARE(preview->slots(0), 34 * 6);
    QCOMPARE(preview->slots(1), 0);
    QVERIFY(env.page->hasUnsavedChanges());
    QVERIFY(env.child<QPushButton>("saveButton")->isEnabled());
    QVERIFY(env.stored(id).weekly.isEmpty());
    saveScreenshot(env.page.get(), QStringLiteral("opening-hours-page.png"));

    env.page->resize(env.page->minimumSizeHint().expandedTo(QSize(0, 600)));
    saveScreenshot(env.page.get(), QStringLiteral("opening-hours-page-narrow.png"));
    env.page->resize(1280, 640);

    QVERIFY(env.save());
    QVERIFY(!env.page->hasUnsavedChanges());
    QCOMPARE(saveCommands(env.undo), 1);

    // A fresh store on the same file reads what was saved.
    ConsoleStore reopened(env.store->path(), env.clock);
    const Stored<OpeningHours> again = waitForResult(reopened.openingHours(id));
    QVERIFY(again.error.ok());
    QCOMPARE(again.value.weekly, QList<WeeklyInterval>({{1, {7 * 60 + 30, 16 * 60}, false}}));
}

void TestOpeningHoursPage::undoAndRedoRestoreStoredHours() {
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    OpeningHours first;
    first.centreId = id;
    first.weekly = {weekly(1, 8, 12)};
    QVERIFY(waitForResult(env.store->saveOpeningHours(first)).ok());
    QVERIFY(env.open(id));
    auto *table = env.child<QTableView>("weeklyTable");
    QCOMPARE(table->model()->rowCount(), 1);

    // Afternoon on Monday: the new row continues after the morning.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Insert);
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(1, 1).data().toString(), QStringLiteral("13:00"));
    QVERIFY(editCell(table, 1, 2, QStringLiteral("18:00")));
    QVERIFY(env.save());
    const QList<WeeklyInterval> second = {weekly(1, 8, 12), weekly(1, 13, 18)};
    QCOMPARE(env.stored(id).weekly, second);

    env.undo.undo();
    QTRY_COMPARE(env.stored(id).weekly, first.weekly);
    QTRY_COMPARE(env.page->editedHours().weekly, first.weekly);
    QVERIFY(!env.page->hasUnsavedChanges());

    env.undo.redo();
    QTRY_COMPARE(env.stored(id).weekly, second);
    QTRY_COMPARE(env.page->editedHours().weekly, second);
}

void TestOpeningHoursPage::undoTakesBackUnsavedEdits() {
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    const qint64 other = env.addCentre(QStringLiteral("Testzentrum Neustadt"));
    OpeningHours stored;
    stored.centreId = id;
    stored.weekly = {weekly(1, 8, 12)};
    QVERIFY(waitForResult(env.store->saveOpeningHours(stored)).ok());
    QVERIFY(env.open(id));
    auto *table = env.child<QTableView>("weeklyTable");
    const int before = env.undo.count();

    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Insert); // Monday 13:00-17:00
    QVERIFY(editCell(table, 1, 2, QStringLiteral("18:00")));
    QTRY_COMPARE(env.undo.count(), before + 2);
    const QList<WeeklyInterval> edited = {weekly(1, 8, 12), weekly(1, 13, 18)};
    QCOMPARE(env.page->editedHours().weekly, edited);

    env.undo.undo();
    QCOMPARE(env.page->editedHours().weekly,
             QList<WeeklyInterval>({weekly(1, 8, 12), weekly(1, 13, 17)}));
    QCOMPARE(env.child<WeekPreview>("weekPreview")->openHours(0), 8.0);
    env.undo.undo();
    QCOMPARE(env.page->editedHours().weekly, stored.weekly);
    QVERIFY(!env.page->hasUnsavedChanges());
    env.undo.redo();
    env.undo.redo();
    QCOMPARE(env.page->editedHours().weekly, edited);
    QVERIFY(env.page->hasUnsavedChanges());

    // Revert by mistake: one undo brings the edits back.
    QTest::mouseClick(env.child<QPushButton>("revertButton"), Qt::LeftButton);
    QCOMPARE(env.page->editedHours().weekly, stored.weekly);
    env.undo.undo();
    QCOMPARE(env.page->editedHours().weekly, edited);
    QCOMPARE(env.stored(id).weekly, stored.weekly); // none of this was stored

    // Once the edits are discarded for another centre, their commands do nothing there and
    // leave the stack.
    QTest::mouseClick(env.child<QPushButton>("revertButton"), Qt::LeftButton);
    env.page->showCentre(other);
    QTRY_VERIFY(env.page->currentCentre() == other && !env.page->isLoading());
    const int stale = env.undo.count();
    env.undo.undo();
    QCOMPARE(env.page->currentCentre(), other);
    QVERIFY(env.page->editedHours().weekly.isEmpty());
    QCOMPARE(env.undo.count(), stale - 1);
}

void TestOpeningHoursPage::validationMarksRowAndStoresNothing_data() {
    QTest::addColumn<QString>("list");
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("edits"); // "table:row:column:text", applied in order

    QTest::newRow("end before start")
        << QStringLiteral("weekly") << 1
        << QStringList{QStringLiteral("weekly:add"), QStringLiteral("weekly:1:1:15:00"),
                       QStringLiteral("weekly:1:2:09:00")};
    QTest::newRow("overlapping intervals")
        << QStringLiteral("weekly") << 1
        << QStringList{QStringLiteral("weekly:add"), QStringLiteral("weekly:1:1:11:00"),
                       QStringLiteral("weekly:1:2:14:00")};
    QTest::newRow("new closure in the past")
        << QStringLiteral("closures") << 0
        << QStringList{QStringLiteral("closures:add"), QStringLiteral("closures:0:0:02.11.2026"),
                       QStringLiteral("closures:0:1:03.11.2026"),
                       QStringLiteral("closures:0:2:Umbau")};
}

void TestOpeningHoursPage::validationMarksRowAndStoresNothing() {
    QFETCH(QString, list);
    QFETCH(int, row);
    QFETCH(QStringList, edits);
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    OpeningHours original;
    original.centreId = id;
    original.weekly = {weekly(1, 8, 12)};
    QVERIFY(waitForResult(env.store->saveOpeningHours(original)).ok());
    QVERIFY(env.open(id));

    for (const QString &edit : std::as_const(edits)) {
        const QStringList parts = edit.split(u':');
        const QString table = parts.at(0);
        auto *view = env.child<QTableView>(table + QStringLiteral("Table"));
        QVERIFY(view);
        if (parts.at(1) == u"add") {
            // Adding starts on the Monday row, so a new weekly row is a Monday one.
            view->setCurrentIndex(view->model()->index(0, 0));
            QTest::mouseClick(env.child<QPushButton>(table + QStringLiteral("AddButton")),
                              Qt::LeftButton);
            continue;
        }
        QVERIFY2(editCell(view, parts.at(1).toInt(), parts.at(2).toInt(), parts.mid(3).join(u':')),
                 qPrintable(edit));
    }
    QVERIFY(env.page->hasUnsavedChanges());
    QVERIFY(!env.save());

    auto *view = env.child<QTableView>(list + QStringLiteral("Table"));
    auto *errors = env.child<QLabel>(list + QStringLiteral("Errors"));
    QVERIFY(errors->isVisibleTo(env.page.get()));
    QVERIFY(errors->text().startsWith(QStringLiteral("Row %1: ").arg(row + 1)));
    QVERIFY(view->model()->index(row, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!view->model()->index(row, 0).data(Qt::ToolTipRole).toString().isEmpty());
    // The list with the problem is shown, its tab marked.
    auto *tabs = env.child<QTabWidget>("hoursTabs");
    QVERIFY(tabs->currentWidget()->isAncestorOf(view));
    QVERIFY(!tabs->tabIcon(tabs->currentIndex()).isNull());
    saveScreenshot(env.page.get(),
                   QStringLiteral("opening-hours-validation-%1.png")
                       .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    // Nothing stored, nothing lost in the editor.
    QCOMPARE(env.stored(id), original);
    QVERIFY(env.page->hasUnsavedChanges());
    QCOMPARE(saveCommands(env.undo), 0);
}

void TestOpeningHoursPage::specialDayTypoIsExplained() {
    Env env;
    const qint64 id = env.openNewCentre();
    QVERIFY(id > 0);
    auto *view = env.child<QTableView>("specialDaysTable");
    QVERIFY(env.addRow(QStringLiteral("specialDays"),
                       {QStringLiteral("24.12.2026"), QStringLiteral("Heiligabend"),
                        QStringLiteral("8-12, 13 bis 15:30")}));
    QCOMPARE(view->model()->index(0, 2).data().toString(),
             QStringLiteral("08:00\u201312:00, 13:00\u201315:30"));
    QVERIFY(editCell(view, 0, 2, QStringLiteral("8 bis mittags")));
    QVERIFY(!env.save());
    QVERIFY(!env.child<QLabel>("specialDaysErrors")->text().isEmpty());
    QVERIFY(env.stored(id).specialDays.isEmpty());

    QVERIFY(editCell(view, 0, 2, QStringLiteral("08:00-12:00, 13:00-15:00")));
    QVERIFY(env.child<QLabel>("specialDaysErrors")->text().isEmpty());
    auto *tabs = env.child<QTabWidget>("hoursTabs");
    QVERIFY(tabs->tabIcon(tabs->currentIndex()).isNull());
    QVERIFY(env.save());
    const QList<SpecialDay> expected = {
        {QDate(2026, 12, 24), QStringLiteral("Heiligabend"), {{480, 720}, {780, 900}}}};
    QCOMPARE(env.stored(id).specialDays, expected);
}

void TestOpeningHoursPage::storeErrorKeepsEdits() {
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    // A closure stored in October, now in the past: history the page may keep.
    OpeningHours history;
    history.centreId = id;
    history.closures = {{QDate(2026, 11, 2), QDate(2026, 11, 3), QStringLiteral("Umbau")}};
    env.clock.set(QDateTime(QDate(2026, 10, 1), QTime(8, 0), QTimeZone::utc()));
    QVERIFY(waitForResult(env.store->saveOpeningHours(history)).ok());
    env.clock.set(testNow());
    QVERIFY(env.open(id));
    QCOMPARE(env.page->editedHours().closures, history.closures);
    // Another console removes that closure meanwhile; this page does not know yet, so its
    // closure is new to the store and in the past: the store refuses the save.
    {
        ConsoleStore other(env.store->path(), env.clock);
        OpeningHours cleared = history;
        cleared.closures.clear();
        QVERIFY(waitForResult(other.saveOpeningHours(cleared)).ok());
    }
    QTest::mouseClick(env.child<QPushButton>("weeklyAddButton"), Qt::LeftButton);
    const OpeningHours edited = env.page->editedHours();
    QSignalSpy errors(env.page.get(), &OpeningHoursPage::errorMessage);
    QVERIFY(!env.save());
    // The edits stay, the refused row is marked, nothing was stored or pushed.
    QCOMPARE(env.page->editedHours(), edited);
    QVERIFY(env.page->hasUnsavedChanges());
    QVERIFY(!errors.isEmpty());
    QVERIFY(!errors.constLast().constFirst().toString().isEmpty());
    QVERIFY(env.child<QLabel>("closuresErrors")->text().startsWith(QStringLiteral("Row 1: ")));
    QVERIFY(env.stored(id).weekly.isEmpty());
    QCOMPARE(saveCommands(env.undo), 0);
}

void TestOpeningHoursPage::switchingCentreAsksAboutUnsavedEdits() {
    Env env;
    const qint64 first = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    const qint64 second = env.addCentre(QStringLiteral("Testzentrum Neustadt"));
    QVERIFY(env.open(first));
    auto *combo = env.child<QComboBox>("centreCombo");
    QTRY_COMPARE(combo->count(), 2);
    QTest::mouseClick(env.child<QPushButton>("weeklyAddButton"), Qt::LeftButton);
    QVERIFY(env.page->hasUnsavedChanges());

    const auto answer = [&](QMessageBox::StandardButton button) {
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // the other centre
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&] {
                box = env.child<QMessageBox>("unsavedChangesBox");
                return box && box->isVisible();
            }))
            return false;
        QTest::mouseClick(box->button(button), Qt::LeftButton);
        return true;
    };
    QVERIFY(answer(QMessageBox::Cancel));
    QCOMPARE(env.page->currentCentre(), first);
    QCOMPARE(combo->currentData().toLongLong(), first);
    QVERIFY(env.page->hasUnsavedChanges());

    QTRY_VERIFY(!env.child<QMessageBox>("unsavedChangesBox"));
    QVERIFY(answer(QMessageBox::Save));
    QTRY_VERIFY(env.page->currentCentre() == second && !env.page->isLoading());
    QCOMPARE(env.stored(first).weekly.size(), 1);
    QVERIFY(!env.page->hasUnsavedChanges());
}

void TestOpeningHoursPage::copyMondayFillsTheWorkingWeek() {
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    OpeningHours hours;
    hours.centreId = id;
    hours.weekly = {weekly(1, 8, 12), weekly(1, 13, 17), weekly(3, 9, 10), weekly(6, 9, 12)};
    QVERIFY(waitForResult(env.store->saveOpeningHours(hours)).ok());
    QVERIFY(env.open(id));
    QTest::mouseClick(env.child<QPushButton>("copyMondayButton"), Qt::LeftButton);
    const QList<WeeklyInterval> rows = env.page->editedHours().weekly;
    QCOMPARE(rows.size(), 2 * 5 + 1);
    for (int day = 1; day <= 5; ++day) {
        QVERIFY(rows.contains(weekly(day, 8, 12)));
        QVERIFY(rows.contains(weekly(day, 13, 17)));
    }
    QVERIFY(!rows.contains(weekly(3, 9, 10)));
    QVERIFY(rows.contains(weekly(6, 9, 12)));
    auto *preview = env.child<WeekPreview>("weekPreview");
    for (int day = 0; day < 5; ++day)
        QCOMPARE(preview->openHours(day), 8.0);
}

void TestOpeningHoursPage::previewShowsClosuresAndSpecialDays() {
    Env env;
    const qint64 id = env.addCentre(QStringLiteral("Testzentrum Altstadt"));
    OpeningHours hours;
    hours.centreId = id;
    for (int day = 1; day <= 5; ++day)
        hours.weekly << weekly(day, 8, 12) << weekly(day, 13, 18);
    hours.weekly << WeeklyInterval{2, {10 * 60, 10 * 60 + 30}, true};
    hours.closures = {
        {QDate(2026, 11, 26), QDate(2026, 11, 26), QStringLiteral("Betriebsausflug")}};
    hours.specialDays = {{QDate(2026, 11, 28), QStringLiteral("Adventsmarkt"), {{540, 720}}}};
    QVERIFY(waitForResult(env.store->saveOpeningHours(hours)).ok());
    QVERIFY(env.open(id));

    auto *preview = env.child<WeekPreview>("weekPreview");
    QCOMPARE(preview->weekStart(), QDate(2026, 11, 23));
    const QList<DayPlan> plans = preview->plans();
    QCOMPARE(plans.at(0).status, DayStatus::Open);
    QCOMPARE(preview->openHours(0), 9.0);
    QCOMPARE(preview->openHours(1), 8.5); // the break on Tuesday
    QCOMPARE(plans.at(1).wallClock, QList<TimeRange>({{480, 600}, {630, 720}, {780, 1080}}));
    QCOMPARE(plans.at(3).status, DayStatus::ClosedByClosure);
    QCOMPARE(plans.at(3).note, QStringLiteral("Betriebsausflug"));
    QCOMPARE(preview->slots(3), 0);
    QCOMPARE(plans.at(5).status, DayStatus::SpecialHours);
    QCOMPARE(plans.at(5).note, QStringLiteral("Adventsmarkt"));
    QCOMPARE(preview->slots(5), 12 * 6);
    QCOMPARE(plans.at(6).status, DayStatus::Closed);
    QCOMPARE(preview->totalSlots(), (36 + 34 + 36 + 0 + 36 + 12 + 0) * 6);
    saveScreenshot(env.page.get(), QStringLiteral("opening-hours-week.png"));

    // The next week has no closure.
    QTest::mouseClick(env.child<QToolButton>("nextWeekButton"), Qt::LeftButton);
    QCOMPARE(preview->weekStart(), QDate(2026, 11, 30));
    QCOMPARE(preview->plans().at(3).status, DayStatus::Open);
}

void TestOpeningHoursPage::previewCountsRealHoursOnDstDays_data() {
    QTest::addColumn<QDate>("sunday");
    QTest::addColumn<double>("hours");
    // 01:00-04:00 on the Sunday of the change: the clock skips 02:00-03:00 in March and
    // repeats it in October.
    QTest::newRow("March, spring forward") << QDate(2026, 3, 29) << 2.0;
    QTest::newRow("October, fall back") << QDate(2026, 10, 25) << 4.0;
    QTest::newRow("ordinary Sunday") << QDate(2026, 11, 29) << 3.0;
}

void TestOpeningHoursPage::previewCountsRealHoursOnDstDays() {
    QFETCH(QDate, sunday);
    QFETCH(double, hours);
    Env env;
    const qint64 id = env.openNewCentre();
    QVERIFY(id > 0);
    QVERIFY(env.addRow(QStringLiteral("weekly"),
                       {QStringLiteral("Sun"), QStringLiteral("01:00"), QStringLiteral("04:00")}));
    QCOMPARE(env.page->editedHours().weekly, QList<WeeklyInterval>({weekly(7, 1, 4)}));

    auto *date = env.child<QDateEdit>("previewDate");
    // Tabbing in selects the day section; sections advance by themselves once complete.
    date->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(date, sunday.toString(QStringLiteral("ddMMyyyy")));
    QCOMPARE(date->date(), sunday);
    auto *preview = env.child<WeekPreview>("weekPreview");
    QCOMPARE(preview->weekStart(), sunday.addDays(-6));
    QCOMPARE(preview->plans().at(6).date, sunday);
    QCOMPARE(preview->plans().at(6).wallClock, QList<TimeRange>({{60, 240}}));
    QCOMPARE(preview->openHours(6), hours);
    // 15-minute slots for 2 lanes of 3 persons.
    QCOMPARE(preview->slots(6), qRound(hours * 4) * 6);
    if (sunday.month() == 3)
        saveScreenshot(env.page.get(), QStringLiteral("opening-hours-dst-march.png"));
}

QTEST_MAIN(TestOpeningHoursPage)
#include "TestOpeningHoursPage.moc"

#include "models/itemmodels/SlotPlanModel.h"
#include "models/rules/OpeningHoursRules.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/support/StoreSupport.h"
#include "ui/release/CalendarHeatmap.h"
#include "ui/release/SlotPlanPage.h"

#include <QAbstractScrollArea>
#include <QDateEdit>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

// Monday to Friday 08:00-18:00 with a lunch break, Saturday 09:00-13:00.
OpeningHours weekHours(qint64 centreId) {
    OpeningHours hours;
    hours.centreId = centreId;
    for (int day = 1; day <= 5; ++day) {
        hours.weekly.append({day, {8 * 60, 18 * 60}, false});
        hours.weekly.append({day, {12 * 60, 12 * 60 + 30}, true});
    }
    hours.weekly.append({6, {9 * 60, 13 * 60}, false});
    hours.closures.append(
        {QDate(2026, 12, 24), QDate(2026, 12, 26), QStringLiteral("Weihnachten")});
    return hours;
}

void typeDate(QDateEdit *edit, QDate date) {
    // Tabbing in selects the day section; sections advance by themselves once complete.
    edit->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(edit, date.toString(QStringLiteral("ddMMyyyy")));
}

} // namespace

class TestSlotPlanPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { isolateSettings(); }
    void init();
    void cleanup() { m_console.reset(); }

    void everyChildIsNamed();
    void calculateShowsTotalsAndSaves();
    void invertedRangeIsRefused();
    void nothingTickedIsRefused();
    void cancelWhileCalculating();
    void cancelledSaveStoresNothing();
    void heatmapByKeyboard();
    void closingAsksAboutAnUnsavedPlan();

private:
    template <typename T> T *child(const char *name) {
        T *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    void tickCentre(int row);
    bool calculate(QDate first, QDate last);

    std::unique_ptr<ConsoleFixture> m_console;
    SlotPlanPage *m_page = nullptr;
    QList<Centre> m_centres;
};

void TestSlotPlanPage::init() {
    m_console = std::make_unique<ConsoleFixture>();
    QVERIFY(m_console->start());
    m_centres.clear();
    for (const QString &name :
         {QStringLiteral("Testzentrum Mitte"), QStringLiteral("Testzentrum Pankow")}) {
        const Centre stored = m_console->seed(sampleCentre(name, 2, 3));
        QVERIFY(stored.id > 0);
        QVERIFY(waitForResult(m_console->store().saveOpeningHours(weekHours(stored.id))).ok());
        m_centres.append(stored);
    }
    m_console->window().resize(1280, 800);
    m_console->window().showPage(MainWindow::Page::SlotRelease);
    m_page = m_console->window().slotPlanPage();
    QVERIFY(m_page);
    QTRY_COMPARE(child<QListWidget>("planCentres")->count(), 2);
}

void TestSlotPlanPage::tickCentre(int row) {
    auto *list = child<QListWidget>("planCentres");
    list->setFocus();
    list->setCurrentRow(row);
    QTest::keyClick(list, Qt::Key_Space);
}

bool TestSlotPlanPage::calculate(QDate first, QDate last) {
    typeDate(child<QDateEdit>("planFirstDay"), first);
    typeDate(child<QDateEdit>("planLastDay"), last);
    QSignalSpy ready(m_page, &SlotPlanPage::planReady);
    QTest::mouseClick(child<QPushButton>("calculatePlan"), Qt::LeftButton);
    return ready.wait(15000);
}

void TestSlotPlanPage::everyChildIsNamed() {
    const QList<QWidget *> children = m_page->findChildren<QWidget *>();
    QVERIFY(children.size() > 15);
    for (QWidget *w : children) {
        // Widgets that Qt creates inside views, spin boxes and scroll areas are not ours.
        if (w->objectName().startsWith(QLatin1String("qt_")) ||
            qobject_cast<QAbstractScrollArea *>(w->parentWidget()) ||
            qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
            qobject_cast<QAbstractScrollArea *>(
                w->parentWidget() ? w->parentWidget()->parentWidget() : nullptr) ||
            w->inherits("QHeaderView") || w->inherits("QScrollBar") || w->inherits("QLineEdit") ||
            w->inherits("QCalendarPopup") || w->inherits("QMenu") ||
            w->inherits("QComboBoxPrivateContainer") || !w->isVisibleTo(m_page))
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestSlotPlanPage::calculateShowsTotalsAndSaves() {
    tickCentre(0);
    tickCentre(1);
    const QDate first(2026, 12, 1);
    const QDate last(2026, 12, 31);
    QVERIFY(calculate(first, last));

    // The totals are what the opening-hours rules give day by day (lanes 2 × 3 persons).
    qint64 slots = 0;
    for (QDate d = first; d <= last; d = d.addDays(1))
        slots += planDay(weekHours(1), d, 15, 6, berlinTimeZone()).slotsPerLane;
    slots *= 2; // two centres
    QCOMPARE(m_page->model()->total().slots, slots);
    QCOMPARE(m_page->model()->total().places, slots * 6);
    const QString totals = child<QLabel>("planTotals")->text();
    QVERIFY2(totals.contains(QLocale().toString(slots)), qPrintable(totals));
    QVERIFY2(totals.contains(QLocale().toString(slots * 6)), qPrintable(totals));
    QVERIFY(m_page->hasUnsavedChanges());
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()
                 ->data(m_page->model()->indexOf(QDate(2026, 12, 25)), SlotPlanModel::SlotsRole)
                 .toLongLong(),
             0); // closed for Christmas

    auto *save = child<QPushButton>("savePlan");
    QVERIFY(save->isEnabled());
    QSignalSpy saved(m_page, &SlotPlanPage::planSaved);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(15000));
    QVERIFY(!m_page->hasUnsavedChanges());
    QVERIFY(!save->isEnabled());
    const qint64 from = QDateTime(first, QTime(0, 0), berlinTimeZone()).toSecsSinceEpoch();
    const qint64 to = QDateTime(last.addDays(1), QTime(0, 0), berlinTimeZone()).toSecsSinceEpoch();
    qint64 stored = 0;
    for (const Centre &c : std::as_const(m_centres))
        stored += waitForResult(m_console->store().plannedSlotCount(c.id, from, to)).value;
    QCOMPARE(stored, slots);
}

void TestSlotPlanPage::invertedRangeIsRefused() {
    tickCentre(0);
    typeDate(child<QDateEdit>("planFirstDay"), QDate(2026, 12, 10));
    typeDate(child<QDateEdit>("planLastDay"), QDate(2026, 12, 1));
    QTest::mouseClick(child<QPushButton>("calculatePlan"), Qt::LeftButton);
    const QString message = child<QLabel>("planMessage")->text();
    QVERIFY2(message.contains(QStringLiteral("01.12.2026")) &&
                 message.contains(QStringLiteral("10.12.2026")),
             qPrintable(message));
    QVERIFY(!m_page->isBusy());
    QVERIFY(!m_page->model()->plan());
    QVERIFY(!child<QPushButton>("savePlan")->isEnabled());
}

void TestSlotPlanPage::nothingTickedIsRefused() {
    QTest::mouseClick(child<QPushButton>("calculatePlan"), Qt::LeftButton);
    QVERIFY(!m_page->isBusy());
    QVERIFY(!child<QLabel>("planMessage")->text().isEmpty());
    QVERIFY(!m_page->model()->plan());
}

void TestSlotPlanPage::cancelWhileCalculating() {
    tickCentre(0);
    QSignalSpy cancelled(m_page, &SlotPlanPage::cancelled);
    QSignalSpy ready(m_page, &SlotPlanPage::planReady);
    typeDate(child<QDateEdit>("planFirstDay"), QDate(2027, 1, 1));
    typeDate(child<QDateEdit>("planLastDay"), QDate(2028, 12, 31));
    QTest::mouseClick(child<QPushButton>("calculatePlan"), Qt::LeftButton);
    QVERIFY(m_page->isBusy());
    QVERIFY(child<QPushButton>("cancelPlan")->isEnabled());
    QVERIFY(!child<QPushButton>("calculatePlan")->isEnabled());
    QTest::mouseClick(child<QPushButton>("cancelPlan"), Qt::LeftButton);
    QTRY_COMPARE(cancelled.count(), 1);
    QVERIFY(!m_page->isBusy());
    QTest::qWait(200); // a late result would arrive now
    QCOMPARE(ready.count(), 0);
    QVERIFY(!m_page->model()->plan());
    QVERIFY(child<QPushButton>("calculatePlan")->isEnabled());
}

void TestSlotPlanPage::cancelledSaveStoresNothing() {
    tickCentre(0);
    QVERIFY(calculate(QDate(2027, 1, 1), QDate(2027, 6, 30)));
    // Another program holds the write lock, so the save waits until Cancel was pressed.
    RawConnection other(m_console->databasePath());
    QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QSignalSpy cancelled(m_page, &SlotPlanPage::cancelled);
    QTest::mouseClick(child<QPushButton>("savePlan"), Qt::LeftButton);
    QTRY_VERIFY(child<QProgressBar>("planProgress")->value() >= 1);
    QTest::mouseClick(child<QPushButton>("cancelPlan"), Qt::LeftButton);
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE(cancelled.count(), 1);
    QCOMPARE(countRows(other.db(), QStringLiteral("slots")), qint64(0));
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(child<QPushButton>("savePlan")->isEnabled());
}

void TestSlotPlanPage::heatmapByKeyboard() {
    tickCentre(1);
    QVERIFY(calculate(QDate(2026, 12, 1), QDate(2027, 1, 31)));
    QTableView *view = m_page->heatmap()->view();
    QCOMPARE(view->model()->rowCount(), 2);
    view->setFocus();
    QCOMPARE(view->currentIndex(), m_page->model()->indexOf(QDate(2026, 12, 1)));
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex(), m_page->model()->indexOf(QDate(2027, 1, 2)));
    // Saturday 2 January 2027: 09:00-13:00 in 15-minute slots, 6 places each.
    QCOMPARE(child<QLabel>("planCurrentDay")->text(),
             SlotPlanModel::describeDay(QDate(2027, 1, 2), {16, 96}));
    QCOMPARE(view->currentIndex().data(Qt::AccessibleTextRole).toString(),
             child<QLabel>("planCurrentDay")->text());
}

void TestSlotPlanPage::closingAsksAboutAnUnsavedPlan() {
    tickCentre(0);
    const QDate first(2026, 12, 1);
    QVERIFY(calculate(first, first.addDays(6)));
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(m_console->window().unsavedWork().hasUnsavedWork());
    QVERIFY(
        m_console->window().unsavedWork().unsavedTitles().contains(QStringLiteral("Slot plan")));
    m_console->window().close();
    auto *box =
        waitForVisible<QMessageBox>(m_console->window(), QStringLiteral("unsavedOnCloseBox"));
    QVERIFY(box);
    QVERIFY(m_console->window().isVisible());
    // Save: the plan is stored, then the window closes.
    box->button(QMessageBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->window().isVisible(), 15000);
    QVERIFY(!m_page->hasUnsavedChanges());
    const qint64 from = QDateTime(first, QTime(0, 0), berlinTimeZone()).toSecsSinceEpoch();
    const qint64 to = QDateTime(first.addDays(7), QTime(0, 0), berlinTimeZone()).toSecsSinceEpoch();
    QVERIFY(waitForResult(m_console->store().plannedSlotCount(m_centres.at(0).id, from, to)).value >
            0);
}

QTEST_MAIN(TestSlotPlanPage)
#include "TestSlotPlanPage.moc"

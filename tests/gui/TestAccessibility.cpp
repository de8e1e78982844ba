// Every page usable without a mouse and readable by a screen reader: each control has a name,
// Tab visits the page's main controls in reading order, error messages are tied to their
// fields, and what the week timeline shows only in tooltips is reachable from the keyboard.
#include "models/itemmodels/CentreTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentresPage.h"
#include "ui/hours/OpeningHoursPage.h"
#include "ui/hours/WeekTimeline.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolTip>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

// The name a screen reader announces: the accessible name, a button's text or the text of the
// label whose buddy the widget is.
QString spokenName(QWidget *widget) {
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// The control that owns keyboard focus (a spin box or combo box, not its inner line edit).
QWidget *focusOwner() {
    QWidget *w = QApplication::focusWidget();
    while (w && w->parentWidget() &&
           (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
            qobject_cast<QComboBox *>(w->parentWidget())))
        w = w->parentWidget();
    return w;
}

bool isTabStop(const QWidget *w) {
    if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
        return false;
    const QWidget *parent = w->parentWidget();
    return !(qobject_cast<const QAbstractSpinBox *>(parent) ||
             qobject_cast<const QComboBox *>(parent));
}

// A working week with a special day on Thursday of the fixture clock's week (23.-29.11.2026).
OpeningHours weekHours(qint64 centreId) {
    OpeningHours hours;
    hours.centreId = centreId;
    for (int day = 1; day <= 5; ++day)
        hours.weekly.append({day, {8 * 60, 16 * 60}, false});
    hours.specialDays.append(
        {QDate(2026, 11, 26), QStringLiteral("Betriebsversammlung"), {{8 * 60, 12 * 60}}});
    return hours;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ConsoleFixture> m_console;
    qint64 m_centreId = 0;

    MainWindow &window() { return m_console->window(); }
    QWidget *currentPage() {
        return window().findChild<QStackedWidget *>(QStringLiteral("pages"))->currentWidget();
    }
    void showPage(MainWindow::Page page) {
        window().showPage(page);
        if (page == MainWindow::Page::OpeningHours) {
            OpeningHoursPage *hours = window().openingHoursPage();
            hours->showCentre(m_centreId);
            QTRY_VERIFY(hours->currentCentre() == m_centreId && !hours->isLoading());
        }
        QTest::qWait(20);
    }
    // The object names of the widgets Tab reaches from `first`, `presses` times.
    QStringList tabWalk(QWidget *first, int presses) {
        first->setFocus(Qt::TabFocusReason);
        QStringList visited;
        if (!QTest::qWaitFor([&] { return focusOwner() == first; }, 2000))
            return visited;
        visited.append(first->objectName());
        for (int i = 0; i < presses; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            if (QWidget *w = focusOwner())
                visited.append(w->objectName());
        }
        return visited;
    }

private Q_SLOTS:
    void initTestCase() { isolateSettings(); }

    void init() {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
        m_centreId = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte"))).id;
        QVERIFY(m_centreId > 0);
        QVERIFY(waitForResult(m_console->store().saveOpeningHours(weekHours(m_centreId))).ok());
        CentresPage *centres = window().centresPage();
        QTRY_COMPARE(centres->model()->rowCount(), 1);
        centres->selectCentre(m_centreId);
    }

    void cleanup() { m_console.reset(); }

    void everyControlHasAName_data() {
        QTest::addColumn<MainWindow::Page>("page");
        QTest::newRow("centres") << MainWindow::Page::Centres;
        QTest::newRow("opening hours") << MainWindow::Page::OpeningHours;
        QTest::newRow("slot release") << MainWindow::Page::SlotRelease;
        QTest::newRow("check-in") << MainWindow::Page::CheckIn;
        QTest::newRow("live bookings") << MainWindow::Page::LiveBookings;
    }

    void everyControlHasAName() {
        QFETCH(MainWindow::Page, page);
        showPage(page);
        QStringList unnamed;
        int controls = 0;
        QList<QWidget *> widgets = currentPage()->findChildren<QWidget *>();
        widgets.append(window().findChild<QWidget *>(QStringLiteral("navigation")));
        for (QWidget *w : std::as_const(widgets)) {
            if (!isTabStop(w))
                continue;
            ++controls;
            if (spokenName(w).isEmpty())
                unnamed.append(w->objectName() % QStringLiteral(" (") %
                               QLatin1String(w->metaObject()->className()) % u')');
        }
        QVERIFY(controls >= 1);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
    }

    void tabOrderFollowsTheLayout_data() {
        QTest::addColumn<MainWindow::Page>("page");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("centres") << MainWindow::Page::Centres
                                 << QStringList{QStringLiteral("addCentre"),
                                                QStringLiteral("editCentre"),
                                                QStringLiteral("toggleActive"),
                                                QStringLiteral("editHours"),
                                                QStringLiteral("centreSearch"),
                                                QStringLiteral("showInactive"),
                                                QStringLiteral("centreTable")};
        QTest::newRow("opening hours")
            << MainWindow::Page::OpeningHours
            << QStringList{
                   QStringLiteral("centreCombo"),      QStringLiteral("qt_tabwidget_tabbar"),
                   QStringLiteral("weeklyTable"),      QStringLiteral("weeklyAddButton"),
                   QStringLiteral("copyMondayButton"), QStringLiteral("previousWeekButton"),
                   QStringLiteral("previewDate"),      QStringLiteral("nextWeekButton"),
                   QStringLiteral("todayButton"),      QStringLiteral("weekTimeline")};
    }

    void tabOrderFollowsTheLayout() {
        QFETCH(MainWindow::Page, page);
        QFETCH(QStringList, expected);
        showPage(page);
        auto *first = currentPage()->findChild<QWidget *>(expected.first());
        QVERIFY(first);
        const QStringList visited = tabWalk(first, 3 * int(expected.size()));
        // The expected controls appear in this order (others, e.g. a date's sections, between).
        qsizetype next = 0;
        for (const QString &name : visited) {
            if (next < expected.size() && name == expected.at(next))
                ++next;
        }
        QVERIFY2(next == expected.size(),
                 qPrintable(QStringLiteral("visited: ") + visited.join(u", ") +
                            QStringLiteral("; missing from: ") + expected.value(next)));
    }

    void timelineDaysAreReachableByKeyboard() {
        showPage(MainWindow::Page::OpeningHours);
        auto *timeline = currentPage()->findChild<WeekTimeline *>(QStringLiteral("weekTimeline"));
        QVERIFY(timeline);
        QVERIFY(timeline->focusPolicy() & Qt::TabFocus);
        timeline->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(timeline->hasFocus());
        QSignalSpy moved(timeline, &WeekTimeline::currentDayChanged);

        QTest::keyClick(timeline, Qt::Key_Home);
        QCOMPARE(timeline->currentDay(), 0);
        QTest::keyClick(timeline, Qt::Key_Down);
        QTest::keyClick(timeline, Qt::Key_Down);
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(timeline->currentDay(), 3); // Thursday, the special day
        QCOMPARE(moved.size(), 3);
        const QString thursday = timeline->accessibleDescription();
        QVERIFY2(thursday.contains(QLocale().toString(QDate(2026, 11, 26), QLocale::LongFormat)),
                 qPrintable(thursday));
        QVERIFY(thursday.contains(QStringLiteral("Betriebsversammlung")));
        QVERIFY(thursday.contains(QStringLiteral("08:00")));
        QCOMPARE(thursday, timeline->dayText(3));
        QTRY_COMPARE(QToolTip::text(), thursday);

        QTest::keyClick(timeline, Qt::Key_End);
        QCOMPARE(timeline->currentDay(), 6);
        QVERIFY(timeline->accessibleDescription().contains(WeekTimeline::statusText({})));
        QTest::keyClick(timeline, Qt::Key_Down); // stays on Sunday
        QCOMPARE(timeline->currentDay(), 6);
    }

    void errorMessagesAreTiedToTheirFields() {
        CentresPage *centres = window().centresPage();
        centres->addCentre();
        CentreDialog *dialog = waitForCentreDialog(centres);
        QVERIFY(dialog);
        typeInto(dialog, QStringLiteral("postcode"), QStringLiteral("1405"));
        clickOk(dialog);
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("postcodeError"));
        QVERIFY(error);
        QTRY_VERIFY(error->isVisible());
        auto *field = dialog->findChild<QWidget *>(QStringLiteral("postcode"));
        QCOMPARE(error->buddy(), field);
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(field->accessibleDescription(), error->text());
        // Corrected (the name is still missing): the description goes with the message.
        typeInto(dialog, QStringLiteral("postcode"), QStringLiteral("14055"));
        clickOk(dialog);
        QTRY_VERIFY(!error->isVisible());
        QVERIFY(field->accessibleDescription().isEmpty());
        QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("name"))
                     ->accessibleDescription()
                     .isEmpty());
    }
};

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"

#include "tests/gui/ConsoleFixture.h"

#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentresPage.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

namespace slotdesk::test {

namespace {

constexpr int kTimeoutMs = 10000;

} // namespace

void isolateSettings() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SlotdeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("slotdesk-gui-test"));
    QSettings().clear();
}

ConsoleFixture::ConsoleFixture()
    : m_clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc())) {}

ConsoleFixture::~ConsoleFixture() {
    stop();
}

bool ConsoleFixture::start() {
    m_store = std::make_unique<ConsoleStore>(databasePath(), m_clock);
    m_window = std::make_unique<MainWindow>(*m_store, m_clock);
    QSignalSpy opened(m_window.get(), &MainWindow::storeOpened);
    QSignalSpy loaded(m_window->centresPage(), &CentresPage::loaded);
    m_window->show();
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    return (opened.size() > 0 || opened.wait(kTimeoutMs)) &&
           (loaded.size() > 0 || loaded.wait(kTimeoutMs));
}

void ConsoleFixture::stop() {
    m_window.reset();
    m_store.reset();
}

Centre ConsoleFixture::seed(const Centre &centre) {
    const Stored<Centre> stored = waitForResult(m_store->saveCentre(centre));
    if (stored.error)
        qWarning("seed failed: %s", qPrintable(stored.error.message));
    return stored.value;
}

QList<Centre> ConsoleFixture::readBack() const {
    ConsoleStore other(databasePath(), m_clock);
    const Stored<QList<Centre>> stored = waitForResult(other.centres());
    if (stored.error)
        qWarning("read back failed: %s", qPrintable(stored.error.message));
    return stored.value;
}

CentreDialog *waitForCentreDialog(QWidget *parent) {
    CentreDialog *found = nullptr;
    const auto visibleDialog = [&] {
        const QList<CentreDialog *> dialogs = parent->findChildren<CentreDialog *>();
        for (CentreDialog *d : dialogs) {
            if (d->isVisible())
                found = d;
        }
        return found != nullptr;
    };
    if (!QTest::qWaitFor(visibleDialog, kTimeoutMs))
        return nullptr;
    return found;
}

bool waitUntilClosed(QWidget *dialog) {
    const QPointer<QWidget> guard(dialog);
    // One read of the guard per check: GCC 12 at -O2 reports -Wnull-dereference otherwise.
    return QTest::qWaitFor(
        [&] {
            const QWidget *widget = guard.data();
            return widget == nullptr || !widget->isVisible();
        },
        kTimeoutMs);
}

void typeInto(QWidget *dialog, const QString &objectName, const QString &text) {
    auto *edit = dialog->findChild<QLineEdit *>(objectName);
    QVERIFY2(edit, qPrintable(objectName));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeNumber(QWidget *dialog, const QString &objectName, int value) {
    auto *spin = dialog->findChild<QSpinBox *>(objectName);
    QVERIFY2(spin, qPrintable(objectName));
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(value));
}

void toggleService(QWidget *dialog, const QString &code) {
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("services"));
    QVERIFY(list);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == code) {
            list->setFocus();
            list->setCurrentRow(row);
            QTest::keyClick(list, Qt::Key_Space);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no service ") + code));
}

void clickOk(QWidget *dialog) {
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace slotdesk::test

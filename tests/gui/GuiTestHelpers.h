#pragma once

#include "models/domain/Centre.h"
#include "models/store/ConsoleStore.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFuture>
#include <QRegularExpression>
#include <QTest>
#include <QWidget>

namespace slotdesk::test {

// Waits for a store result while the event loop keeps running (the store posts its change
// notifications there). Not QFuture::waitForFinished(): that may run the queued task on the
// calling thread, away from the store's connection thread.
template <typename T> T waitForResult(const QFuture<T> &future) {
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qWarning("store call did not finish");
    return future.result();
}

// The child of `root` named `name` once it is visible (dialogs opened with open() show a turn
// later), or nullptr when it does not show up.
template <typename T> T *waitForVisible(const QObject &root, const QString &name) {
    T *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        found = root.findChild<T *>(name);
        return found && found->isVisible();
    });
    return shown ? found : nullptr;
}

// A valid test centre named `name` (Berlin address, rapid antigen tests).
inline Centre sampleCentre(const QString &name, int lanes = 2, int capacityPerLane = 3) {
    Centre centre;
    centre.name = name;
    centre.street = QStringLiteral("Karl-Marx-Allee 1");
    centre.postcode = QStringLiteral("10178");
    centre.city = QStringLiteral("Berlin");
    centre.kind = CentreKind::TestCentre;
    centre.serviceCodes = {QStringLiteral("rapid_antigen")};
    centre.lanes = lanes;
    centre.capacityPerLane = capacityPerLane;
    centre.slotMinutes = 15;
    centre.phone = QStringLiteral("030 1234567");
    return centre;
}

// Opens the cell's editor with F2 like a keyboard user, types `text` (a combo box picks the
// entry starting with it), and commits with Return. Returns false when no editor opened.
inline bool editCell(QAbstractItemView *view, int row, int column, const QString &text) {
    const QModelIndex index = view->model()->index(row, column);
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_F2);
    QWidget *editor = view->indexWidget(index);
    if (!editor) {
        qWarning("no editor for %d,%d", row, column);
        return false;
    }
    // Date and time editors start on their first section and move on by themselves when a
    // section is complete, so only the digits are typed; a line edit gets its text replaced.
    if (qobject_cast<QAbstractSpinBox *>(editor)) {
        QTest::keyClicks(editor, QString(text).remove(QRegularExpression(QStringLiteral("\\D"))));
    } else {
        if (!qobject_cast<QComboBox *>(editor))
            QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
    }
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits and closes the editor in a queued call.
    if (!QTest::qWaitFor([&] { return view->indexWidget(index) == nullptr; }, 2000)) {
        qWarning("editor still open %d,%d: %s", row, column, editor->metaObject()->className());
        return false;
    }
    return true;
}

// Saves a picture of `widget` for reviewers (build/screenshots, or the system temp dir).
inline QString saveScreenshot(QWidget *widget, const QString &name) {
    QString dir = qEnvironmentVariable("SLOTDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    QTest::qWait(20); // pending layout requests, as the event loop would have run them
    widget->grab().save(path);
    return path;
}

} // namespace slotdesk::test

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

// Waits for a store call on the UI thread while the event loop keeps running (the store posts
// its change notifications there).
template <typename T> T await(QFuture<T> future) {
    while (!future.isFinished())
        QTest::qWait(5);
    return future.result();
}

inline Centre makeCentre(const QString &name, int lanes = 2, int capacityPerLane = 3) {
    Centre centre;
    centre.name = name;
    centre.street = QStringLiteral("Marktplatz 1");
    centre.postcode = QStringLiteral("01067");
    centre.city = QStringLiteral("Dresden");
    centre.kind = CentreKind::TestCentre;
    centre.serviceCodes = {QStringLiteral("pcr")};
    centre.lanes = lanes;
    centre.capacityPerLane = capacityPerLane;
    centre.slotMinutes = 15;
    centre.phone = QStringLiteral("0351 123456");
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

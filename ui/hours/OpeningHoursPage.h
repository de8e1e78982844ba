#pragma once

#include "models/core/Clock.h"

#include <QWidget>

class QUndoStack;

namespace slotdesk {

class ConsoleStore;

// Weekly rules, breaks, closures and special days of one centre, with a week preview of the
// resulting open intervals and slot counts. Edits go through the shared undo stack.
class OpeningHoursPage : public QWidget {
    Q_OBJECT
public:
    OpeningHoursPage(ConsoleStore &store, QUndoStack &undoStack, const Clock &clock,
                     QWidget *parent = nullptr);
    // Selects the centre (loads its hours asynchronously).
    void showCentre(qint64 centreId);
};

} // namespace slotdesk

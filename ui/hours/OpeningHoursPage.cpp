#include "ui/hours/OpeningHoursPage.h"

#include "models/store/ConsoleStore.h"

#include <QUndoStack>

namespace slotdesk {

OpeningHoursPage::OpeningHoursPage(ConsoleStore &store, QUndoStack &undoStack, const Clock &clock,
                                   QWidget *parent)
    : QWidget(parent) {
    Q_UNUSED(store);
    Q_UNUSED(undoStack);
    Q_UNUSED(clock);
}

void OpeningHoursPage::showCentre(qint64 centreId) {
    Q_UNUSED(centreId);
}

} // namespace slotdesk

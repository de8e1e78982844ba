#pragma once

#include "models/domain/OpeningHours.h"
#include "models/store/StoreError.h"

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace slotdesk {

class ConsoleStore;

// A saved change of one centre's opening hours. It is pushed after the save succeeded, so the
// first redo() does nothing; later undo()/redo() store the previous or the new hours again
// (the store announces the change and the editor shows it). A failure of such a re-save is
// reported through `onError`, which is only called while `context` is alive.
class SaveHoursCommand final : public QUndoCommand {
public:
    SaveHoursCommand(ConsoleStore &store, OpeningHours before, OpeningHours after,
                     const QString &centreName, QObject *context,
                     std::function<void(const StoreError &)> onError);

    void undo() override;
    void redo() override;

private:
    void store(const OpeningHours &hours);

    ConsoleStore &m_store;
    OpeningHours m_before;
    OpeningHours m_after;
    QPointer<QObject> m_context;
    std::function<void(const StoreError &)> m_onError;
    bool m_skipFirstRedo = true;
};

} // namespace slotdesk

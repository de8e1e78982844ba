#pragma once

#include "models/domain/OpeningHours.h"
#include "models/store/StoreError.h"

#include "ui/hours/AppliedCommand.h"

#include <QPointer>

#include <functional>

namespace slotdesk {

class ConsoleStore;

// A saved change of one centre's opening hours, pushed after the save succeeded. Undo and redo
// store the previous or the new hours again (the store announces the change and the editor
// shows it). A failure of such a re-save is reported through `onError`, which is only called
// while `context` is alive.
class SaveHoursCommand final : public AppliedCommand {
public:
    SaveHoursCommand(ConsoleStore &store, OpeningHours before, OpeningHours after,
                     const QString &centreName, QObject *context,
                     std::function<void(const StoreError &)> onError);

private:
    void apply(bool forward) override;

    ConsoleStore &m_store;
    OpeningHours m_before;
    OpeningHours m_after;
    QPointer<QObject> m_context;
    std::function<void(const StoreError &)> m_onError;
};

} // namespace slotdesk

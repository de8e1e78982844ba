#include "ui/centres/CentreCommands.h"

#include "ui/centres/CentreOperations.h"

#include <QCoreApplication>

#include <utility>

namespace slotdesk {

namespace {

// A named context that lupdate sees, so the .ts entries match what runs.
struct CentreCommands {
    Q_DECLARE_TR_FUNCTIONS(CentreCommands)
};

} // namespace

CreateCentreCommand::CreateCentreCommand(CentreOperations &operations, const Centre &created)
    : m_operations(operations)
    , m_centre(created) {
    setText(CentreCommands::tr("Create centre \"%1\"").arg(created.name));
}

void CreateCentreCommand::undo() {
    m_operations.remove(m_centre.uuid, m_centre.name);
}

void CreateCentreCommand::redo() {
    if (std::exchange(m_done, false))
        return;
    m_operations.insertAgain(m_centre);
}

EditCentreCommand::EditCentreCommand(CentreOperations &operations, const Centre &before,
                                     const Centre &after)
    : m_operations(operations)
    , m_before(before)
    , m_after(after) {
    setText(CentreCommands::tr("Edit centre \"%1\"").arg(after.name));
}

void EditCentreCommand::undo() {
    m_operations.saveLatest(m_before);
}

void EditCentreCommand::redo() {
    if (std::exchange(m_done, false))
        return;
    m_operations.saveLatest(m_after);
}

SetCentreActiveCommand::SetCentreActiveCommand(CentreOperations &operations, const Centre &centre,
                                               bool active)
    : m_operations(operations)
    , m_uuid(centre.uuid)
    , m_name(centre.name)
    , m_active(active) {
    setText(active ? CentreCommands::tr("Reactivate centre \"%1\"").arg(centre.name)
                   : CentreCommands::tr("Deactivate centre \"%1\"").arg(centre.name));
}

void SetCentreActiveCommand::undo() {
    m_operations.setActive(m_uuid, m_name, !m_active);
}

void SetCentreActiveCommand::redo() {
    m_operations.setActive(m_uuid, m_name, m_active);
}

} // namespace slotdesk

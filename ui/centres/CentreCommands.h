#pragma once

#include "models/domain/Centre.h"

#include <QUndoCommand>

namespace slotdesk {

class CentreOperations;

// Pushed after the dialog stored the new centre, so the first redo does nothing. Undo removes
// the centre, which the store allows only while it has no history; redo inserts it again with
// the same uuid.
class CreateCentreCommand : public QUndoCommand {
public:
    CreateCentreCommand(CentreOperations &operations, const Centre &created);
    void undo() override;
    void redo() override;

private:
    CentreOperations &m_operations;
    Centre m_centre;
    bool m_done = true;
};

// Pushed after the dialog stored the edit; undo stores the old values again.
class EditCentreCommand : public QUndoCommand {
public:
    EditCentreCommand(CentreOperations &operations, const Centre &before, const Centre &after);
    void undo() override;
    void redo() override;

private:
    CentreOperations &m_operations;
    Centre m_before;
    Centre m_after;
    bool m_done = true;
};

// Deactivates or reactivates when pushed; undo switches back. Nothing is ever deleted.
class SetCentreActiveCommand : public QUndoCommand {
public:
    SetCentreActiveCommand(CentreOperations &operations, const Centre &centre, bool active);
    void undo() override;
    void redo() override;

private:
    CentreOperations &m_operations;
    QString m_uuid;
    QString m_name;
    bool m_active;
};

} // namespace slotdesk

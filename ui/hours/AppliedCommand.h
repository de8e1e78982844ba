#pragma once

#include <QUndoCommand>

namespace slotdesk {

// An undo command pushed after its change already happened (an edit the user made, a save the
// store confirmed): the stack's first redo() is skipped; later undo()/redo() go backward and
// forward through apply().
class AppliedCommand : public QUndoCommand {
public:
    void undo() final { apply(false); }
    void redo() final {
        if (m_skipFirstRedo) {
            m_skipFirstRedo = false;
            return;
        }
        apply(true);
    }

protected:
    virtual void apply(bool forward) = 0;

private:
    bool m_skipFirstRedo = true;
};

} // namespace slotdesk

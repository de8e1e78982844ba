#pragma once

#include "ui/hours/HoursTableModels.h"

#include <QPointer>
#include <QUndoCommand>

namespace slotdesk {

class OpeningHoursPage;

// An unsaved edit in the opening-hours editor (a cell, added or removed rows, Revert). It is
// pushed after the edit happened, so the first redo() does nothing. It applies only while the
// page still shows its centre; once the page moved on (the edits were saved or discarded), the
// command makes itself obsolete and the stack drops it.
class EditHoursCommand final : public QUndoCommand {
public:
    EditHoursCommand(OpeningHoursPage *page, qint64 centreId, HoursDraft before, HoursDraft after,
                     const QString &text);

    void undo() override;
    void redo() override;

private:
    void apply(const HoursDraft &draft);

    QPointer<OpeningHoursPage> m_page;
    qint64 m_centreId;
    HoursDraft m_before;
    HoursDraft m_after;
    bool m_skipFirstRedo = true;
};

} // namespace slotdesk

#pragma once

#include "ui/hours/AppliedCommand.h"
#include "ui/hours/HoursTableModels.h"

#include <QPointer>

namespace slotdesk {

class OpeningHoursPage;

// An unsaved edit in the opening-hours editor (a cell, added or removed rows, Revert), pushed
// after the edit happened. It applies only while the page still shows its centre; once the page
// moved on (the edits were saved or discarded), the command makes itself obsolete and the stack
// drops it.
class EditHoursCommand final : public AppliedCommand {
public:
    EditHoursCommand(OpeningHoursPage *page, qint64 centreId, HoursDraft before, HoursDraft after,
                     const QString &text);

private:
    void apply(bool forward) override;

    QPointer<OpeningHoursPage> m_page;
    qint64 m_centreId;
    HoursDraft m_before;
    HoursDraft m_after;
};

} // namespace slotdesk

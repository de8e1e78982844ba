#include "ui/hours/EditHoursCommand.h"

#include "ui/hours/OpeningHoursPage.h"

namespace slotdesk {

EditHoursCommand::EditHoursCommand(OpeningHoursPage *page, qint64 centreId, HoursDraft before,
                                   HoursDraft after, const QString &text)
    : m_page(page)
    , m_centreId(centreId)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    setText(text);
}

void EditHoursCommand::undo() {
    apply(m_before);
}

void EditHoursCommand::redo() {
    if (m_skipFirstRedo) {
        m_skipFirstRedo = false;
        return;
    }
    apply(m_after);
}

void EditHoursCommand::apply(const HoursDraft &draft) {
    if (!m_page || m_page->currentCentre() != m_centreId || m_page->isLoading()) {
        setObsolete(true);
        return;
    }
    m_page->restoreDraft(draft);
}

} // namespace slotdesk

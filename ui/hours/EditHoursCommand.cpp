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

void EditHoursCommand::apply(bool forward) {
    if (!m_page || m_page->currentCentre() != m_centreId || m_page->isLoading()) {
        setObsolete(true);
        return;
    }
    m_page->restoreDraft(forward ? m_after : m_before);
}

} // namespace slotdesk

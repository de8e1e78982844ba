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
    // One read of the guarded pointer: GCC 12 at -O2 cannot see that QPointer's repeated
    // reads agree and reports -Wnull-dereference.
    OpeningHoursPage *page = m_page.data();
    if (page == nullptr || page->currentCentre() != m_centreId || page->isLoading()) {
        setObsolete(true);
        return;
    }
    page->restoreDraft(forward ? m_after : m_before);
}

} // namespace slotdesk

#include "ui/hours/SaveHoursCommand.h"

#include "models/store/ConsoleStore.h"
#include "ui/shell/FutureWatch.h"

#include <QCoreApplication>

namespace slotdesk {

SaveHoursCommand::SaveHoursCommand(ConsoleStore &store, OpeningHours before, OpeningHours after,
                                   const QString &centreName, QObject *context,
                                   std::function<void(const StoreError &)> onError)
    : m_store(store)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_context(context)
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("slotdesk::OpeningHoursPage", "Save opening hours of %1")
                .arg(centreName));
}

void SaveHoursCommand::apply(bool forward) {
    const OpeningHours &hours = forward ? m_after : m_before;
    QObject *context = m_context.data();
    if (!context)
        context = &m_store;
    whenFinished(
        context, m_store.saveOpeningHours(hours),
        [context = QPointer<QObject>(m_context), onError = m_onError](const StoreError &error) {
            if (error && context && onError)
                onError(error);
        });
}

} // namespace slotdesk

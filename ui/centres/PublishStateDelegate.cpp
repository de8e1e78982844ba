#include "ui/centres/PublishStateDelegate.h"

#include "models/itemmodels/CentreTableModel.h"

namespace slotdesk {

void PublishStateDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const {
    ElidedToolTipDelegate::initStyleOption(option, index);
    const QVariant state = index.data(CentreTableModel::PublishStateRole);
    if (!state.isValid())
        return;
    QPalette::ColorRole role = QPalette::Text;
    switch (static_cast<PublishState>(state.toInt())) {
    case PublishState::NotPublished:
        role = QPalette::PlaceholderText;
        break;
    case PublishState::Published:
        role = QPalette::Text;
        break;
    case PublishState::Changed:
        role = QPalette::Link;
        break;
    case PublishState::Conflict:
        role = QPalette::LinkVisited;
        option->font.setBold(true);
        break;
    }
    if (!(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text, option->palette.color(role));
}

} // namespace slotdesk

#pragma once

#include "ui/shell/ElidedToolTipDelegate.h"

namespace slotdesk {

// The publish-state column: the state's text in a colour taken from the palette (so it stays
// readable in dark themes), bold for a conflict so the state never rests on colour alone.
class PublishStateDelegate : public ElidedToolTipDelegate {
    Q_OBJECT
public:
    using ElidedToolTipDelegate::ElidedToolTipDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace slotdesk

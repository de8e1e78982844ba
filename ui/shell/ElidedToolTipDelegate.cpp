#include "ui/shell/ElidedToolTipDelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace slotdesk {

bool ElidedToolTipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option,
                                      const QModelIndex &index) {
    if (event && event->type() == QEvent::ToolTip && index.isValid() &&
        !index.data(Qt::ToolTipRole).isValid()) {
        const QString text = index.data(Qt::DisplayRole).toString();
        const int needed = sizeHint(option, index).width();
        if (!text.isEmpty() && needed > view->visualRect(index).width()) {
            QToolTip::showText(event->globalPos(), text, view, view->visualRect(index));
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace slotdesk

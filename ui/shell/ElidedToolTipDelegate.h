#pragma once

#include <QStyledItemDelegate>

namespace slotdesk {

// Shows a cell's whole text as its tooltip when the column is too narrow to show it, so long
// addresses and service lists stay readable without widening the table.
class ElidedToolTipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace slotdesk

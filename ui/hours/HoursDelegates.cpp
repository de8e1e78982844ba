#include "ui/hours/HoursDelegates.h"

#include <QComboBox>
#include <QDateEdit>
#include <QTimeEdit>

namespace slotdesk {

ChoiceDelegate::ChoiceDelegate(QStringList choices, int firstValue, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices))
    , m_firstValue(firstValue) {}

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const {
    auto *combo = new QComboBox(parent);
    combo->addItems(m_choices);
    // A choice is complete on selection: commit at once so keyboard users need no extra key.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<ChoiceDelegate *>(this);
        Q_EMIT self->commitData(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(index.data(Qt::EditRole).toInt() - m_firstValue);
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const {
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentIndex() + m_firstValue, Qt::EditRole);
}

DateTimeDelegate::DateTimeDelegate(Kind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind) {}

QWidget *DateTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                        const QModelIndex &) const {
    if (m_kind == Kind::Time) {
        auto *edit = new QTimeEdit(parent);
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        edit->setFrame(false);
        return edit;
    }
    auto *edit = new QDateEdit(parent);
    edit->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    edit->setCalendarPopup(true);
    edit->setFrame(false);
    return edit;
}

} // namespace slotdesk

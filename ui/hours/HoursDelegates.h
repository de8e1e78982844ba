#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace slotdesk {

// A combo box for a column whose edit value is firstValue + the index of the chosen text
// (weekday 1..7, kind 0..1).
class ChoiceDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    ChoiceDelegate(QStringList choices, int firstValue, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    QStringList m_choices;
    int m_firstValue;
};

// Time (HH:mm) or date (dd.MM.yyyy, with a calendar) editors with fixed, typeable formats.
class DateTimeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum class Kind { Time, Date };
    explicit DateTimeDelegate(Kind kind, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    Kind m_kind;
};

} // namespace slotdesk

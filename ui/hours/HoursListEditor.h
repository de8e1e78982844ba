#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QHBoxLayout;
class QPushButton;
class QTableView;

namespace slotdesk {

class HoursTableModel;

// One list of the opening hours as a table with Add/Remove buttons (Insert/Delete keys in the
// table) and a message label under it for the rows validation refused. Child object names
// start with `name`: "<name>Table", "<name>AddButton", "<name>RemoveButton", "<name>Errors".
class HoursListEditor final : public QWidget {
    Q_OBJECT
public:
    HoursListEditor(HoursTableModel *model, const QString &name, const QString &addText,
                    QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // Shown in the empty table, e.g. what the list is for and how to add a row.
    void setPlaceholderText(const QString &text);
    // Extra buttons go next to Add/Remove.
    void addButton(QPushButton *button);
    // The controls in the order Tab visits them: table, Add, Remove, extra buttons.
    QList<QWidget *> focusOrder() const { return m_focusOrder; }
    // Marks the rows and lists "Row n: message" under the table; an empty hash clears both.
    void setErrors(const QHash<int, QString> &errors);
    // Selects `row` and moves the keyboard focus there, ready for editing.
    void focusRow(int row, int column = 0);

Q_SIGNALS:
    void addRequested();
    void errorsChanged(bool hasErrors);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // keeps the placeholder centred

private:
    void removeSelected();
    void refreshErrors();
    void updatePlaceholder();
    void updateButtons();

    HoursTableModel *m_model;
    QTableView *m_view = nullptr;
    QPushButton *m_removeButton = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_placeholder = nullptr;
    QList<QWidget *> m_focusOrder;
};

} // namespace slotdesk

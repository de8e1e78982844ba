#include "ui/hours/HoursListEditor.h"

#include "ui/hours/HoursTableModels.h"
#include "ui/shell/Tones.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk {

HoursListEditor::HoursListEditor(HoursTableModel *model, const QString &name,
                                 const QString &addText, QWidget *parent)
    : QWidget(parent)
    , m_model(model) {
    m_view = new QTableView(this);
    m_view->setObjectName(name % QStringLiteral("Table"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    // Tab leaves the table for the buttons; arrows move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *add = new QPushButton(addText, this);
    add->setObjectName(name % QStringLiteral("AddButton"));
    add->setToolTip(tr("Add a row (Insert)"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(name % QStringLiteral("RemoveButton"));
    m_removeButton->setToolTip(tr("Remove the selected rows (Delete)"));
    m_errors = new QLabel(this);
    m_errors->setObjectName(name % QStringLiteral("Errors"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_errors->palette();
    errorPalette.setColor(QPalette::WindowText,
                          tones::inkOnWindow(tones::errorAccent(), errorPalette));
    m_errors->setPalette(errorPalette);
    m_errors->setBuddy(m_view);
    m_errors->hide();

    m_placeholder = new QLabel(m_view->viewport());
    m_placeholder->setObjectName(name % QStringLiteral("Placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    // On the view's Base background a label draws with the Text role.
    QPalette placeholderPalette = m_placeholder->palette();
    const QColor placeholder = placeholderPalette.color(QPalette::PlaceholderText);
    placeholderPalette.setColor(QPalette::Text, placeholder);
    placeholderPalette.setColor(QPalette::WindowText, placeholder);
    m_placeholder->setPalette(placeholderPalette);
    m_view->viewport()->installEventFilter(this);

    m_focusOrder = {m_view, add, m_removeButton};
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(add);
    m_buttons->addWidget(m_removeButton);
    m_buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_errors);
    layout->addLayout(m_buttons);

    auto *insertKey = new QShortcut(QKeySequence(Qt::Key_Insert), m_view);
    insertKey->setContext(Qt::WidgetShortcut);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(add, &QPushButton::clicked, this, &HoursListEditor::addRequested);
    connect(insertKey, &QShortcut::activated, this, &HoursListEditor::addRequested);
    connect(m_removeButton, &QPushButton::clicked, this, &HoursListEditor::removeSelected);
    connect(deleteKey, &QShortcut::activated, this, &HoursListEditor::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HoursListEditor::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &HoursListEditor::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HoursListEditor::updateButtons);
    // Editing a row clears its error in the model; the list under the table follows.
    connect(model, &QAbstractItemModel::dataChanged, this, &HoursListEditor::refreshErrors);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HoursListEditor::refreshErrors);
    connect(model, &QAbstractItemModel::modelReset, this, &HoursListEditor::refreshErrors);
    connect(model, &QAbstractItemModel::modelReset, this, &HoursListEditor::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsInserted, this, &HoursListEditor::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HoursListEditor::updatePlaceholder);
    updateButtons();
}

void HoursListEditor::setPlaceholderText(const QString &text) {
    m_placeholder->setText(text);
    updatePlaceholder();
}

void HoursListEditor::updatePlaceholder() {
    m_placeholder->setVisible(m_model->rowCount() == 0 && !m_placeholder->text().isEmpty());
    m_placeholder->setGeometry(m_view->viewport()->rect().adjusted(16, 16, -16, -16));
}

bool HoursListEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        updatePlaceholder();
    return QWidget::eventFilter(watched, event);
}

void HoursListEditor::addButton(QPushButton *button) {
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    m_focusOrder.append(button);
}

void HoursListEditor::setErrors(const QHash<int, QString> &errors) {
    m_model->setRowErrors(errors);
    refreshErrors();
}

void HoursListEditor::refreshErrors() {
    const QHash<int, QString> errors = m_model->rowErrors();
    QList<int> rows = errors.keys();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows))
        lines.append(tr("Row %1: %2").arg(row + 1).arg(errors.value(row)));
    m_errors->setText(lines.join(u'\n'));
    // Read out with the table, where the marked rows are.
    m_view->setAccessibleDescription(lines.join(u' '));
    m_errors->setVisible(!lines.isEmpty());
    Q_EMIT errorsChanged(!lines.isEmpty());
}

void HoursListEditor::focusRow(int row, int column) {
    const QModelIndex index = m_model->index(row, column);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus(Qt::OtherFocusReason);
}

void HoursListEditor::removeSelected() {
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_model->removeRows(row, 1);
    if (m_model->rowCount() > 0)
        focusRow(std::min(rows.last(), m_model->rowCount() - 1));
}

void HoursListEditor::updateButtons() {
    m_removeButton->setEnabled(m_view->selectionModel()->hasSelection() ||
                               m_view->currentIndex().isValid());
}

} // namespace slotdesk

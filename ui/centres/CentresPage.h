#pragma once

#include "models/domain/Centre.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace slotdesk {

class CentreFilterModel;
class CentreOperations;
class CentreTableModel;
class ConsoleStore;

// The table of all centres, active and inactive, with search, add, edit, (de)activate and a
// jump to the centre's opening hours. Changes go through the undo stack.
class CentresPage : public QWidget {
    Q_OBJECT
public:
    CentresPage(ConsoleStore &store, CentreOperations &operations, QUndoStack &undoStack,
                QWidget *parent = nullptr);

    // Reads the centres again (asynchronously); also done on every ConsoleStore::centresChanged.
    void reload();

    void addCentre();
    void editSelected();
    void toggleSelectedActive();
    void showSelectedHours();

    CentreTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The selected centre, or nullopt.
    std::optional<Centre> selectedCentre() const;
    void selectCentre(qint64 id);

Q_SIGNALS:
    void openingHoursRequested(qint64 centreId);
    void statusMessage(const QString &message);
    void errorMessage(const QString &message);
    void busyChanged(bool busy);
    void loaded(); // after every successful read, so tests and views can follow

private:
    QWidget *buildToolbar();
    void openDialog(const Centre &centre);
    void onDialogAccepted(const Centre &before, const Centre &saved);
    void updateActions();
    void updateEmptyState();
    QStringList namesExcept(qint64 id) const;

    ConsoleStore &m_store;
    CentreOperations &m_operations;
    QUndoStack &m_undoStack;
    CentreTableModel *m_model;
    CentreFilterModel *m_filter;
    QTableView *m_view;
    QStackedWidget *m_content;
    QLabel *m_emptyLabel;
    QLineEdit *m_search;
    QCheckBox *m_showInactive;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_hours;
    QLabel *m_count;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_loadedOnce = false;
};

} // namespace slotdesk

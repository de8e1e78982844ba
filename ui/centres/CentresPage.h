#pragma once

#include "models/domain/Centre.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QWidget>

class QCheckBox;
class QDialog;
class QLabel;
class QLineEdit;
class QAction;
class QProgressDialog;
class QPushButton;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace slotdesk {

class CentreFilterModel;
class CentreOperations;
class CentrePublisher;
class CentreTableModel;
class ConsoleStore;

// The table of all centres, active and inactive, with search, add, edit, (de)activate and a
// jump to the centre's opening hours. Changes go through the undo stack. With a publisher
// (the console is connected) it also publishes centres to the service and shows each centre's
// publish state; publishing follows the session's permission to edit centres.
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

    // Not owned; the publisher outlives the page's use of it (it lives next to the client).
    void setPublisher(CentrePublisher *publisher);
    void setPublishAllowed(bool allowed);
    void publishSelected();
    void publishAll();
    // Reads every centre's publish state again (asynchronously).
    void reloadPublishStates();
    // Shows the conflict of a centre and acts on the user's choice.
    void resolveConflict(qint64 centreId);
    QAction *publishAction() const { return m_publishAction; }
    QAction *publishAllAction() const { return m_publishAllAction; }

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
    void publishStatesLoaded();
    void publishFinished();
    void conflictResolved(qint64 centreId);
    // The dialog listing affected bookings was opened (tests and screenshots follow it).
    void affectedBookingsShown(QDialog *dialog);

private:
    QWidget *buildToolbar();
    void openDialog(const Centre &centre);
    void onDialogAccepted(const Centre &before, const Centre &saved);
    void updateActions();
    void updateEmptyState();
    QStringList namesExcept(qint64 id) const;
    QList<qint64> selectedIds() const;
    void buildPublishActions();
    void startPublish(const QList<qint64> &ids, bool overwrite = false,
                      bool acceptAffected = false);
    void onPublishFinished(int conflicts);
    // Lists the bookings a centre's new opening hours leave outside and asks whether to
    // publish them anyway; nothing reaches the service without "change anyway".
    void askAboutAffectedBookings();

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
    CentrePublisher *m_publisher = nullptr;
    QAction *m_publishAction;
    QAction *m_publishAllAction;
    QProgressDialog *m_progress = nullptr;
    QList<qint64> m_conflicts; // of the running publish, resolved one after another afterwards
    // Centres whose new hours cut into bookings, with the service's list, asked one by one.
    QList<QPair<qint64, QJsonObject>> m_affected;
    bool m_publishAllowed = false;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_loadedOnce = false;
};

} // namespace slotdesk

#pragma once

#include "models/core/Clock.h"
#include "models/domain/Centre.h"
#include "models/domain/OpeningHours.h"
#include "models/rules/Validation.h"
#include "models/store/StoreError.h"
#include "ui/hours/HoursTableModels.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QUndoStack;

namespace slotdesk {

class ConsoleStore;
class HoursListEditor;
class WeekPreview;

// Weekly rules, breaks, closures and special days of one centre, with a week preview of the
// resulting open intervals and slot counts. Edits go through the shared undo stack.
//
// Every edit is an undo command on the shared stack (Ctrl+Z while editing takes back the last
// edit, also a Revert). Edits stay local until Save (Ctrl+S): they are validated first (refused
// rows are marked and explained under their table, nothing is stored), then stored asynchronously;
// a stored change becomes an undo command. Switching centre with unsaved edits asks first
// ("unsavedChangesBox"). Status, errors, busy and unsaved state go to the window as signals.
class OpeningHoursPage : public QWidget {
    Q_OBJECT
public:
    OpeningHoursPage(ConsoleStore &store, QUndoStack &undoStack, const Clock &clock,
                     QWidget *parent = nullptr);
    ~OpeningHoursPage() override;
    // Selects the centre (loads its hours asynchronously).
    void showCentre(qint64 centreId);

    qint64 currentCentre() const { return m_centreId; }
    bool hasUnsavedChanges() const { return m_dirty; }
    // True while the centre list or the shown centre's hours are being fetched.
    bool isLoading() const { return m_loading || m_centres.isEmpty(); }
    // The hours as currently edited (unsaved), in table order.
    OpeningHours editedHours() const;
    OpeningHours storedHours() const { return m_stored; }

public Q_SLOTS:
    void save();
    void revert();

Q_SIGNALS:
    void centreLoaded(qint64 centreId);
    void unsavedChangesChanged(bool unsaved);
    // After every Save attempt: refused by validation or the store (ok false), or stored.
    void saveFinished(bool ok);
    // What the page did or could not do, for the window's status bar.
    void statusMessage(const QString &message);
    void errorMessage(const QString &message);
    // While hours are being loaded or stored.
    void busyChanged(bool busy);

private:
    friend class EditHoursCommand;
    HoursDraft draft() const;
    void restoreDraft(const HoursDraft &draft); // for undo/redo of unsaved edits
    void setDraft(const HoursDraft &draft);
    void scheduleRecordEdit();
    void recordEdit(); // pushes the edits made since the last record as one undo command
    void pushEdit(HoursDraft before, const QString &text);

    void buildUi();
    void requestCentre(qint64 centreId);
    void askBeforeSwitching(qint64 centreId);
    void loadCentre(qint64 centreId);
    void reloadCentres();
    void reloadStoredHours(qint64 centreId);
    void applyStored(const OpeningHours &hours);
    void selectInCombo(qint64 centreId);
    Centre centre(qint64 centreId) const;
    void onEdited();
    void updateState();
    void showErrors(const FieldErrors &errors);
    void showStatus(const QString &text, bool problem = false);
    void finishSave(const OpeningHours &before, const OpeningHours &saved, const StoreError &error);
    void addWeekly();
    void addClosure();
    void addSpecialDay();
    void copyMondayToWeekdays();

    ConsoleStore &m_store;
    QUndoStack &m_undoStack;
    const Clock &m_clock;

    QList<Centre> m_centres;
    qint64 m_centreId = 0;
    qint64 m_requestedCentreId = 0; // asked for before the centre list arrived
    qint64 m_switchAfterSave = 0;
    OpeningHours m_stored;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    bool m_saving = false;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_applying = false;      // the models are being filled, not edited
    bool m_recordPending = false; // edits since m_draft wait to become an undo command
    HoursDraft m_draft;           // the editor state the last undo command ended with

    WeeklyRulesModel *m_weekly = nullptr;
    ClosuresModel *m_closures = nullptr;
    SpecialDaysModel *m_specialDays = nullptr;

    QComboBox *m_centreCombo = nullptr;
    QTabWidget *m_tabs = nullptr;
    HoursListEditor *m_weeklyEditor = nullptr;
    HoursListEditor *m_closuresEditor = nullptr;
    HoursListEditor *m_specialDaysEditor = nullptr;
    WeekPreview *m_preview = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_unsavedMark = nullptr;
};

} // namespace slotdesk

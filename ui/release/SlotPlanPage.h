#pragma once

#include "models/rules/SlotGenerator.h"

#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace slotdesk {

class CalendarHeatmap;
class ConsoleStore;
class ReleaseClient;
class ReleasesPanel;
class ServiceClient;
class SlotPlanModel;

// Plans slots before anything is published: choose centres, days and services, calculate the
// plan off the UI thread (progress, cancel), look at it per day as a calendar heatmap with
// totals, and save it locally as planned slots. Calculating and saving can be cancelled; a
// cancelled save stores nothing.
class SlotPlanPage : public QWidget {
    Q_OBJECT
public:
    SlotPlanPage(ConsoleStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~SlotPlanPage() override;

    // Reads the centres again (asynchronously); also done on every ConsoleStore::centresChanged.
    void reload();
    void calculate();
    void save();
    void cancel();

    bool isBusy() const { return m_busy; }
    bool hasUnsavedChanges() const { return m_unsaved; }
    SlotPlanModel *model() const { return m_model; }
    CalendarHeatmap *heatmap() const { return m_heatmap; }
    // The service's releases under the plan, released from it with the wizard.
    ReleasesPanel *releasesPanel() const { return m_releases; }
    void setServiceClient(ServiceClient &client);
    void setReleaseAllowed(bool allowed);

Q_SIGNALS:
    void statusMessage(const QString &message);
    void errorMessage(const QString &message);
    void busyChanged(bool busy);
    void unsavedChangesChanged(bool unsaved);
    void planReady(); // a calculation finished and the heatmap shows it
    void planSaved(); // the plan is stored
    // Follows every save(): true when the plan is stored (the window's close question waits
    // for it).
    void saveFinished(bool ok);
    void cancelled(); // a calculation or save ended on request, nothing kept
    void loaded();    // centres read

private:
    QWidget *buildForm();
    QWidget *buildActions();
    void generate(SlotPlanRequest request);
    void showPlan(std::shared_ptr<const SlotPlan> plan);
    void setBusy(bool busy, const QString &what = {});
    void setUnsaved(bool unsaved);
    void showMessage(const QString &text, bool error);
    void updateTotals();
    void updateActions();
    QList<qint64> checkedCentres() const;
    QStringList checkedServices() const;

    ConsoleStore &m_store;
    const Clock &m_clock;
    SlotPlanModel *m_model;
    QListWidget *m_centres;
    QListWidget *m_services;
    QDateEdit *m_first;
    QDateEdit *m_last;
    QPushButton *m_calculate;
    QPushButton *m_cancel;
    QPushButton *m_save;
    QProgressBar *m_progress;
    QLabel *m_message;
    QComboBox *m_serviceFilter;
    QLabel *m_totals;
    QLabel *m_currentDay;
    CalendarHeatmap *m_heatmap;
    ReleasesPanel *m_releases;
    std::unique_ptr<ReleaseClient> m_releaseClient;
    QList<Centre> m_centreList;            // the centres listed, in list order
    std::function<void()> m_cancelRunning; // cancels the generation or save in progress
    quint64 m_request = 0;                 // bumped by every calculation; older results are dropped
    bool m_busy = false;
    bool m_unsaved = false;
};

} // namespace slotdesk

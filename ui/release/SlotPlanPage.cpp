#include "ui/release/SlotPlanPage.h"

#include "models/domain/ServiceCatalogue.h"
#include "models/itemmodels/SlotPlanModel.h"
#include "models/store/ConsoleStore.h"
#include "net/ReleaseClient.h"
#include "ui/hours/TimeText.h"
#include "ui/release/CalendarHeatmap.h"
#include "ui/release/ReleasesPanel.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/PageHeader.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kDefaultDays = 28;
constexpr int kListRows = 5;

// A label that names `buddy` for keyboard users (Alt+letter) and screen readers.
QLabel *fieldLabel(const QString &text, QWidget *buddy, const QString &objectName,
                   QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setBuddy(buddy);
    QString plain = text;
    label->setAccessibleName(plain.remove(u'&'));
    buddy->setAccessibleName(plain.endsWith(u':') ? plain.chopped(1) : plain);
    return label;
}

QListWidget *checkList(const QString &objectName, QWidget *parent) {
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setMaximumHeight(list->fontMetrics().height() * (kListRows + 2));
    return list;
}

// Forwards a future's progress to `bar`, and calls `finished` once it ended.
template <typename T, typename Finished>
void followProgress(QObject *context, const QFuture<T> &future, QProgressBar *bar,
                    Finished &&finished) {
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::progressRangeChanged, bar,
                     &QProgressBar::setRange);
    QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, bar,
                     &QProgressBar::setValue);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, finished = std::forward<Finished>(finished)]() mutable {
                         watcher->deleteLater();
                         finished(watcher->future());
                     });
    watcher->setFuture(future);
}

} // namespace

SlotPlanPage::SlotPlanPage(ConsoleStore &store, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_clock(clock)
    , m_model(new SlotPlanModel(this))
    , m_centres(checkList(QStringLiteral("planCentres"), this))
    , m_services(checkList(QStringLiteral("planServices"), this))
    , m_first(new QDateEdit(this))
    , m_last(new QDateEdit(this))
    , m_calculate(new QPushButton(tr("&Calculate plan"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_save(new QPushButton(tr("Save &plan"), this))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_serviceFilter(new QComboBox(this))
    , m_totals(new QLabel(this))
    , m_currentDay(new QLabel(this))
    , m_heatmap(new CalendarHeatmap(this))
    , m_releases(new ReleasesPanel(clock, this)) {
    setObjectName(QStringLiteral("slotPlanPage"));
    m_heatmap->setModel(m_model);

    auto *header = new PageHeader(
        tr("Slot release"),
        tr("Plan appointment slots from the opening hours, check them per day and release them "
           "to citizens with the release wizard."),
        this);
    header->setObjectName(QStringLiteral("slotPlanHeader"));
    header->setAccessibleName(tr("Slot release"));
    for (QLabel *label : header->findChildren<QLabel *>())
        label->setAccessibleName(label->text());

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(header);
    layout->addWidget(buildForm());
    layout->addWidget(buildActions());
    layout->addWidget(m_heatmap, 1);
    layout->addWidget(m_currentDay);
    auto *releases = new QGroupBox(tr("Releases on the service"), this);
    releases->setObjectName(QStringLiteral("releasesGroup"));
    releases->setAccessibleName(tr("Releases on the service"));
    auto *releasesLayout = new QVBoxLayout(releases);
    releasesLayout->addWidget(m_releases);
    layout->addWidget(releases, 1);
    m_releases->setSource([this] { return ReleaseSource{m_model->plan(), m_centreList}; });

    setTabOrder(m_centres, m_services);
    setTabOrder(m_services, m_first);
    setTabOrder(m_first, m_last);
    setTabOrder(m_last, m_calculate);
    setTabOrder(m_calculate, m_cancel);
    setTabOrder(m_cancel, m_save);
    setTabOrder(m_save, m_serviceFilter);
    setTabOrder(m_serviceFilter, m_heatmap->view());

    connect(&m_store, &ConsoleStore::centresChanged, this, &SlotPlanPage::reload);
    connect(m_heatmap, &CalendarHeatmap::currentDayChanged, m_currentDay, &QLabel::setText);
    updateActions();
    updateTotals();
}

void SlotPlanPage::setServiceClient(ServiceClient &client) {
    m_releaseClient = std::make_unique<ReleaseClient>(client);
    m_releases->setClient(m_releaseClient.get());
}

void SlotPlanPage::setReleaseAllowed(bool allowed) {
    m_releases->setReleaseAllowed(allowed);
}

SlotPlanPage::~SlotPlanPage() {
    if (m_cancelRunning)
        m_cancelRunning();
}

QWidget *SlotPlanPage::buildForm() {
    auto *form = new QWidget(this);
    form->setObjectName(QStringLiteral("planForm"));
    form->setAccessibleName(tr("Plan settings"));

    for (const ServiceType &service : serviceCatalogue()) {
        auto *item = new QListWidgetItem(serviceDisplayName(service.code), m_services);
        item->setData(Qt::UserRole, service.code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
    }
    const QDate tomorrow = berlinToday(m_clock).addDays(1);
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
        edit->setCalendarPopup(true);
    }
    m_first->setObjectName(QStringLiteral("planFirstDay"));
    m_last->setObjectName(QStringLiteral("planLastDay"));
    m_first->setDate(tomorrow);
    m_last->setDate(tomorrow.addDays(kDefaultDays - 1));

    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(
        fieldLabel(tr("Cent&res:"), m_centres, QStringLiteral("planCentresLabel"), form), 0, 0);
    grid->addWidget(m_centres, 1, 0, 3, 1);
    grid->addWidget(
        fieldLabel(tr("Serv&ices:"), m_services, QStringLiteral("planServicesLabel"), form), 0, 1);
    grid->addWidget(m_services, 1, 1, 3, 1);
    grid->addWidget(fieldLabel(tr("Fr&om:"), m_first, QStringLiteral("planFirstDayLabel"), form), 0,
                    2);
    grid->addWidget(m_first, 1, 2);
    grid->addWidget(fieldLabel(tr("&To:"), m_last, QStringLiteral("planLastDayLabel"), form), 2, 2);
    grid->addWidget(m_last, 3, 2);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 1);
    return form;
}

QWidget *SlotPlanPage::buildActions() {
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("planActions"));
    bar->setAccessibleName(tr("Plan actions"));
    m_calculate->setObjectName(QStringLiteral("calculatePlan"));
    m_calculate->setAccessibleName(tr("Calculate plan"));
    m_calculate->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelPlan"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_save->setObjectName(QStringLiteral("savePlan"));
    m_save->setAccessibleName(tr("Save plan"));
    m_save->setToolTip(tr("Stores the plan on this computer as planned slots, not yet published"));
    m_progress->setObjectName(QStringLiteral("planProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message->setObjectName(QStringLiteral("planMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_serviceFilter->setObjectName(QStringLiteral("heatmapService"));
    m_serviceFilter->setAccessibleName(tr("Service shown"));
    m_totals->setObjectName(QStringLiteral("planTotals"));
    m_totals->setAccessibleName(tr("Plan totals"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_currentDay->setObjectName(QStringLiteral("planCurrentDay"));
    m_currentDay->setAccessibleName(tr("Selected day"));

    auto *showLabel = new QLabel(tr("Sho&w:"), bar);
    showLabel->setObjectName(QStringLiteral("heatmapServiceLabel"));
    showLabel->setAccessibleName(tr("Show"));
    showLabel->setBuddy(m_serviceFilter);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_calculate);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_save);
    auto *view = new QHBoxLayout;
    view->addWidget(showLabel);
    view->addWidget(m_serviceFilter);
    view->addStretch();
    view->addWidget(m_totals);
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addLayout(view);

    connect(m_calculate, &QPushButton::clicked, this, &SlotPlanPage::calculate);
    connect(m_cancel, &QPushButton::clicked, this, &SlotPlanPage::cancel);
    connect(m_save, &QPushButton::clicked, this, &SlotPlanPage::save);
    connect(m_serviceFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setService(index <= 0 ? SlotPlanModel::allServices : index - 1);
        updateTotals();
    });
    return bar;
}

void SlotPlanPage::reload() {
    whenFinished(this, m_store.centres(), [this](const Stored<QList<Centre>> &result) {
        if (result.error) {
            Q_EMIT errorMessage(result.error.message);
            return;
        }
        const QList<qint64> checked = checkedCentres();
        m_centres->clear();
        m_centreList.clear();
        for (const Centre &centre : result.value) {
            if (!centre.active)
                continue;
            auto *item = new QListWidgetItem(centre.name, m_centres);
            item->setData(Qt::UserRole, centre.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(checked.contains(centre.id) ? Qt::Checked : Qt::Unchecked);
            m_centreList.append(centre);
        }
        updateActions();
        Q_EMIT loaded();
    });
}

QList<qint64> SlotPlanPage::checkedCentres() const {
    QList<qint64> ids;
    for (int row = 0; row < m_centres->count(); ++row) {
        const QListWidgetItem *item = m_centres->item(row);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(Qt::UserRole).toLongLong());
    }
    return ids;
}

QStringList SlotPlanPage::checkedServices() const {
    QStringList codes;
    for (int row = 0; row < m_services->count(); ++row) {
        const QListWidgetItem *item = m_services->item(row);
        if (item->checkState() == Qt::Checked)
            codes.append(item->data(Qt::UserRole).toString());
    }
    return codes;
}

void SlotPlanPage::calculate() {
    if (m_busy)
        return;
    const QString problem = SlotGenerator::rangeProblem(m_first->date(), m_last->date());
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        m_last->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QList<qint64> ids = checkedCentres();
    if (ids.isEmpty()) {
        showMessage(tr("Tick at least one centre to plan."), true);
        m_centres->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QStringList services = checkedServices();
    if (services.isEmpty()) {
        showMessage(tr("Tick at least one service to plan."), true);
        m_services->setFocus(Qt::OtherFocusReason);
        return;
    }

    auto request = std::make_shared<SlotPlanRequest>();
    request->first = m_first->date();
    request->last = m_last->date();
    request->services = services;
    for (const Centre &centre : std::as_const(m_centreList)) {
        if (ids.contains(centre.id))
            request->centres.append({centre, {}});
    }
    const quint64 run = ++m_request;
    setBusy(true, tr("Reading opening hours…"));
    m_cancelRunning = {};
    auto remaining = std::make_shared<qsizetype>(request->centres.size());
    for (qsizetype i = 0; i < request->centres.size(); ++i) {
        whenFinished(this, m_store.openingHours(request->centres.at(i).centre.id),
                     [this, run, i, request, remaining](const Stored<OpeningHours> &hours) {
                         if (run != m_request)
                             return; // cancelled or a newer calculation started
                         if (hours.error) {
                             ++m_request;
                             setBusy(false);
                             showMessage(hours.error.message, true);
                             return;
                         }
                         request->centres[i].hours = hours.value;
                         if (--*remaining == 0)
                             generate(std::move(*request));
                     });
    }
}

void SlotPlanPage::generate(SlotPlanRequest request) {
    showMessage(tr("Calculating the plan…"), false);
    QFuture<std::shared_ptr<const SlotPlan>> future = SlotGenerator::run(std::move(request));
    m_cancelRunning = [future]() mutable { future.cancel(); };
    followProgress(
        this, future, m_progress, [this](const QFuture<std::shared_ptr<const SlotPlan>> &done) {
            m_cancelRunning = {};
            setBusy(false);
            if (!done.isResultReadyAt(0)) {
                showMessage(tr("Calculation cancelled. The plan shown is unchanged."), false);
                Q_EMIT cancelled();
                return;
            }
            showPlan(done.result());
        });
}

void SlotPlanPage::showPlan(std::shared_ptr<const SlotPlan> plan) {
    m_model->setPlan(plan);
    const QSignalBlocker blocker(m_serviceFilter);
    m_serviceFilter->clear();
    m_serviceFilter->addItem(tr("All services"));
    for (const QString &code : plan->services)
        m_serviceFilter->addItem(serviceDisplayName(code), code);
    m_serviceFilter->setCurrentIndex(0);
    updateTotals();
    setUnsaved(!plan->slots.empty());
    showMessage(plan->slots.empty()
                    ? tr("The chosen centres have no open hours for these services and days.")
                    : tr("Plan calculated. Check it and save it with \"Save plan\"."),
                false);
    const QModelIndex first = m_model->indexOf(plan->first);
    if (first.isValid())
        m_heatmap->view()->setCurrentIndex(first);
    Q_EMIT planReady();
}

void SlotPlanPage::save() {
    const std::shared_ptr<const SlotPlan> plan = m_model->plan();
    if (m_busy || !plan || plan->slots.empty()) {
        Q_EMIT saveFinished(false);
        return;
    }
    setBusy(true, tr("Saving the plan…"));
    QFuture<ConsoleStore::SlotPlanReport> future = m_store.saveSlotPlan(plan);
    m_cancelRunning = [future]() mutable { future.cancel(); };
    followProgress(
        this, future, m_progress, [this](const QFuture<ConsoleStore::SlotPlanReport> &done) {
            m_cancelRunning = {};
            setBusy(false);
            if (!done.isResultReadyAt(0)) {
                showMessage(tr("Saving cancelled. Nothing was saved."), false);
                Q_EMIT cancelled();
                Q_EMIT saveFinished(false);
                return;
            }
            const ConsoleStore::SlotPlanReport report = done.result();
            if (report.error) {
                showMessage(report.error.message, true);
                Q_EMIT errorMessage(report.error.message);
                Q_EMIT saveFinished(false);
                return;
            }
            setUnsaved(false);
            const QString text = tr("%1 planned slots saved on this computer (not yet published).")
                                     .arg(QLocale().toString(report.inserted));
            showMessage(text, false);
            Q_EMIT statusMessage(text);
            Q_EMIT planSaved();
            Q_EMIT saveFinished(true);
        });
}

void SlotPlanPage::cancel() {
    if (!m_busy)
        return;
    if (m_cancelRunning) {
        m_cancelRunning(); // the generation's or save's end reports it
        return;
    }
    // Still reading opening hours: drop what arrives, nothing else runs.
    ++m_request;
    setBusy(false);
    showMessage(tr("Calculation cancelled. The plan shown is unchanged."), false);
    Q_EMIT cancelled();
}

void SlotPlanPage::setBusy(bool busy, const QString &what) {
    if (busy) {
        m_progress->setRange(0, 0);
        showMessage(what, false);
    } else {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
    }
    if (m_busy == busy)
        return;
    m_busy = busy;
    updateActions();
    Q_EMIT busyChanged(busy);
}

void SlotPlanPage::setUnsaved(bool unsaved) {
    if (m_unsaved == unsaved)
        return;
    m_unsaved = unsaved;
    updateActions();
    Q_EMIT unsavedChangesChanged(unsaved);
}

void SlotPlanPage::showMessage(const QString &text, bool error) {
    // Bold in the window's text colour marks a problem; it stays readable in every theme.
    QFont font = m_message->font();
    font.setBold(error);
    m_message->setFont(font);
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
}

void SlotPlanPage::updateTotals() {
    const std::shared_ptr<const SlotPlan> plan = m_model->plan();
    if (!plan) {
        m_totals->setText(tr("No plan calculated yet."));
        return;
    }
    const SlotDayTotal total = m_model->total();
    m_totals->setText(tr("Total: %1 slots, %2 places in %3 days")
                          .arg(QLocale().toString(total.slots), QLocale().toString(total.places))
                          .arg(plan->dayCount()));
}

void SlotPlanPage::updateActions() {
    m_calculate->setEnabled(!m_busy);
    m_cancel->setEnabled(m_busy);
    const std::shared_ptr<const SlotPlan> plan = m_model->plan();
    m_save->setEnabled(!m_busy && plan && !plan->slots.empty() && m_unsaved);
    m_centres->setEnabled(!m_busy);
    m_services->setEnabled(!m_busy);
    m_first->setEnabled(!m_busy);
    m_last->setEnabled(!m_busy);
}

} // namespace slotdesk

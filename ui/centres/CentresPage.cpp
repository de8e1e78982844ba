#include "ui/centres/CentresPage.h"

#include "models/itemmodels/CentreTableModel.h"
#include "models/store/ConsoleStore.h"
#include "ui/centres/CentreCommands.h"
#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentreOperations.h"
#include "ui/centres/CentrePublisher.h"
#include "ui/centres/PublishConflictDialog.h"
#include "ui/centres/PublishStateDelegate.h"
#include "ui/hours/HoursImpactDialog.h"
#include "ui/shell/ElidedToolTipDelegate.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/PageHeader.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace slotdesk {

namespace {

// Widths in average characters, so they grow with the font.
constexpr int kNameColumns = 30;
constexpr int kSearchColumns = 40;
constexpr int kRowPadding = 10;
// A publish of fewer centres is quick: the status bar says enough.
constexpr int kProgressFromCentres = 5;

} // namespace

CentresPage::CentresPage(ConsoleStore &store, CentreOperations &operations, QUndoStack &undoStack,
                         QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_operations(operations)
    , m_undoStack(undoStack)
    , m_model(new CentreTableModel(this))
    , m_filter(new CentreFilterModel(this))
    , m_view(new QTableView(this))
    , m_content(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_showInactive(new QCheckBox(tr("Show inac&tive"), this))
    , m_add(new QPushButton(tr("&Add centre…"), this))
    , m_edit(new QPushButton(tr("Ed&it…"), this))
    , m_toggle(new QPushButton(tr("&Deactivate"), this))
    , m_hours(new QPushButton(tr("Opening h&ours"), this))
    , m_count(new QLabel(this))
    , m_publishAction(new QAction(tr("&Publish"), this))
    , m_publishAllAction(new QAction(tr("Publish a&ll"), this)) {
    setObjectName(QStringLiteral("centresPage"));
    m_filter->setSourceModel(m_model);

    m_view->setObjectName(QStringLiteral("centreTable"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new ElidedToolTipDelegate(m_view));
    m_view->setAccessibleName(tr("Centres"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CentreTableModel::Name, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + kRowPadding);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CentreTableModel::Name, QHeaderView::Interactive);
    header->resizeSection(CentreTableModel::Name,
                          kNameColumns * m_view->fontMetrics().averageCharWidth());
    header->setSectionResizeMode(CentreTableModel::Address, QHeaderView::Stretch);
    header->setSectionResizeMode(CentreTableModel::Services, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(CentreTableModel::Publication,
                                     new PublishStateDelegate(m_view));
    m_view->setColumnHidden(CentreTableModel::Publication, true);

    m_emptyLabel->setObjectName(QStringLiteral("centresEmpty"));
    m_emptyLabel->setText(tr("No centres yet. Use \"Add centre\" to set up the first one, or "
                             "import a list with File > Import centres."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_content->addWidget(m_view);
    m_content->addWidget(m_emptyLabel);

    m_count->setObjectName(QStringLiteral("centreCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(
        new PageHeader(tr("Centres"),
                       tr("Test and vaccination centres with their address, services and capacity. "
                          "Deactivated centres stay listed with their history."),
                       this));
    layout->addWidget(buildToolbar());
    layout->addWidget(m_content, 1);
    layout->addWidget(m_count);

    connect(m_view, &QAbstractItemView::activated, this, &CentresPage::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CentresPage::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CentresPage::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &CentresPage::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CentresPage::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &CentresPage::updateActions);
    connect(&m_store, &ConsoleStore::centresChanged, this, &CentresPage::reload);
    updateActions();
    updateEmptyState();
}

QWidget *CentresPage::buildToolbar() {
    m_add->setObjectName(QStringLiteral("addCentre"));
    m_add->setShortcut(QKeySequence::New);
    m_add->setToolTip(tr("Add a centre (%1)")
                          .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_edit->setObjectName(QStringLiteral("editCentre"));
    m_edit->setToolTip(tr("Edit the selected centre (Enter or double-click)"));
    m_toggle->setObjectName(QStringLiteral("toggleActive"));
    m_toggle->setToolTip(tr("Deactivated centres get no new slots; their history is kept."));
    m_hours->setObjectName(QStringLiteral("editHours"));
    m_hours->setToolTip(tr("Edit the opening hours of the selected centre"));

    m_search->setObjectName(QStringLiteral("centreSearch"));
    m_search->setPlaceholderText(tr("Search name, address, service or phone"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(kSearchColumns * m_search->fontMetrics().averageCharWidth());
    m_search->setAccessibleName(tr("Search centres"));
    m_search->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView),
                        QLineEdit::LeadingPosition);
    m_showInactive->setObjectName(QStringLiteral("showInactive"));
    m_showInactive->setChecked(true);

    auto *focusSearch = new QShortcut(QKeySequence::Find, this);
    connect(focusSearch, &QShortcut::activated, m_search,
            [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateEmptyState();
    });
    connect(m_showInactive, &QCheckBox::toggled, this, [this](bool show) {
        m_filter->setShowInactive(show);
        updateEmptyState();
    });
    connect(m_add, &QPushButton::clicked, this, &CentresPage::addCentre);
    connect(m_edit, &QPushButton::clicked, this, &CentresPage::editSelected);
    connect(m_toggle, &QPushButton::clicked, this, &CentresPage::toggleSelectedActive);
    connect(m_hours, &QPushButton::clicked, this, &CentresPage::showSelectedHours);

    buildPublishActions();
    auto *publish = new QToolButton(this);
    publish->setObjectName(QStringLiteral("publishButton"));
    publish->setDefaultAction(m_publishAction);
    publish->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *publishAll = new QToolButton(this);
    publishAll->setObjectName(QStringLiteral("publishAllButton"));
    publishAll->setDefaultAction(m_publishAllAction);
    publishAll->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add);
    layout->addWidget(m_edit);
    layout->addWidget(m_toggle);
    layout->addWidget(m_hours);
    layout->addWidget(publish);
    layout->addWidget(publishAll);
    layout->addStretch(1);
    layout->addWidget(m_search);
    layout->addSpacing(8);
    layout->addWidget(m_showInactive);
    // Left to right as they are seen; the table follows the toolbar.
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_toggle);
    setTabOrder(m_toggle, m_hours);
    setTabOrder(m_hours, publish);
    setTabOrder(publish, publishAll);
    setTabOrder(publishAll, m_search);
    setTabOrder(m_search, m_showInactive);
    setTabOrder(m_showInactive, m_view);
    return bar;
}

void CentresPage::buildPublishActions() {
    m_publishAction->setObjectName(QStringLiteral("publishCentres"));
    m_publishAction->setToolTip(
        tr("Publish the selected centres and their opening hours to the service"));
    m_publishAllAction->setObjectName(QStringLiteral("publishAllCentres"));
    m_publishAllAction->setToolTip(tr("Publish every centre that is not published as it is"));
    connect(m_publishAction, &QAction::triggered, this, &CentresPage::publishSelected);
    connect(m_publishAllAction, &QAction::triggered, this, &CentresPage::publishAll);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_publishAction);
    m_view->addAction(m_publishAllAction);
}

void CentresPage::setPublisher(CentrePublisher *publisher) {
    m_publisher = publisher;
    m_view->setColumnHidden(CentreTableModel::Publication, publisher == nullptr);
    if (!publisher)
        return;
    connect(publisher, &CentrePublisher::progress, this, [this](int done, int total) {
        if (m_progress) {
            m_progress->setMaximum(total);
            m_progress->setValue(done);
        }
    });
    connect(publisher, &CentrePublisher::centreFinished, this,
            [this](const CentrePublisher::Result &result) {
                if (result.outcome == CentrePublisher::Outcome::Conflict)
                    m_conflicts.append(result.centreId);
                else if (result.outcome == CentrePublisher::Outcome::BookingsAffected)
                    m_affected.append({result.centreId, result.impact});
            });
    connect(publisher, &CentrePublisher::finished, this,
            [this](const CentrePublisher::Summary &summary) {
                if (summary.unreachable)
                    Q_EMIT errorMessage(publishLaterMessage());
                else if (summary.failed > 0)
                    Q_EMIT errorMessage(
                        tr("%n centre(s) could not be published: %1", nullptr, summary.failed)
                            .arg(summary.lastMessage));
                else if (summary.bookingsAffected > 0)
                    Q_EMIT statusMessage(
                        tr("%n centre(s) not published: the new opening hours leave booked "
                           "appointments outside.",
                           nullptr, summary.bookingsAffected));
                else if (summary.conflicts > 0)
                    Q_EMIT statusMessage(tr("%n centre(s) published, %1 in conflict with the "
                                            "service.",
                                            nullptr, summary.published)
                                             .arg(summary.conflicts));
                else if (summary.cancelled)
                    Q_EMIT statusMessage(
                        tr("Publishing cancelled after %n centre(s).", nullptr, summary.published));
                else
                    Q_EMIT statusMessage(tr("%n centre(s) published.", nullptr, summary.published));
                onPublishFinished(summary.conflicts);
            });
    connect(publisher, &CentrePublisher::serviceVersionTaken, this,
            [this](qint64 centreId, const QString &error) {
                if (!error.isEmpty())
                    Q_EMIT errorMessage(error);
                else
                    Q_EMIT statusMessage(tr("The service's version was taken over."));
                reloadPublishStates();
                Q_EMIT conflictResolved(centreId);
            });
    connect(&m_store, &ConsoleStore::publicationsChanged, this, &CentresPage::reloadPublishStates);
    connect(&m_store, &ConsoleStore::openingHoursChanged, this, &CentresPage::reloadPublishStates);
    connect(&m_store, &ConsoleStore::centresChanged, this, &CentresPage::reloadPublishStates);
    reloadPublishStates();
    updateActions();
}

void CentresPage::setPublishAllowed(bool allowed) {
    m_publishAllowed = allowed;
    updateActions();
}

QList<qint64> CentresPage::selectedIds() const {
    QList<qint64> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids.append(row.data(CentreTableModel::CentreIdRole).toLongLong());
    return ids;
}

void CentresPage::publishSelected() {
    startPublish(selectedIds());
}

void CentresPage::publishAll() {
    QList<qint64> ids;
    for (const Centre &centre : m_model->centres()) {
        const std::optional<CentreTableModel::PublishInfo> info = m_model->publishInfo(centre.id);
        // A conflict waits for the user's decision; "publish all" never overwrites one.
        if (!info ||
            (info->state != PublishState::Published && info->state != PublishState::Conflict))
            ids.append(centre.id);
    }
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("Every centre is published."));
        return;
    }
    startPublish(ids);
}

void CentresPage::startPublish(const QList<qint64> &ids, bool overwrite, bool acceptAffected) {
    if (!m_publisher || !m_publishAllowed || ids.isEmpty() || m_publisher->isBusy())
        return;
    m_conflicts.clear();
    m_affected.clear();
    Q_EMIT busyChanged(true);
    Q_EMIT statusMessage(tr("Publishing %n centre(s)…", nullptr, int(ids.size())));
    if (ids.size() >= kProgressFromCentres) {
        m_progress = new QProgressDialog(tr("Publishing centres to the service…"), tr("Cancel"), 0,
                                         int(ids.size()), this);
        m_progress->setObjectName(QStringLiteral("publishProgress"));
        m_progress->setWindowTitle(tr("Publishing"));
        m_progress->setAttribute(Qt::WA_DeleteOnClose);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        connect(m_progress, &QProgressDialog::canceled, m_publisher, &CentrePublisher::cancel);
        m_progress->open();
    }
    updateActions();
    m_publisher->publish(ids, overwrite, acceptAffected);
}

void CentresPage::onPublishFinished(int conflicts) {
    if (m_progress) {
        // Closing a progress dialog reports a cancel; the publish is over already.
        disconnect(m_progress, nullptr, m_publisher, nullptr);
        m_progress->close();
        m_progress = nullptr;
    }
    Q_EMIT busyChanged(false);
    updateActions();
    reloadPublishStates();
    Q_EMIT publishFinished();
    if (conflicts > 0 && !m_conflicts.isEmpty())
        resolveConflict(m_conflicts.takeFirst());
    else if (!m_affected.isEmpty())
        askAboutAffectedBookings();
}

void CentresPage::askAboutAffectedBookings() {
    const QPair<qint64, QJsonObject> next = m_affected.takeFirst();
    const qint64 centreId = next.first;
    QString name;
    for (const Centre &centre : m_model->centres()) {
        if (centre.id == centreId)
            name = centre.name;
    }
    auto *dialog = new HoursImpactDialog(name, next.second, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, centreId](int result) {
        if (result == QDialog::Accepted) {
            startPublish({centreId}, false, true);
            return;
        }
        Q_EMIT statusMessage(tr("Opening hours not published; the service is unchanged."));
        if (!m_affected.isEmpty())
            askAboutAffectedBookings();
    });
    dialog->open();
    Q_EMIT affectedBookingsShown(dialog);
}

void CentresPage::reloadPublishStates() {
    if (!m_publisher)
        return;
    whenFinished(
        this, m_store.publishStates(),
        [this](const Stored<QHash<qint64, ConsoleStore::PublishStatus>> &result) {
            if (result.error) {
                Q_EMIT errorMessage(
                    tr("The publish states could not be read: %1").arg(result.error.message));
                return;
            }
            QHash<qint64, CentreTableModel::PublishInfo> states;
            for (auto it = result.value.cbegin(); it != result.value.cend(); ++it)
                states.insert(it.key(), {it.value().state, it.value().publication.conflict});
            m_model->setPublishStates(states);
            Q_EMIT publishStatesLoaded();
        });
}

void CentresPage::resolveConflict(qint64 centreId) {
    if (!m_publisher)
        return;
    whenFinished(this, m_store.publishPayload(centreId),
                 [this, centreId](const Stored<ConsoleStore::PublishPayload> &payload) {
                     if (payload.error) {
                         Q_EMIT errorMessage(payload.error.message);
                         return;
                     }
                     auto *dialog = new PublishConflictDialog(
                         payload.value.centre, payload.value.publication.serviceVersion,
                         payload.value.publication.conflict, this);
                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                     connect(dialog, &QDialog::finished, this, [this, dialog, centreId] {
                         switch (dialog->choice()) {
                         case PublishConflictDialog::Choice::KeepLocal:
                             startPublish({centreId}, true);
                             break;
                         case PublishConflictDialog::Choice::TakeService:
                             m_publisher->takeServiceVersion(centreId);
                             break;
                         case PublishConflictDialog::Choice::None:
                             if (!m_conflicts.isEmpty())
                                 resolveConflict(m_conflicts.takeFirst());
                             break;
                         }
                     });
                     dialog->open();
                 });
}

void CentresPage::reload() {
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    Q_EMIT busyChanged(true);
    whenFinished(this, m_store.centres(), [this](const Stored<QList<Centre>> &result) {
        m_loading = false;
        if (result.error) {
            Q_EMIT errorMessage(tr("The centres could not be read: %1").arg(result.error.message));
        } else {
            const std::optional<Centre> selected = selectedCentre();
            m_operations.noteLoaded(result.value);
            m_model->setCentres(result.value);
            m_loadedOnce = true;
            if (selected)
                selectCentre(selected->id);
            updateEmptyState();
            updateActions();
        }
        if (std::exchange(m_reloadAgain, false))
            reload();
        else
            Q_EMIT busyChanged(false);
        if (!result.error)
            Q_EMIT loaded();
    });
}

std::optional<Centre> CentresPage::selectedCentre() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first().data(CentreTableModel::CentreRole).value<Centre>();
}

void CentresPage::selectCentre(qint64 id) {
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QStringList CentresPage::namesExcept(qint64 id) const {
    QStringList names;
    for (const Centre &c : m_model->centres()) {
        if (c.id != id)
            names.append(c.name);
    }
    return names;
}

void CentresPage::addCentre() {
    openDialog(Centre{});
}

void CentresPage::editSelected() {
    if (const std::optional<Centre> centre = selectedCentre())
        openDialog(m_operations.latest(*centre));
}

void CentresPage::openDialog(const Centre &centre) {
    auto *dialog = new CentreDialog(m_operations, centre, namesExcept(centre.id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { onDialogAccepted(dialog->originalCentre(), dialog->savedCentre()); });
    dialog->open();
}

void CentresPage::onDialogAccepted(const Centre &before, const Centre &saved) {
    if (before.id == 0) {
        m_undoStack.push(new CreateCentreCommand(m_operations, saved));
        Q_EMIT statusMessage(tr("Centre \"%1\" created.").arg(saved.name));
    } else {
        m_undoStack.push(new EditCentreCommand(m_operations, before, saved));
        Q_EMIT statusMessage(tr("Centre \"%1\" saved.").arg(saved.name));
    }
    // Shown at once; the reload that centresChanged triggers confirms it from the store.
    m_model->upsert(saved);
    selectCentre(saved.id);
    m_view->setFocus();
}

void CentresPage::toggleSelectedActive() {
    if (const std::optional<Centre> centre = selectedCentre())
        m_undoStack.push(new SetCentreActiveCommand(m_operations, *centre, !centre->active));
}

void CentresPage::showSelectedHours() {
    if (const std::optional<Centre> centre = selectedCentre())
        Q_EMIT openingHoursRequested(centre->id);
}

void CentresPage::updateActions() {
    const std::optional<Centre> centre = selectedCentre();
    m_edit->setEnabled(centre.has_value());
    m_toggle->setEnabled(centre.has_value());
    m_hours->setEnabled(centre.has_value());
    m_toggle->setText(centre && !centre->active ? tr("&Reactivate") : tr("&Deactivate"));
    const bool canPublish = m_publisher && m_publishAllowed && !m_publisher->isBusy();
    m_publishAction->setVisible(m_publisher != nullptr);
    m_publishAllAction->setVisible(m_publisher != nullptr);
    m_publishAction->setEnabled(canPublish && centre.has_value());
    m_publishAllAction->setEnabled(canPublish && m_model->rowCount() > 0);
}

void CentresPage::updateEmptyState() {
    const int total = m_model->rowCount();
    const auto inactive = std::count_if(m_model->centres().cbegin(), m_model->centres().cend(),
                                        [](const Centre &c) { return !c.active; });
    m_content->setCurrentWidget(m_loadedOnce && total == 0 ? static_cast<QWidget *>(m_emptyLabel)
                                                           : m_view);
    const int shown = m_filter->rowCount();
    QString text = inactive > 0 ? tr("Centres: %1 (%2 inactive)").arg(total).arg(inactive)
                                : tr("Centres: %1").arg(total);
    if (shown != total)
        text = tr("%1 · shown: %2").arg(text).arg(shown);
    m_count->setText(m_loadedOnce ? text : tr("Loading centres…"));
}

} // namespace slotdesk

#include "ui/hours/OpeningHoursPage.h"

#include "models/rules/OpeningHoursRules.h"
#include "models/rules/Validation.h"
#include "models/store/ConsoleStore.h"
#include "ui/hours/EditHoursCommand.h"
#include "ui/hours/HoursDelegates.h"
#include "ui/hours/HoursListEditor.h"
#include "ui/hours/HoursTableModels.h"
#include "ui/hours/SaveHoursCommand.h"
#include "ui/hours/TimeText.h"
#include "ui/hours/WeekPreview.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/Tones.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk {

OpeningHoursPage::OpeningHoursPage(ConsoleStore &store, QUndoStack &undoStack, const Clock &clock,
                                   QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_undoStack(undoStack)
    , m_clock(clock) {
    setObjectName(QStringLiteral("openingHoursPage"));
    m_weekly = new WeeklyRulesModel(this);
    m_closures = new ClosuresModel(this);
    m_specialDays = new SpecialDaysModel(this);
    buildUi();

    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_weekly),
                                      static_cast<QAbstractItemModel *>(m_closures),
                                      static_cast<QAbstractItemModel *>(m_specialDays)}) {
        connect(model, &QAbstractItemModel::dataChanged, this, &OpeningHoursPage::onEdited);
        connect(model, &QAbstractItemModel::rowsInserted, this, &OpeningHoursPage::onEdited);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &OpeningHoursPage::onEdited);
        connect(model, &QAbstractItemModel::modelReset, this, &OpeningHoursPage::onEdited);
    }
    connect(m_centreCombo, &QComboBox::activated, this,
            [this](int index) { requestCentre(m_centreCombo->itemData(index).toLongLong()); });
    connect(&m_store, &ConsoleStore::centresChanged, this, &OpeningHoursPage::reloadCentres);
    connect(&m_store, &ConsoleStore::openingHoursChanged, this,
            &OpeningHoursPage::reloadStoredHours);
    reloadCentres();
    updateState();
}

OpeningHoursPage::~OpeningHoursPage() {
    // Child views close open editors while they are destroyed, which commits into the models;
    // this page is gone by then and must not hear about it.
    for (QObject *model : {static_cast<QObject *>(m_weekly), static_cast<QObject *>(m_closures),
                           static_cast<QObject *>(m_specialDays)})
        model->disconnect(this);
}

void OpeningHoursPage::buildUi() {
    auto *centreLabel = new QLabel(tr("&Centre:"), this);
    m_centreCombo = new QComboBox(this);
    m_centreCombo->setObjectName(QStringLiteral("centreCombo"));
    m_centreCombo->setMinimumContentsLength(28);
    m_centreCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    centreLabel->setBuddy(m_centreCombo);
    m_centreCombo->setAccessibleName(tr("Centre"));

    m_revertButton = new QPushButton(tr("&Revert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Discard the unsaved changes"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Check and store the opening hours (Ctrl+S)"));
    m_saveButton->setDefault(true);
    auto *saveAction = new QAction(tr("Save opening hours"), this);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);

    m_unsavedMark = new QLabel(tr("\u25cf Unsaved changes"), this);
    m_unsavedMark->setObjectName(QStringLiteral("unsavedMark"));
    QPalette markPalette = m_unsavedMark->palette();
    markPalette.setColor(QPalette::WindowText,
                         tones::inkOnWindow(tones::warningAccent(), markPalette));
    m_unsavedMark->setPalette(markPalette);
    m_unsavedMark->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(centreLabel);
    top->addWidget(m_centreCombo);
    top->addStretch(1);
    top->addWidget(m_unsavedMark);
    top->addWidget(m_revertButton);
    top->addWidget(m_saveButton);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(tones::noticeStyleSheet(tones::warningAccent(), m_notice->palette()));
    m_notice->hide();

    // Weekly rules.
    m_weeklyEditor = new HoursListEditor(m_weekly, QStringLiteral("weekly"), tr("&Add interval"));
    QTableView *weeklyView = m_weeklyEditor->view();
    weeklyView->setItemDelegateForColumn(
        WeeklyRulesModel::WeekdayColumn,
        new ChoiceDelegate(WeeklyRulesModel::weekdayNames(), 1, weeklyView));
    weeklyView->setItemDelegateForColumn(
        WeeklyRulesModel::KindColumn,
        new ChoiceDelegate(WeeklyRulesModel::kindNames(), 0, weeklyView));
    auto *timeDelegate = new DateTimeDelegate(DateTimeDelegate::Kind::Time, weeklyView);
    weeklyView->setItemDelegateForColumn(WeeklyRulesModel::FromColumn, timeDelegate);
    weeklyView->setItemDelegateForColumn(WeeklyRulesModel::ToColumn, timeDelegate);
    weeklyView->setAlternatingRowColors(false); // the model shades whole weekdays instead
    // Widths from the font, so the columns do not clip at a larger font size.
    const QFontMetrics metrics = weeklyView->fontMetrics();
    const int cellPadding = 3 * metrics.averageCharWidth();
    int weekdayWidth = 0;
    for (const QString &name : WeeklyRulesModel::weekdayNames())
        weekdayWidth = std::max(weekdayWidth, metrics.horizontalAdvance(name));
    // Room for the time editor's spin buttons as well.
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("00:00")) + 2 * cellPadding;
    const int dateWidth =
        metrics.horizontalAdvance(QStringLiteral("Mi. 30.12.2026")) + 2 * cellPadding;
    weeklyView->setColumnWidth(WeeklyRulesModel::WeekdayColumn, weekdayWidth + 2 * cellPadding);
    weeklyView->setColumnWidth(WeeklyRulesModel::FromColumn, timeWidth);
    weeklyView->setColumnWidth(WeeklyRulesModel::ToColumn, timeWidth);
    auto *copyMonday = new QPushButton(tr("Copy &Monday to Tue-Fri"), this);
    copyMonday->setObjectName(QStringLiteral("copyMondayButton"));
    copyMonday->setToolTip(
        tr("Replace the intervals of Tuesday to Friday with copies of Monday's"));
    m_weeklyEditor->addButton(copyMonday);
    m_weeklyEditor->setPlaceholderText(
        tr("No weekly opening hours yet.\nAdd an interval with the button below or the Insert "
           "key; a break is an interval of kind Break."));

    // Closures and special days.
    m_closuresEditor =
        new HoursListEditor(m_closures, QStringLiteral("closures"), tr("&Add closure"));
    auto *dateDelegate =
        new DateTimeDelegate(DateTimeDelegate::Kind::Date, m_closuresEditor->view());
    m_closuresEditor->view()->setItemDelegateForColumn(ClosuresModel::FirstColumn, dateDelegate);
    m_closuresEditor->view()->setItemDelegateForColumn(ClosuresModel::LastColumn, dateDelegate);
    m_closuresEditor->view()->setColumnWidth(ClosuresModel::FirstColumn, dateWidth);
    m_closuresEditor->view()->setColumnWidth(ClosuresModel::LastColumn, dateWidth);
    m_specialDaysEditor =
        new HoursListEditor(m_specialDays, QStringLiteral("specialDays"), tr("&Add special day"));
    m_specialDaysEditor->view()->setItemDelegateForColumn(
        SpecialDaysModel::DateColumn,
        new DateTimeDelegate(DateTimeDelegate::Kind::Date, m_specialDaysEditor->view()));
    m_specialDaysEditor->view()->setColumnWidth(SpecialDaysModel::DateColumn, dateWidth);
    m_specialDaysEditor->view()->setColumnWidth(SpecialDaysModel::LabelColumn,
                                                20 * metrics.averageCharWidth());

    m_closuresEditor->setPlaceholderText(
        tr("No closures.\nAdd one for holidays, renovation or days without vaccine."));
    m_specialDaysEditor->setPlaceholderText(
        tr("No special days.\nAdd one for a day with other hours than usual, e.g. Christmas "
           "Eve 08:00-12:00."));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("hoursTabs"));
    m_tabs->addTab(m_weeklyEditor, tr("&Weekly hours"));
    m_tabs->addTab(m_closuresEditor, tr("Cl&osures"));
    m_tabs->addTab(m_specialDaysEditor, tr("S&pecial days"));
    m_tabs->tabBar()->setAccessibleName(tr("Opening hours lists"));
    m_weeklyEditor->view()->setAccessibleName(tr("Weekly hours"));
    m_closuresEditor->view()->setAccessibleName(tr("Closures"));
    m_specialDaysEditor->view()->setAccessibleName(tr("Special days"));

    m_preview = new WeekPreview(m_clock, this);
    auto *previewFrame = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewFrame);
    previewLayout->setContentsMargins(8, 0, 0, 0);
    previewLayout->addWidget(m_preview);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    splitter->addWidget(previewFrame);
    m_tabs->setMinimumWidth(45 * metrics.averageCharWidth());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({64 * metrics.averageCharWidth(), 100 * metrics.averageCharWidth()});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    // The centre first, then what is done with its hours, then the lists and the preview.
    QList<QWidget *> order = {m_centreCombo, m_revertButton, m_saveButton, m_tabs->tabBar()};
    for (HoursListEditor *editor : {m_weeklyEditor, m_closuresEditor, m_specialDaysEditor})
        order += editor->focusOrder();
    order += m_preview->focusOrder();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    // A tab whose list has refused rows carries a warning sign until they are corrected.
    for (HoursListEditor *editor : {m_weeklyEditor, m_closuresEditor, m_specialDaysEditor}) {
        connect(editor, &HoursListEditor::errorsChanged, this, [this, editor](bool hasErrors) {
            m_tabs->setTabIcon(m_tabs->indexOf(editor),
                               hasErrors ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                         : QIcon());
        });
    }
    connect(m_weeklyEditor, &HoursListEditor::addRequested, this, &OpeningHoursPage::addWeekly);
    connect(m_closuresEditor, &HoursListEditor::addRequested, this, &OpeningHoursPage::addClosure);
    connect(m_specialDaysEditor, &HoursListEditor::addRequested, this,
            &OpeningHoursPage::addSpecialDay);
    connect(copyMonday, &QPushButton::clicked, this, &OpeningHoursPage::copyMondayToWeekdays);
    connect(m_saveButton, &QPushButton::clicked, this, &OpeningHoursPage::save);
    connect(saveAction, &QAction::triggered, this, &OpeningHoursPage::save);
    connect(m_revertButton, &QPushButton::clicked, this, &OpeningHoursPage::revert);
}

void OpeningHoursPage::showCentre(qint64 centreId) {
    if (m_centres.isEmpty()) {
        // The centre list is still on its way; reloadCentres() picks this up.
        m_requestedCentreId = centreId;
        return;
    }
    requestCentre(centreId);
}

OpeningHours OpeningHoursPage::editedHours() const {
    OpeningHours hours;
    hours.centreId = m_centreId;
    hours.weekly = m_weekly->rows();
    hours.closures = m_closures->rows();
    hours.specialDays = m_specialDays->specialDays();
    return hours;
}

Centre OpeningHoursPage::centre(qint64 centreId) const {
    const auto it = std::find_if(m_centres.cbegin(), m_centres.cend(),
                                 [centreId](const Centre &c) { return c.id == centreId; });
    return it == m_centres.cend() ? Centre{} : *it;
}

void OpeningHoursPage::requestCentre(qint64 centreId) {
    if (centreId == m_centreId) {
        selectInCombo(m_centreId);
        return;
    }
    if (m_dirty)
        askBeforeSwitching(centreId);
    else
        loadCentre(centreId);
}

void OpeningHoursPage::askBeforeSwitching(qint64 centreId) {
    selectInCombo(m_centreId); // until the user decides
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Unsaved opening hours"),
        tr("The opening hours of %1 have unsaved changes.").arg(centre(m_centreId).name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setInformativeText(tr("Save them before showing %1?").arg(centre(centreId).name));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, centreId] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            m_switchAfterSave = centreId;
            save();
            break;
        case QMessageBox::Discard:
            loadCentre(centreId);
            break;
        default:
            break;
        }
    });
    box->open();
}

void OpeningHoursPage::loadCentre(qint64 centreId) {
    recordEdit();
    m_centreId = centreId;
    m_switchAfterSave = 0;
    selectInCombo(centreId);
    m_preview->setCentre(centre(centreId));
    m_loading = true;
    updateState();
    const quint64 generation = ++m_loadGeneration;
    whenFinished(this, m_store.openingHours(centreId),
                 [this, generation, centreId](const Stored<OpeningHours> &result) {
                     if (generation != m_loadGeneration)
                         return; // a newer request is under way
                     m_loading = false;
                     if (result.error) {
                         showStatus(
                             tr("Could not load the opening hours: %1").arg(result.error.message),
                             true);
                         updateState();
                         return;
                     }
                     OpeningHours hours = result.value;
                     hours.centreId = centreId;
                     applyStored(hours);
                     Q_EMIT centreLoaded(centreId);
                 });
}

void OpeningHoursPage::reloadCentres() {
    whenFinished(this, m_store.centres(), [this](const Stored<QList<Centre>> &result) {
        if (result.error) {
            showStatus(tr("Could not load the centres: %1").arg(result.error.message), true);
            return;
        }
        m_centres = result.value;
        {
            const QSignalBlocker blocker(m_centreCombo);
            m_centreCombo->clear();
            for (const Centre &c : std::as_const(m_centres)) {
                m_centreCombo->addItem(c.active ? c.name : tr("%1 (inactive)").arg(c.name),
                                       QVariant::fromValue(c.id));
            }
        }
        if (m_centreId != 0 && centre(m_centreId).id == 0) {
            // The shown centre was removed: nothing left to edit.
            m_centreId = 0;
            applyStored({});
        }
        selectInCombo(m_centreId);
        m_preview->setCentre(centre(m_centreId));
        if (m_requestedCentreId != 0) {
            const qint64 requested = std::exchange(m_requestedCentreId, 0);
            requestCentre(requested);
        } else if (m_centreId == 0 && !m_centres.isEmpty()) {
            loadCentre(m_centres.constFirst().id);
        }
        updateState();
    });
}

void OpeningHoursPage::reloadStoredHours(qint64 centreId) {
    if (centreId != m_centreId || m_loading)
        return;
    const quint64 generation = ++m_loadGeneration;
    whenFinished(this, m_store.openingHours(centreId),
                 [this, generation, centreId](const Stored<OpeningHours> &result) {
                     if (generation != m_loadGeneration || result.error || centreId != m_centreId)
                         return;
                     OpeningHours hours = sortedHours(result.value);
                     hours.centreId = centreId;
                     if (hours == m_stored)
                         return;
                     if (!m_dirty || hours == editedHours()) {
                         applyStored(hours);
                         return;
                     }
                     // Undo, redo or an import changed the stored hours under unsaved edits: keep
                     // the edits, and let Revert show the stored state.
                     m_stored = hours;
                     m_notice->setText(
                         tr("The stored opening hours of this centre changed while you were "
                            "editing. Save keeps your edits; Revert shows the stored hours."));
                     m_notice->show();
                     updateState();
                 });
}

void OpeningHoursPage::applyStored(const OpeningHours &hours) {
    recordEdit();
    m_stored = sortedHours(hours);
    m_applying = true;
    m_weekly->setRows(m_stored.weekly);
    m_closures->setRows(m_stored.closures);
    m_specialDays->setSpecialDays(m_stored.specialDays);
    m_applying = false;
    m_draft = draft();
    showErrors({});
    m_notice->hide();
    onEdited();
}

HoursDraft OpeningHoursPage::draft() const {
    return {m_weekly->rows(), m_closures->rows(), m_specialDays->rows()};
}

void OpeningHoursPage::setDraft(const HoursDraft &draft) {
    m_applying = true;
    m_weekly->setRows(draft.weekly);
    m_closures->setRows(draft.closures);
    m_specialDays->setRows(draft.specialDays);
    m_applying = false;
    m_draft = draft;
    onEdited();
}

void OpeningHoursPage::restoreDraft(const HoursDraft &draft) {
    recordEdit();
    setDraft(draft);
    showErrors({});
}

void OpeningHoursPage::scheduleRecordEdit() {
    // Edits of one event-loop turn (several rows removed, a reset) become one command.
    if (m_recordPending)
        return;
    m_recordPending = true;
    QTimer::singleShot(0, this, &OpeningHoursPage::recordEdit);
}

void OpeningHoursPage::recordEdit() {
    if (!m_recordPending)
        return;
    m_recordPending = false;
    pushEdit(m_draft, tr("Edit opening hours of %1").arg(centre(m_centreId).name));
}

// `before` is a copy: callers pass m_draft, which this replaces.
void OpeningHoursPage::pushEdit(HoursDraft before, const QString &text) {
    const HoursDraft after = draft();
    if (after == before || m_centreId == 0)
        return;
    m_draft = after;
    m_undoStack.push(new EditHoursCommand(this, m_centreId, std::move(before), after, text));
}

void OpeningHoursPage::selectInCombo(qint64 centreId) {
    const QSignalBlocker blocker(m_centreCombo);
    m_centreCombo->setCurrentIndex(m_centreCombo->findData(QVariant::fromValue(centreId)));
}

void OpeningHoursPage::onEdited() {
    m_preview->setHours(editedHours());
    updateState();
    if (!m_applying && !m_loading)
        scheduleRecordEdit();
}

void OpeningHoursPage::updateState() {
    const bool dirty = m_centreId != 0 && !m_loading && editedHours() != m_stored;
    const bool editable = m_centreId != 0 && !m_loading;
    m_tabs->setEnabled(editable);
    m_saveButton->setEnabled(dirty && !m_saving);
    m_revertButton->setEnabled(dirty && !m_saving);
    m_unsavedMark->setVisible(dirty);
    if (dirty != m_dirty) {
        m_dirty = dirty;
        Q_EMIT unsavedChangesChanged(dirty);
    }
    const bool busy = m_loading || m_saving;
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void OpeningHoursPage::showStatus(const QString &text, bool problem) {
    if (problem)
        Q_EMIT errorMessage(text);
    else if (!text.isEmpty())
        Q_EMIT statusMessage(text);
}

void OpeningHoursPage::showErrors(const FieldErrors &errors) {
    static const QRegularExpression pattern(QStringLiteral("^(\\w+)\\[(\\d+)\\]$"));
    QHash<int, QString> weekly;
    QHash<int, QString> closures;
    QHash<int, QString> special;
    QStringList other;
    for (const FieldError &error : errors) {
        const QRegularExpressionMatch match = pattern.match(error.field);
        const QString list = match.captured(1);
        const int row = match.captured(2).toInt();
        QHash<int, QString> *target = list == u"weekly"        ? &weekly
                                      : list == u"closures"    ? &closures
                                      : list == u"specialDays" ? &special
                                                               : nullptr;
        if (match.hasMatch() && target && !target->contains(row))
            target->insert(row, error.message);
        else if (!match.hasMatch() || !target)
            other.append(error.message);
    }
    m_weeklyEditor->setErrors(weekly);
    m_closuresEditor->setErrors(closures);
    m_specialDaysEditor->setErrors(special);
    if (!other.isEmpty())
        showStatus(other.join(u' '), true);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_tabs->setTabIcon(m_tabs->indexOf(m_weeklyEditor), weekly.isEmpty() ? QIcon() : warning);
    m_tabs->setTabIcon(m_tabs->indexOf(m_closuresEditor), closures.isEmpty() ? QIcon() : warning);
    m_tabs->setTabIcon(m_tabs->indexOf(m_specialDaysEditor), special.isEmpty() ? QIcon() : warning);
    // Show the first list with a problem, so the marked row is in view.
    if (!weekly.isEmpty())
        m_tabs->setCurrentWidget(m_weeklyEditor);
    else if (!closures.isEmpty())
        m_tabs->setCurrentWidget(m_closuresEditor);
    else if (!special.isEmpty())
        m_tabs->setCurrentWidget(m_specialDaysEditor);
}

void OpeningHoursPage::save() {
    recordEdit();
    if (m_centreId == 0 || m_loading || m_saving || !m_dirty) {
        if (m_switchAfterSave != 0 && !m_dirty)
            loadCentre(m_switchAfterSave);
        return;
    }
    const OpeningHours edited = editedHours();
    FieldErrors errors;
    QList<int> unparsable;
    m_specialDays->specialDays(&unparsable);
    for (int row : std::as_const(unparsable)) {
        errors.append({QStringLiteral("specialDays[%1]").arg(row),
                       tr("Enter the open hours as intervals, e.g. 08:00-12:00, 13:00-15:00.")});
    }
    errors += validateOpeningHours(edited, berlinToday(m_clock), m_stored);
    if (!errors.isEmpty()) {
        m_switchAfterSave = 0;
        showErrors(errors);
        showStatus(tr("Not saved: please correct the marked rows."), true);
        Q_EMIT saveFinished(false);
        return;
    }
    showErrors({});
    m_saving = true;
    showStatus(tr("Saving\u2026"));
    updateState();
    const OpeningHours before = m_stored;
    whenFinished(
        this, m_store.saveOpeningHours(edited),
        [this, before, edited](const StoreError &error) { finishSave(before, edited, error); });
}

void OpeningHoursPage::finishSave(const OpeningHours &before, const OpeningHours &saved,
                                  const StoreError &error) {
    m_saving = false;
    if (error) {
        // The edits stay in the editor, so nothing typed is lost.
        m_switchAfterSave = 0;
        showErrors(error.fields);
        showStatus(tr("Not saved: %1").arg(error.message), true);
        updateState();
        selectInCombo(m_centreId);
        Q_EMIT saveFinished(false);
        return;
    }
    if (saved.centreId == m_centreId)
        m_stored = sortedHours(saved);
    m_undoStack.push(new SaveHoursCommand(
        m_store, before, saved, centre(saved.centreId).name, this,
        [this](const StoreError &undoError) {
            showStatus(tr("Could not restore the opening hours: %1").arg(undoError.message), true);
        }));
    showStatus(tr("Saved."));
    updateState();
    Q_EMIT saveFinished(true);
    if (m_switchAfterSave != 0)
        loadCentre(m_switchAfterSave);
}

void OpeningHoursPage::revert() {
    // Undoable, so a Revert by mistake does not lose the edits.
    recordEdit();
    const HoursDraft before = m_draft;
    applyStored(m_stored);
    pushEdit(before, tr("Revert opening hours of %1").arg(centre(m_centreId).name));
    showStatus(tr("Changes reverted."));
}

void OpeningHoursPage::addWeekly() {
    const QModelIndex current = m_weeklyEditor->view()->currentIndex();
    const QList<WeeklyInterval> rows = m_weekly->rows();
    const int weekday = current.isValid() ? rows.at(current.row()).weekday : 1;
    const int row = m_weekly->appendRow(defaultWeeklyInterval(rows, weekday));
    m_tabs->setCurrentWidget(m_weeklyEditor);
    m_weeklyEditor->focusRow(row, WeeklyRulesModel::FromColumn);
}

void OpeningHoursPage::addClosure() {
    const QDate today = berlinToday(m_clock);
    const int row = m_closures->appendRow({today, today, {}});
    m_tabs->setCurrentWidget(m_closuresEditor);
    m_closuresEditor->focusRow(row);
}

void OpeningHoursPage::addSpecialDay() {
    const int row =
        m_specialDays->appendRow({berlinToday(m_clock), {}, formatRanges({{8 * 60, 12 * 60}})});
    m_tabs->setCurrentWidget(m_specialDaysEditor);
    m_specialDaysEditor->focusRow(row);
}

void OpeningHoursPage::copyMondayToWeekdays() {
    const QList<WeeklyInterval> current = m_weekly->rows();
    const auto monday = std::count_if(current.cbegin(), current.cend(),
                                      [](const WeeklyInterval &w) { return w.weekday == 1; });
    m_weekly->setRows(slotdesk::copyMondayToWeekdays(current));
    showStatus(tr("Copied %n interval(s) of Monday to Tuesday through Friday.", "",
                  static_cast<int>(monday)));
}

} // namespace slotdesk

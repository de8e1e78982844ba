#include "ui/release/ReleaseWizard.h"

#include "models/domain/ServiceCatalogue.h"
#include "net/ReleaseClient.h"
#include "ui/shell/FutureWatch.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

namespace slotdesk {

namespace {

constexpr int kNoAge = -1;
constexpr int kMaxAge = 130;
constexpr int kListRows = 6;

QListWidget *checkList(const QString &objectName, const QString &accessibleName, QWidget *parent) {
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setMaximumHeight(list->fontMetrics().height() * (kListRows + 2));
    return list;
}

void addChecked(QListWidget *list, const QString &text, const QVariant &value) {
    auto *item = new QListWidgetItem(text, list);
    item->setData(Qt::UserRole, value);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Checked);
}

QList<QVariant> checkedValues(const QListWidget *list) {
    QList<QVariant> values;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            values.append(list->item(row)->data(Qt::UserRole));
    }
    return values;
}

// The label under a field that shows its problem; the field's accessible description carries
// the same text for screen readers.
QLabel *errorLabel(QWidget *field) {
    auto *label = new QLabel(field->parentWidget());
    label->setObjectName(field->objectName() + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setVisible(false);
    label->setForegroundRole(QPalette::Link);
    label->setAccessibleName(field->accessibleName());
    return label;
}

void addField(QFormLayout *form, const QString &text, QWidget *field) {
    auto *label = new QLabel(text, form->parentWidget());
    label->setBuddy(field);
    label->setObjectName(field->objectName() + QStringLiteral("Label"));
    QString plain = text;
    plain.remove(u'&');
    if (plain.endsWith(u':'))
        plain.chop(1);
    if (field->accessibleName().isEmpty())
        field->setAccessibleName(plain);
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(field);
    column->addWidget(errorLabel(field));
    form->addRow(label, column);
}

QString joinDays(const QList<QDate> &days) {
    QStringList texts;
    for (const QDate &day : days) {
        QString weekday = QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat);
        if (weekday.endsWith(u'.'))
            weekday.chop(1);
        texts.append(weekday + u' ' + day.toString(QStringLiteral("dd.MM.")));
    }
    return texts.join(QStringLiteral(", "));
}

} // namespace

ReleaseWizard::ReleaseWizard(ReleaseClient &client, const Clock &clock, ReleaseSource source,
                             QWidget *parent)
    : QWizard(parent)
    , m_client(client)
    , m_clock(clock)
    , m_source(std::move(source))
    , m_key(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
    , m_uuid(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    setObjectName(QStringLiteral("releaseWizard"));
    setWindowTitle(tr("Release slots"));
    setAccessibleName(tr("Release slots"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Publish"));
    setPage(SelectionPage, buildSelectionPage());
    setPage(OpeningPage, buildOpeningPage());
    setPage(EligibilityPage, buildEligibilityPage());
    setPage(SummaryPage, buildSummaryPage());
    updateSelectionCount();
}

ReleaseWizard::~ReleaseWizard() = default;

QWizardPage *ReleaseWizard::buildSelectionPage() {
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("releaseSelectionPage"));
    page->setTitle(tr("What is released"));
    page->setSubTitle(tr("Centres, services and days from the slot plan on this page."));
    m_centres = checkList(QStringLiteral("releaseCentres"), tr("Centres"), page);
    m_services = checkList(QStringLiteral("releaseServices"), tr("Services"), page);
    m_days = checkList(QStringLiteral("releaseDays"), tr("Days"), page);
    m_capacity = new QSpinBox(page);
    m_capacity->setObjectName(QStringLiteral("releaseCapacity"));
    m_capacity->setRange(0, 10000);
    m_capacity->setSpecialValueText(tr("all places"));
    m_capacity->setAccessibleName(tr("Places per slot"));
    m_selectionCount = new QLabel(page);
    m_selectionCount->setObjectName(QStringLiteral("releaseSelectionCount"));
    m_selectionCount->setAccessibleName(tr("Selected slots"));

    const SlotPlan *plan = m_source.plan.get();
    for (const Centre &centre : std::as_const(m_source.centres)) {
        if (plan && plan->centreIds.contains(centre.id))
            addChecked(m_centres, centre.name, centre.id);
    }
    if (plan) {
        for (const QString &service : plan->services)
            addChecked(m_services, serviceDisplayName(service), service);
        for (int day = 0; day < plan->dayCount(); ++day) {
            if (plan->dayTotal(day).slots > 0)
                addChecked(m_days, joinDays({plan->first.addDays(day)}), plan->first.addDays(day));
        }
    }
    for (QListWidget *list : {m_centres, m_services, m_days})
        connect(list, &QListWidget::itemChanged, this, &ReleaseWizard::updateSelectionCount);
    connect(m_capacity, &QSpinBox::valueChanged, this, &ReleaseWizard::updateSelectionCount);

    auto *form = new QFormLayout(page);
    addField(form, tr("Cent&res:"), m_centres);
    addField(form, tr("Serv&ices:"), m_services);
    addField(form, tr("&Days:"), m_days);
    addField(form, tr("&Places per slot:"), m_capacity);
    form->addRow(m_selectionCount);
    return page;
}

QWizardPage *ReleaseWizard::buildOpeningPage() {
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("releaseOpeningPage"));
    page->setTitle(tr("When it opens"));
    page->setSubTitle(tr("Citizens can book from the opening time on; the service opens the "
                         "release by itself, to the second."));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("releaseName"));
    m_name->setMaxLength(200);
    m_opensNow = new QRadioButton(tr("&Now"), page);
    m_opensNow->setObjectName(QStringLiteral("releaseOpensNow"));
    m_opensNow->setChecked(true);
    m_opensLater = new QRadioButton(tr("&Announced for:"), page);
    m_opensLater->setObjectName(QStringLiteral("releaseOpensLater"));
    m_opensAt = new QDateTimeEdit(page);
    m_opensAt->setObjectName(QStringLiteral("releaseOpensAt"));
    m_opensAt->setAccessibleName(tr("Opening time"));
    m_opensAt->setDisplayFormat(QStringLiteral("dd.MM.yyyy HH:mm"));
    m_opensAt->setCalendarPopup(true);
    // The edit shows Berlin wall-clock time whatever the computer's zone; draft() reads it so.
    m_opensAt->setDateTime(
        QDateTime(m_clock.now().toTimeZone(berlinTimeZone()).date().addDays(1), QTime(10, 0)));
    m_opensAt->setEnabled(false);
    connect(m_opensLater, &QRadioButton::toggled, m_opensAt, &QWidget::setEnabled);

    auto *form = new QFormLayout(page);
    addField(form, tr("&Name:"), m_name);
    form->addRow(tr("Opens:"), m_opensNow);
    form->addRow(QString(), m_opensLater);
    addField(form, tr("Opening &time:"), m_opensAt);
    return page;
}

QWizardPage *ReleaseWizard::buildEligibilityPage() {
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("releaseEligibilityPage"));
    page->setTitle(tr("Who may book"));
    page->setSubTitle(tr("Age on the appointment day, priority groups, invitations and the "
                         "share kept back for the hotline."));
    const auto ageBox = [page](const QString &name, const QString &accessible) {
        auto *box = new QSpinBox(page);
        box->setObjectName(name);
        box->setRange(kNoAge, kMaxAge);
        box->setValue(kNoAge);
        box->setSpecialValueText(tr("none"));
        box->setAccessibleName(accessible);
        return box;
    };
    m_ageFrom = ageBox(QStringLiteral("releaseAgeFrom"), tr("Age from"));
    m_ageTo = ageBox(QStringLiteral("releaseAgeTo"), tr("Age to"));
    m_groups = new QLineEdit(page);
    m_groups->setObjectName(QStringLiteral("releaseGroups"));
    m_groups->setPlaceholderText(tr("e.g. Pflege, Lehrkräfte (separated by commas)"));
    m_invitationOnly = new QCheckBox(tr("Invitation &only"), page);
    m_invitationOnly->setObjectName(QStringLiteral("releaseInvitationOnly"));
    m_invitations = new QSpinBox(page);
    m_invitations->setObjectName(QStringLiteral("releaseInvitations"));
    m_invitations->setRange(0, ReleaseDraftRules::maxInvitations);
    m_invitations->setEnabled(false);
    connect(m_invitationOnly, &QCheckBox::toggled, m_invitations, &QWidget::setEnabled);
    m_hotlineShare = new QSpinBox(page);
    m_hotlineShare->setObjectName(QStringLiteral("releaseHotlineShare"));
    m_hotlineShare->setRange(0, 100);
    m_hotlineShare->setSuffix(QStringLiteral(" %"));

    auto *form = new QFormLayout(page);
    addField(form, tr("Age &from:"), m_ageFrom);
    addField(form, tr("Age &to:"), m_ageTo);
    addField(form, tr("Priority &groups:"), m_groups);
    form->addRow(QString(), m_invitationOnly);
    addField(form, tr("Invitation &codes:"), m_invitations);
    addField(form, tr("&Hotline share:"), m_hotlineShare);
    return page;
}

QWizardPage *ReleaseWizard::buildSummaryPage() {
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("releaseSummaryPage"));
    page->setTitle(tr("Summary"));
    page->setSubTitle(tr("Check the release and what citizens will see, then publish."));
    const auto textLabel = [page](const QString &name, const QString &accessible) {
        auto *label = new QLabel(page);
        label->setObjectName(name);
        label->setAccessibleName(accessible);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        return label;
    };
    m_summary = textLabel(QStringLiteral("releaseSummary"), tr("Summary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_forecast = textLabel(QStringLiteral("releaseForecast"), tr("Vaccine forecast"));
    m_preview = textLabel(QStringLiteral("releasePreview"), tr("Citizen preview"));
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setBackgroundRole(QPalette::Base);
    m_preview->setAutoFillBackground(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setMargin(m_preview->fontMetrics().height() / 2);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("releaseProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_publishMessage = textLabel(QStringLiteral("releasePublishMessage"), tr("Message"));
    m_publishMessage->setForegroundRole(QPalette::Link);
    m_saveCodes = new QPushButton(tr("Save invitation &codes…"), page);
    m_saveCodes->setObjectName(QStringLiteral("releaseSaveCodes"));
    m_saveCodes->setAccessibleName(tr("Save invitation codes"));
    m_saveCodes->setToolTip(tr("The codes to hand out to the invited people. Save them before "
                               "publishing: the wizard closes once the release is published."));
    connect(m_saveCodes, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Save invitation codes"), QString(), tr("Text files (*.txt)"));
        dialog->setObjectName(QStringLiteral("invitationCodesFile"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("txt"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &ReleaseWizard::saveInvitationCodes);
        dialog->open();
    });

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addWidget(m_forecast);
    auto *previewTitle = new QLabel(tr("What citizens will see:"), page);
    previewTitle->setObjectName(QStringLiteral("releasePreviewLabel"));
    previewTitle->setBuddy(m_preview);
    layout->addWidget(previewTitle);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_saveCodes, 0, Qt::AlignLeft);
    layout->addWidget(m_progress);
    layout->addWidget(m_publishMessage);
    return page;
}

ReleaseDraft ReleaseWizard::draft() const {
    ReleaseDraft draft;
    for (const QVariant &id : checkedValues(m_centres))
        draft.centreIds.append(id.toLongLong());
    for (const QVariant &service : checkedValues(m_services))
        draft.services.append(service.toString());
    for (const QVariant &day : checkedValues(m_days))
        draft.days.append(day.toDate());
    draft.capacityPerSlot = m_capacity->value();
    draft.name = m_name->text();
    draft.opensNow = m_opensNow->isChecked();
    const QDateTime shown = m_opensAt->dateTime();
    draft.opensAt = QDateTime(shown.date(), shown.time(), berlinTimeZone()).toUTC();
    if (m_ageFrom->value() != kNoAge)
        draft.ageFrom = m_ageFrom->value();
    if (m_ageTo->value() != kNoAge)
        draft.ageTo = m_ageTo->value();
    for (const QString &group : m_groups->text().split(u',', Qt::SkipEmptyParts)) {
        if (!group.trimmed().isEmpty())
            draft.priorityGroups.append(group.trimmed());
    }
    draft.invitationOnly = m_invitationOnly->isChecked();
    draft.invitationCount = draft.invitationOnly ? m_invitations->value() : 0;
    draft.hotlineShare = m_hotlineShare->value();
    return draft;
}

QList<DraftSlot> ReleaseWizard::selectedSlots() const {
    if (!m_source.plan)
        return {};
    QHash<qint64, QString> uuids;
    for (const Centre &centre : m_source.centres)
        uuids.insert(centre.id, centre.uuid);
    return ReleaseDraftRules::selectSlots(*m_source.plan, draft(), uuids);
}

QJsonObject ReleaseWizard::requestBody() {
    const ReleaseDraft current = draft();
    if (m_codes.size() != current.invitationCount)
        m_codes = ReleaseDraftRules::invitationCodes(current.invitationCount);
    return ReleaseDraftRules::requestBody(current, m_uuid, selectedSlots(), m_codes);
}

void ReleaseWizard::updateSelectionCount() {
    const QList<DraftSlot> slots = selectedSlots();
    const QLocale locale;
    m_selectionCount->setText(
        tr("%1 slots with %2 places")
            .arg(locale.toString(slots.size()), locale.toString(ReleaseDraftRules::places(slots))));
}

bool ReleaseWizard::showProblems(int id, const QList<DraftProblem> &problems) {
    QWizardPage *wizardPage = page(id);
    for (QLabel *label : wizardPage->findChildren<QLabel *>()) {
        if (!label->objectName().endsWith(QStringLiteral("Error")))
            continue;
        label->clear();
        label->setVisible(false);
    }
    for (QWidget *field : wizardPage->findChildren<QWidget *>())
        field->setAccessibleDescription(QString());
    bool focused = false;
    for (const DraftProblem &problem : problems) {
        auto *label = wizardPage->findChild<QLabel *>(problem.field + QStringLiteral("Error"));
        auto *field = wizardPage->findChild<QWidget *>(problem.field);
        if (label) {
            label->setText(label->text().isEmpty() ? problem.message
                                                   : label->text() + u'\n' + problem.message);
            label->setVisible(true);
        }
        if (field) {
            field->setAccessibleDescription(problem.message);
            if (!std::exchange(focused, true))
                field->setFocus();
        }
    }
    return problems.isEmpty();
}

bool ReleaseWizard::validateCurrentPage() {
    const ReleaseDraft current = draft();
    switch (currentId()) {
    case SelectionPage:
        return showProblems(SelectionPage, ReleaseDraftRules::selectionProblems(
                                               current, int(selectedSlots().size())));
    case OpeningPage:
        return showProblems(OpeningPage,
                            ReleaseDraftRules::openingProblems(current, m_clock.now()));
    case EligibilityPage:
        return showProblems(EligibilityPage, ReleaseDraftRules::eligibilityProblems(current));
    case SummaryPage:
        if (m_published)
            return true;
        publish();
        return false;
    default:
        return QWizard::validateCurrentPage();
    }
}

void ReleaseWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id == OpeningPage && m_name->text().isEmpty()) {
        const ReleaseDraft current = draft();
        QStringList services;
        for (const QString &code : current.services)
            services.append(serviceDisplayName(code));
        m_name->setText(services.join(QStringLiteral(", ")) + QStringLiteral(" ") +
                        joinDays({current.days.value(0)}));
    }
    if (id == SummaryPage)
        updateSummary();
}

void ReleaseWizard::updateSummary() {
    const ReleaseDraft current = draft();
    const QList<DraftSlot> slots = selectedSlots();
    m_summary->setText(ReleaseDraftRules::summary(current, ReleaseDraftRules::places(slots),
                                                  int(current.centreIds.size()), m_clock.now()));
    m_preview->setText(buildPreview(current, slots));
    m_saveCodes->setVisible(current.invitationOnly);
    m_publishMessage->clear();
    loadForecasts();
}

QString ReleaseWizard::buildPreview(const ReleaseDraft &current,
                                    const QList<DraftSlot> &slots) const {
    QStringList lines;
    const QString when =
        current.opensNow
            ? tr("Bookable now")
            : tr("Bookable from %1").arg(ReleaseDraftRules::openingText(current.opensAt));
    lines.append(when + QStringLiteral(" · ") + ReleaseDraftRules::eligibilityText(current));
    for (const Centre &centre : m_source.centres) {
        if (!current.centreIds.contains(centre.id))
            continue;
        lines.append(QString());
        lines.append(centre.name + QStringLiteral(", ") + centre.street + QStringLiteral(", ") +
                     centre.postcode + u' ' + centre.city);
        for (const QString &service : current.services) {
            QList<QDate> days;
            qint64 first = std::numeric_limits<qint64>::max();
            qint64 last = 0;
            for (const DraftSlot &slot : slots) {
                if (slot.centreUuid != centre.uuid || slot.service != service)
                    continue;
                const QDateTime start =
                    QDateTime::fromSecsSinceEpoch(slot.startsAt, berlinTimeZone());
                if (!days.contains(start.date()))
                    days.append(start.date());
                first = qMin(first, slot.startsAt);
                last = qMax(last, slot.startsAt + slot.minutes * 60);
            }
            if (days.isEmpty())
                continue;
            const QString from =
                QDateTime::fromSecsSinceEpoch(first, berlinTimeZone()).toString(u"HH:mm");
            const QString to =
                QDateTime::fromSecsSinceEpoch(last, berlinTimeZone()).toString(u"HH:mm");
            lines.append(tr("  %1: %2, appointments between %3 and %4")
                             .arg(serviceDisplayName(service), joinDays(days), from, to));
        }
    }
    return lines.join(u'\n');
}

void ReleaseWizard::loadForecasts() {
    const QMap<QString, int> requested = ReleaseDraftRules::requestedDoses(selectedSlots());
    const quint64 request = ++m_forecastRequest;
    if (requested.isEmpty()) {
        m_forecast->setText(tr("No vaccine in this release: no forecast limit applies."));
        Q_EMIT forecastShown();
        return;
    }
    m_forecast->setText(tr("Reading the delivery forecasts…"));
    auto lines = std::make_shared<QList<ForecastLine>>();
    auto pending = std::make_shared<int>(int(requested.size()));
    auto failure = std::make_shared<QString>();
    for (auto it = requested.cbegin(); it != requested.cend(); ++it) {
        const QString service = it.key().section(u'|', 0, 0);
        const QString week = it.key().section(u'|', 1, 1);
        const int doses = it.value();
        whenFinished(
            this, m_client.forecasts(service, week, week),
            [this, request, lines, pending, failure, service, week,
             doses](const ServiceReply &reply) {
                if (request != m_forecastRequest)
                    return;
                if (!reply.ok())
                    *failure = ReleaseClient::message(reply.error, reply.object());
                else
                    lines->append(ForecastLine{
                        service, week, ReleaseClient::readForecast(reply, service, week), doses});
                if (--*pending > 0)
                    return;
                std::sort(lines->begin(), lines->end(),
                          [](const ForecastLine &a, const ForecastLine &b) {
                              return std::tie(a.service, a.week) < std::tie(b.service, b.week);
                          });
                QStringList texts;
                for (const ForecastLine &line : std::as_const(*lines))
                    texts.append(ReleaseDraftRules::forecastText(line));
                if (!failure->isEmpty())
                    texts.append(tr("The forecasts could not be read: %1").arg(*failure));
                m_forecast->setText(texts.join(u'\n'));
                Q_EMIT forecastShown();
            });
    }
}

void ReleaseWizard::saveInvitationCodes(const QString &path) {
    requestBody(); // makes the codes for the current count
    const QByteArray text = (m_codes.join(u'\n') + u'\n').toUtf8();
    const auto write = [](const QString &file, const QByteArray &bytes) {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return out.errorString();
        return QString();
    };
    whenFinished(this, QtConcurrent::run(write, path, text), [this, path](const QString &error) {
        const QString message =
            error.isEmpty()
                ? tr("%1 invitation codes are saved in %2.").arg(m_codes.size()).arg(path)
                : tr("The file %1 could not be written: %2").arg(path, error);
        m_publishMessage->setText(message);
        Q_EMIT invitationCodesSaved(error.isEmpty(), message);
    });
}

bool ReleaseWizard::publish() {
    if (m_sending || m_published)
        return false;
    const QJsonObject body = requestBody();
    const QStringList services = draft().services;
    setSending(true);
    m_publishMessage->setText(tr("Publishing…"));
    whenFinished(this, m_client.create(body, m_key), [this, services](const ServiceReply &reply) {
        setSending(false);
        if (!reply.ok()) {
            const QString message = ReleaseClient::message(reply.error, reply.object());
            m_publishMessage->setText(message);
            Q_EMIT publishFailed(message);
            return;
        }
        m_published = true;
        m_publishMessage->setText(tr("Published."));
        Q_EMIT published(m_uuid, services);
        accept();
    });
    return true;
}

void ReleaseWizard::setSending(bool sending) {
    m_sending = sending;
    m_progress->setVisible(sending);
    // A running publish cannot be taken back: once sent, only its answer ends it.
    m_progress->setRange(0, sending ? 0 : 1);
    for (const WizardButton which :
         {QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton}) {
        if (QAbstractButton *b = button(which))
            b->setEnabled(!sending);
    }
}

QString ReleaseWizard::summaryText() const {
    return m_summary->text();
}

QString ReleaseWizard::forecastText() const {
    return m_forecast->text();
}

QString ReleaseWizard::previewText() const {
    return m_preview->text();
}

QString ReleaseWizard::publishMessage() const {
    return m_publishMessage->text();
}

} // namespace slotdesk

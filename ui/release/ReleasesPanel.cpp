#include "ui/release/ReleasesPanel.h"

#include "models/itemmodels/ReleaseTableModel.h"
#include "net/ReleaseClient.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "ui/release/HotlineBookingDialog.h"
#include "ui/release/ReleaseBookingsDialog.h"
#include "ui/shell/FutureWatch.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

// The state column in palette colours, so dark themes stay readable: open in the link colour,
// sold out and withdrawn in the disabled text colour.
class ReleaseStateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = ReleaseState(index.data(ReleaseTableModel::StateRole).toInt());
        QPalette &palette = option->palette;
        switch (state) {
        case ReleaseState::Open:
            palette.setColor(QPalette::Text, palette.color(QPalette::Link));
            option->font.setBold(true);
            break;
        case ReleaseState::SoldOut:
        case ReleaseState::Withdrawn:
            palette.setColor(QPalette::Text, palette.color(QPalette::Disabled, QPalette::Text));
            break;
        case ReleaseState::Scheduled:
            break;
        }
    }
};

} // namespace

ReleasesPanel::ReleasesPanel(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new ReleaseTableModel(this))
    , m_view(new QTableView(this))
    , m_new(new QPushButton(tr("&New release…"), this))
    , m_withdraw(new QPushButton(tr("&Withdraw…"), this))
    , m_hotline(new QPushButton(tr("&Hotline booking…"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("releasesPanel"));
    setAccessibleName(tr("Releases"));
    m_view->setObjectName(QStringLiteral("releasesView"));
    m_view->setAccessibleName(tr("Releases"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(ReleaseTableModel::State, new ReleaseStateDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    m_new->setObjectName(QStringLiteral("newRelease"));
    m_new->setAccessibleName(tr("New release"));
    m_withdraw->setObjectName(QStringLiteral("withdrawRelease"));
    m_withdraw->setAccessibleName(tr("Withdraw release"));
    m_hotline->setObjectName(QStringLiteral("hotlineBooking"));
    m_hotline->setAccessibleName(tr("Hotline booking"));
    m_refresh->setObjectName(QStringLiteral("refreshReleases"));
    m_refresh->setAccessibleName(tr("Refresh releases"));
    m_message->setObjectName(QStringLiteral("releasesMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_withdraw);
    buttons->addWidget(m_hotline);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    m_timer.setInterval(refreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ReleasesPanel::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &ReleasesPanel::refresh);
    connect(m_new, &QPushButton::clicked, this, [this] { openWizard(); });
    connect(m_withdraw, &QPushButton::clicked, this, &ReleasesPanel::withdrawSelected);
    connect(m_hotline, &QPushButton::clicked, this, [this] { openHotlineBooking(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReleasesPanel::updateActions);
    updateActions();
}

ReleasesPanel::~ReleasesPanel() = default;

ReleaseBookingsDialog *ReleasesPanel::bookingsDialog() const {
    return m_bookings;
}

void ReleasesPanel::setClient(ReleaseClient *client) {
    m_client = client;
    if (m_client)
        connect(&m_client->client().session(), &Session::changed, this,
                &ReleasesPanel::updateActions, Qt::UniqueConnection);
    updateActions();
    if (isVisible())
        refresh();
}

void ReleasesPanel::setReleaseAllowed(bool allowed) {
    m_releaseAllowed = allowed;
    updateActions();
}

void ReleasesPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void ReleasesPanel::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_timer.stop();
}

void ReleasesPanel::updateActions() {
    const bool signedIn = m_client && m_client->client().session().isSignedIn();
    const QString adminOnly = tr("Only administrators release and withdraw slots.");
    m_new->setEnabled(signedIn && m_releaseAllowed);
    m_new->setToolTip(m_releaseAllowed ? tr("Release slots of the plan to citizens") : adminOnly);
    const Release *selected = m_model->release(m_view->currentIndex().row());
    const bool withdrawable =
        selected && ReleaseTableModel::stateOf(*selected) != ReleaseState::Withdrawn;
    m_withdraw->setEnabled(signedIn && m_releaseAllowed && withdrawable);
    m_withdraw->setToolTip(m_releaseAllowed ? tr("Withdraw the selected release's free places")
                                            : adminOnly);
    m_hotline->setEnabled(signedIn);
    m_refresh->setEnabled(m_client != nullptr);
}

void ReleasesPanel::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setForegroundRole(error ? QPalette::Link : QPalette::WindowText);
    if (error)
        Q_EMIT errorMessage(text);
    else if (!text.isEmpty())
        Q_EMIT statusMessage(text);
}

void ReleasesPanel::refresh() {
    updateActions();
    if (!m_client || !m_client->client().session().isSignedIn()) {
        m_message->setText(tr("Sign in to see the service's releases."));
        return;
    }
    const quint64 request = ++m_request;
    whenFinished(this, m_client->centres(), [this, request](const ServiceReply &reply) {
        if (request == m_request && reply.ok())
            m_model->setCentreNames(ReleaseClient::readCentreNames(reply));
    });
    whenFinished(this, m_client->releases(), [this, request](const ServiceReply &reply) {
        if (request != m_request)
            return; // a newer refresh is on its way
        if (!reply.ok()) {
            showMessage(ReleaseClient::message(reply.error, reply.object()), true);
            return;
        }
        QList<Release> releases;
        QString error;
        if (!ReleaseClient::readReleases(reply, &releases, &error)) {
            showMessage(error, true);
            return;
        }
        const QString keep = selectedUuid();
        m_model->setReleases(releases);
        if (!keep.isEmpty())
            selectRelease(keep);
        m_message->setText(
            tr("%1 releases, as of %2")
                .arg(QLocale().toString(releases.size()),
                     QLocale().toString(m_clock.now().toTimeZone(berlinTimeZone()).time(),
                                        QStringLiteral("HH:mm:ss"))));
        updateActions();
        Q_EMIT refreshed();
    });
}

QString ReleasesPanel::selectedUuid() const {
    const Release *release = m_model->release(m_view->currentIndex().row());
    return release ? release->uuid : QString();
}

void ReleasesPanel::selectRelease(const QString &uuid) {
    const int row = m_model->rowOf(uuid);
    if (row >= 0)
        m_view->selectRow(row);
    updateActions();
}

ReleaseWizard *ReleasesPanel::openWizard() {
    if (!m_client || !m_releaseAllowed)
        return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    // A plain pointer while setting up: the optimiser cannot see that the guarded one stays set.
    auto *wizard =
        new ReleaseWizard(*m_client, m_clock, m_source ? m_source() : ReleaseSource{}, this);
    m_wizard = wizard;
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ReleaseWizard::published, this,
            [this](const QString &uuid, const QStringList &services) {
                m_model->setServices(uuid, services);
                showMessage(tr("The release is published."), false);
                refresh();
            });
    wizard->open();
    return wizard;
}

void ReleasesPanel::withdrawSelected() {
    const Release *release = m_model->release(m_view->currentIndex().row());
    if (!release || !m_client)
        return;
    const QString uuid = release->uuid;
    const QLocale locale;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Withdraw release"),
                                tr("Withdraw the release \"%1\"?\n\n%2 free places disappear at "
                                   "once. Booked appointments stay (%3); they are listed "
                                   "afterwards so that you can contact the people.")
                                    .arg(release->name, locale.toString(release->remaining),
                                         locale.toString(release->booked)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("withdrawConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("&Withdraw"));
    box->button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, uuid](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            withdraw(uuid);
    });
    box->open();
}

void ReleasesPanel::withdraw(const QString &uuid) {
    whenFinished(this, m_client->withdraw(uuid), [this, uuid](const ServiceReply &reply) {
        if (!reply.ok()) {
            showMessage(ReleaseClient::message(reply.error, reply.object()), true);
            refresh();
            return;
        }
        const QJsonObject answer = reply.object();
        const QLocale locale;
        showMessage(
            tr("Withdrawn: %1 free places removed, %2 booked appointments kept.")
                .arg(locale.toString(answer.value(QStringLiteral("withdrawn_places")).toInteger()),
                     locale.toString(answer.value(QStringLiteral("bookings_kept")).toInteger())),
            false);
        refresh();
        if (m_bookings)
            m_bookings->close();
        m_bookings = new ReleaseBookingsDialog(*m_client, uuid, this);
        m_bookings->setAttribute(Qt::WA_DeleteOnClose);
        m_bookings->open();
        m_bookings->reload();
        Q_EMIT withdrawn(uuid);
    });
}

HotlineBookingDialog *ReleasesPanel::openHotlineBooking() {
    if (!m_client)
        return nullptr;
    QList<Release> open;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Release *release = m_model->release(row);
        if (ReleaseTableModel::stateOf(*release) == ReleaseState::Open)
            open.append(*release);
    }
    if (m_hotlineDialog)
        m_hotlineDialog->close();
    m_hotlineDialog = new HotlineBookingDialog(*m_client, m_clock, open, this);
    m_hotlineDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_hotlineDialog, &HotlineBookingDialog::booked, this, &ReleasesPanel::refresh);
    m_hotlineDialog->open();
    m_hotlineDialog->reload();
    return m_hotlineDialog;
}

} // namespace slotdesk

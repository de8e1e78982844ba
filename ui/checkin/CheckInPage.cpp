#include "ui/checkin/CheckInPage.h"

#include "models/core/Clock.h"
#include "net/QrPayload.h"
#include "net/ServiceClient.h"
#include "ui/checkin/VerdictPanel.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/PageHeader.h"
#include "ui/shell/Tones.h"

#include <QChildEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QSysInfo>
#include <QTimeZone>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

bool isControlText(const QString &text) {
    return text == u"\r" || text == u"\n" || text == u"\t" || text == u"\b" || text == u"\x1b";
}

} // namespace

CheckInPage::CheckInPage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_desk(QSysInfo::machineHostName()) {
    setObjectName(QStringLiteral("checkInPage"));
    setFocusPolicy(Qt::StrongFocus);
    m_monotonic.start();
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (std::optional<Scan> scan = m_assembler.idle(m_monotonic.elapsed()))
            handle(*scan);
    });

    auto *header = new PageHeader(
        tr("Check-in"),
        tr("Scan booking codes or type them: each answer appears at once, no click needed."), this);
    m_panel = new VerdictPanel(this);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("scanHistory"));
    m_history->setAccessibleName(tr("Scans today"));
    m_history->setUniformItemSizes(true);
    auto *historyLabel = new QLabel(tr("Scans today"), this);
    historyLabel->setBuddy(m_history);

    auto *side = new QVBoxLayout;
    side->addWidget(historyLabel);
    side->addWidget(m_history);
    auto *row = new QHBoxLayout;
    row->addWidget(m_panel, 3);
    row->addLayout(side, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header);
    layout->addLayout(row, 1);

    for (QObject *child : findChildren<QObject *>())
        watch(child);
}

void CheckInPage::setClient(ServiceClient *client) {
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_publicKey.clear();
    if (!m_client)
        return;
    connect(m_client, &ServiceClient::reachabilityChanged, this, [this](bool online) {
        if (online && m_publicKey.isEmpty())
            fetchPublicKey();
    });
    fetchPublicKey();
}

void CheckInPage::fetchPublicKey() {
    whenFinished(this, m_client->get(QStringLiteral("/api/v1/public-key")),
                 [this](const ServiceReply &reply) {
                     if (!reply.ok())
                         return; // the service still checks every code; retried once online
                     const QByteArray key = QByteArray::fromBase64(
                         reply.object().value(u"public_key").toString().toLatin1());
                     if (key.size() == 32)
                         m_publicKey = key;
                 });
}

bool CheckInPage::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::KeyPress && takeKey(static_cast<QKeyEvent *>(event)))
        return true;
    return QWidget::eventFilter(watched, event);
}

void CheckInPage::keyPressEvent(QKeyEvent *event) {
    if (!takeKey(event))
        QWidget::keyPressEvent(event);
}

void CheckInPage::childEvent(QChildEvent *event) {
    QWidget::childEvent(event);
    if (event->added())
        watch(event->child());
}

void CheckInPage::watch(QObject *object) {
    object->installEventFilter(this);
}

bool CheckInPage::takeKey(QKeyEvent *event) {
    // Shortcuts stay shortcuts; scanners never send modifiers other than Shift.
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString text = event->text();
    if (text.isEmpty())
        return false;
    // Enter, Tab, Space and the correction keys belong to the page's controls unless a scan is
    // open; no code starts with them.
    if (!m_assembler.pending() && (isControlText(text) || text.trimmed().isEmpty()))
        return false;
    const qint64 now = m_monotonic.elapsed();
    handle(m_assembler.key(text, now));
    if (m_assembler.pending())
        m_idle.start(int(std::max<qint64>(0, m_assembler.deadline() - now)));
    else
        m_idle.stop();
    return true;
}

void CheckInPage::handle(const QList<Scan> &scans) {
    for (const Scan &scan : scans)
        handle(scan);
}

void CheckInPage::handle(const Scan &scan) {
    if (!m_repeats.accept(scan.text, m_monotonic.elapsed()))
        return;
    ++m_scanNumber;
    switch (scan.kind) {
    case Scan::Kind::Invalid: {
        CheckInVerdict verdict = CheckInVerdict::forScan(scan);
        // What arrived goes into the failed-scan log; scanners' garbage can be long.
        verdict.code = scan.text.size() > 40 ? scan.text.left(39) + u'…' : scan.text;
        present(verdict, m_scanNumber);
        return;
    }
    case Scan::Kind::QrPayload: {
        const std::optional<QrPayload> payload = QrPayload::parse(scan.text, nullptr);
        if (!payload || (!m_publicKey.isEmpty() && !QrPayload::verify(scan.text, m_publicKey))) {
            present(CheckInVerdict::forgedSignature(payload ? payload->code : QString()),
                    m_scanNumber);
            return;
        }
        checkIn(payload->code);
        return;
    }
    case Scan::Kind::BookingCode:
        checkIn(scan.text);
        return;
    }
}

void CheckInPage::checkIn(const QString &code) {
    const quint64 number = m_scanNumber;
    if (!m_client) {
        ServiceReply offline;
        offline.error.kind = ServiceError::Kind::Unreachable;
        present(CheckInVerdict::forReply(code, offline), number);
        return;
    }
    present(CheckInVerdict::checking(code), number);
    whenFinished(this,
                 m_client->post(QStringLiteral("/api/v1/bookings/%1/check-in").arg(code),
                                QJsonObject{{QStringLiteral("desk"), m_desk}}),
                 [this, code, number](const ServiceReply &reply) {
                     present(CheckInVerdict::forReply(code, reply), number);
                 });
}

void CheckInPage::present(const CheckInVerdict &verdict, quint64 scanNumber) {
    if (verdict.tone != CheckInVerdict::Tone::Pending)
        record(verdict);
    // Answers of the service may arrive after the next scan: the panel shows the latest scan.
    if (scanNumber != m_scanNumber)
        return;
    m_panel->show(verdict);
    Q_EMIT verdictShown(verdict.tone);
}

void CheckInPage::record(const CheckInVerdict &verdict) {
    const QString time = m_clock.now()
                             .toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Berlin")))
                             .toString(QStringLiteral("HH:mm:ss"));
    QStringList parts{time};
    if (!verdict.code.isEmpty())
        parts.append(verdict.code);
    parts.append(verdict.headline);
    if (!verdict.name.isEmpty())
        parts.append(verdict.name);
    auto *item = new QListWidgetItem(parts.join(QStringLiteral("  ")));
    item->setToolTip(verdict.reason);
    const QColor accent = verdict.tone == CheckInVerdict::Tone::Ok          ? tones::successAccent()
                          : verdict.tone == CheckInVerdict::Tone::Attention ? tones::warningAccent()
                                                                            : tones::errorAccent();
    item->setForeground(tones::inkOnBase(accent, m_history->palette()));
    m_history->insertItem(0, item);
    if (verdict.tone != CheckInVerdict::Tone::Ok)
        m_failed.append(parts.join(QStringLiteral("  ")) + QStringLiteral(": ") + verdict.reason);
}

} // namespace slotdesk

#include "ui/release/HotlineBookingDialog.h"

#include "models/domain/ServiceCatalogue.h"
#include "net/ReleaseClient.h"
#include "ui/hours/TimeText.h"
#include "ui/shell/FutureWatch.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kCodeScale = 3;

void addRow(QFormLayout *form, const QString &text, QWidget *field, const QString &name) {
    field->setObjectName(name);
    auto *label = new QLabel(text, form->parentWidget());
    label->setBuddy(field);
    label->setObjectName(name + QStringLiteral("Label"));
    QString plain = text;
    plain.remove(u'&');
    if (plain.endsWith(u':'))
        plain.chop(1);
    field->setAccessibleName(plain);
    form->addRow(label, field);
}

} // namespace

HotlineBookingDialog::HotlineBookingDialog(ReleaseClient &client, const Clock &clock,
                                           QList<Release> openReleases, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_clock(clock)
    , m_releases(std::move(openReleases))
    , m_release(new QComboBox(this))
    , m_centre(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_day(new QDateEdit(this))
    , m_slot(new QComboBox(this))
    , m_familyName(new QLineEdit(this))
    , m_givenName(new QLineEdit(this))
    , m_birthDate(new QDateEdit(this))
    , m_phone(new QLineEdit(this))
    , m_book(new QPushButton(tr("&Book"), this))
    , m_code(new QLabel(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("hotlineBookingDialog"));
    setWindowTitle(tr("Hotline booking"));
    setAccessibleName(windowTitle());
    for (const Release &release : std::as_const(m_releases))
        m_release->addItem(release.name, release.uuid);
    const QDate today = berlinToday(m_clock);
    m_day->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_day->setCalendarPopup(true);
    m_day->setDate(today.addDays(1));
    m_birthDate->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_birthDate->setMaximumDate(today);
    m_birthDate->setDate(QDate(1960, 1, 1));
    m_book->setObjectName(QStringLiteral("hotlineBook"));
    m_book->setAccessibleName(tr("Book"));
    m_book->setDefault(true);
    m_code->setObjectName(QStringLiteral("hotlineCode"));
    m_code->setAccessibleName(tr("Booking code"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAlignment(Qt::AlignCenter);
    QFont big = m_code->font();
    // Fonts set in pixels (some platforms) have no point size.
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * kCodeScale);
    else
        big.setPixelSize(big.pixelSize() * kCodeScale);
    big.setBold(true);
    big.setFamily(QStringLiteral("monospace"));
    m_code->setFont(big);
    m_message->setObjectName(QStringLiteral("hotlineMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    addRow(form, tr("&Release:"), m_release, QStringLiteral("hotlineRelease"));
    addRow(form, tr("&Centre:"), m_centre, QStringLiteral("hotlineCentre"));
    addRow(form, tr("&Service:"), m_service, QStringLiteral("hotlineService"));
    addRow(form, tr("&Day:"), m_day, QStringLiteral("hotlineDay"));
    addRow(form, tr("S&lot:"), m_slot, QStringLiteral("hotlineSlot"));
    addRow(form, tr("&Family name:"), m_familyName, QStringLiteral("hotlineFamilyName"));
    addRow(form, tr("&Given name:"), m_givenName, QStringLiteral("hotlineGivenName"));
    addRow(form, tr("&Birth date:"), m_birthDate, QStringLiteral("hotlineBirthDate"));
    addRow(form, tr("&Phone:"), m_phone, QStringLiteral("hotlinePhone"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_book, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_book, &QPushButton::clicked, this, &HotlineBookingDialog::book);
    connect(m_release, &QComboBox::currentIndexChanged, this, &HotlineBookingDialog::fillCentres);
    connect(m_centre, &QComboBox::currentIndexChanged, this, &HotlineBookingDialog::fillServices);
    connect(m_service, &QComboBox::currentIndexChanged, this, &HotlineBookingDialog::loadSlots);
    connect(m_day, &QDateEdit::dateChanged, this, &HotlineBookingDialog::loadSlots);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_code);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    if (m_releases.isEmpty())
        showMessage(tr("No release is open: there is nothing to book."));
}

QString HotlineBookingDialog::code() const {
    return m_code->text();
}

QString HotlineBookingDialog::message() const {
    return m_message->text();
}

void HotlineBookingDialog::showMessage(const QString &text) {
    m_message->setText(text);
}

void HotlineBookingDialog::reload() {
    whenFinished(this, m_client.centres(), [this](const ServiceReply &reply) {
        if (!reply.ok()) {
            showMessage(ReleaseClient::message(reply.error, reply.object()));
            return;
        }
        m_centreNames = ReleaseClient::readCentreNames(reply);
        m_centreServices.clear();
        for (const QJsonValue &value : reply.object().value(QStringLiteral("centres")).toArray()) {
            const QJsonObject centre = value.toObject();
            QStringList services;
            for (const QJsonValue &s : centre.value(QStringLiteral("services")).toArray())
                services.append(s.toString());
            m_centreServices.insert(centre.value(QStringLiteral("id")).toInteger(), services);
        }
        fillCentres();
    });
}

void HotlineBookingDialog::fillCentres() {
    const QSignalBlocker blocker(m_centre);
    m_centre->clear();
    const int index = m_release->currentIndex();
    if (index >= 0 && index < m_releases.size()) {
        for (const qint64 id : m_releases.at(index).centreIds)
            m_centre->addItem(m_centreNames.value(id, QStringLiteral("#%1").arg(id)), id);
    }
    fillServices();
}

void HotlineBookingDialog::fillServices() {
    const QSignalBlocker blocker(m_service);
    m_service->clear();
    for (const QString &code : m_centreServices.value(m_centre->currentData().toLongLong()))
        m_service->addItem(serviceDisplayName(code), code);
    loadSlots();
}

void HotlineBookingDialog::loadSlots() {
    m_slot->clear();
    const qint64 centre = m_centre->currentData().toLongLong();
    const QString service = m_service->currentData().toString();
    if (centre <= 0 || service.isEmpty())
        return;
    const quint64 request = ++m_slotRequest;
    whenFinished(
        this, m_client.availability(centre, service, m_day->date()),
        [this, request](const ServiceReply &reply) {
            if (request != m_slotRequest)
                return;
            if (!reply.ok()) {
                showMessage(ReleaseClient::message(reply.error, reply.object()));
                return;
            }
            for (const QJsonValue &day : reply.object().value(QStringLiteral("days")).toArray()) {
                for (const QJsonValue &value :
                     day.toObject().value(QStringLiteral("slots")).toArray()) {
                    const QJsonObject slot = value.toObject();
                    const QDateTime start =
                        QDateTime::fromString(slot.value(QStringLiteral("starts_at")).toString(),
                                              Qt::ISODate)
                            .toTimeZone(berlinTimeZone());
                    m_slot->addItem(tr("%1 (%2 free online)")
                                        .arg(start.toString(QStringLiteral("HH:mm")))
                                        .arg(slot.value(QStringLiteral("free")).toInt()),
                                    slot.value(QStringLiteral("id")).toInteger());
                }
            }
            if (m_slot->count() == 0)
                showMessage(tr("No bookable slot on this day."));
            Q_EMIT slotsLoaded(m_slot->count());
        });
}

QString HotlineBookingDialog::problem() const {
    if (m_slot->currentIndex() < 0)
        return tr("Choose a slot.");
    if (m_familyName->text().trimmed().isEmpty())
        return tr("Enter the family name.");
    if (m_givenName->text().trimmed().isEmpty())
        return tr("Enter the given name.");
    if (m_phone->text().trimmed().isEmpty())
        return tr("Enter a phone number to reach the caller.");
    return {};
}

void HotlineBookingDialog::book() {
    const QString invalid = problem();
    if (!invalid.isEmpty()) {
        showMessage(invalid);
        Q_EMIT failed(invalid);
        return;
    }
    const QJsonObject body{
        {QStringLiteral("slot_id"), m_slot->currentData().toLongLong()},
        {QStringLiteral("family_name"), m_familyName->text().trimmed()},
        {QStringLiteral("given_name"), m_givenName->text().trimmed()},
        {QStringLiteral("birth_date"), m_birthDate->date().toString(Qt::ISODate)},
        {QStringLiteral("phone"), m_phone->text().trimmed()},
    };
    m_book->setEnabled(false);
    m_code->clear();
    showMessage(tr("Booking…"));
    whenFinished(this, m_client.hotlineBooking(body), [this](const ServiceReply &reply) {
        m_book->setEnabled(true);
        if (!reply.ok()) {
            const QString text = ReleaseClient::message(reply.error, reply.object());
            showMessage(text);
            Q_EMIT failed(text);
            return;
        }
        const QString code = reply.object().value(QStringLiteral("code")).toString();
        m_code->setText(code);
        showMessage(tr("Booked. Read the code out to the caller: %1").arg(code));
        Q_EMIT booked(code);
    });
}

} // namespace slotdesk

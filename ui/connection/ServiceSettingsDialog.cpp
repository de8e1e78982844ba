#include "ui/connection/ServiceSettingsDialog.h"

#include "net/ServiceClient.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/SettingsKeys.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

QLabel *messageLabel(const QString &name, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

bool isServiceUrl(const QUrl &url) {
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"http" || url.scheme() == u"https");
}

ServiceSettingsDialog::ServiceSettingsDialog(const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_clock(clock) {
    setObjectName(QStringLiteral("serviceSettingsDialog"));
    setWindowTitle(tr("Service"));
    const QSettings settings;

    m_local = new QCheckBox(tr("Run the service on this &computer (local service)"), this);
    m_local->setObjectName(QStringLiteral("useLocalService"));
    m_local->setChecked(settings.value(settings::serviceLocalKey()).toBool());

    m_url = new QLineEdit(settings.value(settings::serviceUrlKey()).toString(), this);
    m_url->setObjectName(QStringLiteral("serviceUrl"));
    m_url->setAccessibleName(tr("Service address"));
    m_url->setPlaceholderText(QStringLiteral("https://slotdesk.example.de"));
    m_urlError = messageLabel(QStringLiteral("serviceUrlError"), this);

    m_fingerprint =
        new QLineEdit(settings.value(settings::serviceCertificateKey()).toString(), this);
    m_fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    m_fingerprint->setAccessibleName(tr("Pinned certificate (SHA-256)"));
    m_fingerprint->setPlaceholderText(tr("empty: trust the system's certificate authorities"));
    m_fingerprintError = messageLabel(QStringLiteral("certificateFingerprintError"), this);

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    connect(m_test, &QPushButton::clicked, this, &ServiceSettingsDialog::testConnection);
    m_result = messageLabel(QStringLiteral("testResult"), this);
    m_result->setAccessibleName(tr("Result of the connection test"));

    const auto updateEnabled = [this] {
        const bool remote = !m_local->isChecked();
        m_url->setEnabled(remote);
        m_fingerprint->setEnabled(remote);
        m_test->setEnabled(remote && !m_testing);
    };
    connect(m_local, &QCheckBox::toggled, this, updateEnabled);
    updateEnabled();

    auto *form = new QFormLayout;
    form->addRow(m_local);
    auto *urlCaption = new QLabel(tr("&Address:"), this);
    urlCaption->setBuddy(m_url);
    form->addRow(urlCaption, m_url);
    form->addRow(QString(), m_urlError);
    auto *pinCaption = new QLabel(tr("&Certificate (SHA-256):"), this);
    pinCaption->setBuddy(m_fingerprint);
    form->addRow(pinCaption, m_fingerprint);
    form->addRow(QString(), m_fingerprintError);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServiceSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServiceSettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(buttons);
}

ServiceSettingsDialog::~ServiceSettingsDialog() = default;

QString ServiceSettingsDialog::url() const {
    return m_url->text().trimmed();
}

QString ServiceSettingsDialog::fingerprint() const {
    return QString::fromLatin1(ServiceClient::parseFingerprint(m_fingerprint->text()));
}

bool ServiceSettingsDialog::usesLocalService() const {
    return m_local->isChecked();
}

bool ServiceSettingsDialog::validate() {
    for (QLabel *label : {m_urlError, m_fingerprintError})
        label->hide();
    m_url->setAccessibleDescription({});
    m_fingerprint->setAccessibleDescription({});
    bool valid = true;
    if (usesLocalService())
        return valid;
    if (!isServiceUrl(QUrl(url()))) {
        setFieldError(m_urlError, m_url,
                      tr("Enter the service's address, e.g. https://slotdesk.example.de or "
                         "http://127.0.0.1:8080."));
        valid = false;
    }
    if (!m_fingerprint->text().trimmed().isEmpty() && fingerprint().isEmpty()) {
        setFieldError(m_fingerprintError, m_fingerprint,
                      tr("A SHA-256 fingerprint has 64 hexadecimal digits (colons allowed)."));
        valid = false;
    }
    return valid;
}

void ServiceSettingsDialog::setFieldError(QLabel *label, QLineEdit *field, const QString &message) {
    label->setText(message);
    label->show();
    field->setAccessibleDescription(message);
}

void ServiceSettingsDialog::testConnection() {
    if (usesLocalService() || !validate())
        return;
    // A new client per test: the old one's pending answer is cancelled and never shown.
    m_testClient = std::make_unique<ServiceClient>(m_testSession, m_clock);
    m_testClient->setBaseUrl(QUrl(url()));
    m_testClient->setPinnedCertificate(fingerprint());
    m_testClient->setRetries(0, 0);
    m_testing = true;
    m_test->setEnabled(false);
    m_result->setText(tr("Testing…"));
    m_result->show();
    whenFinished(m_testClient.get(), m_testClient->health(), [this](const ServiceReply &reply) {
        m_testing = false;
        m_test->setEnabled(true);
        const QString version = reply.object().value(QStringLiteral("version")).toString();
        m_result->setText(reply.ok() ? tr("Connection works (%1).").arg(version)
                                     : reply.error.message);
        m_result->setAccessibleDescription(m_result->text());
    });
}

void ServiceSettingsDialog::accept() {
    if (!validate())
        return;
    QSettings settings;
    settings.setValue(settings::serviceLocalKey(), usesLocalService());
    if (!usesLocalService()) {
        settings.setValue(settings::serviceUrlKey(), url());
        settings.setValue(settings::serviceCertificateKey(), fingerprint());
    }
    QDialog::accept();
}

} // namespace slotdesk

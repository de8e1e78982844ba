#include "ui/connection/SignInDialog.h"

#include "net/ServiceClient.h"
#include "ui/shell/FutureWatch.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kWidthInCharacters = 52; // room for a German error message on two lines

QLabel *errorLabel(const QString &name, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    // Bold text in the palette's own colour: readable in light and dark themes alike.
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->hide();
    return label;
}

} // namespace

SignInDialog::SignInDialog(ServiceClient &client, QWidget *parent)
    : QDialog(parent)
    , m_client(client) {
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the service"));
    // In characters, not pixels: the width follows the font size.
    setMinimumWidth(fontMetrics().averageCharWidth() * kWidthInCharacters);
    buildForm();
}

void SignInDialog::buildForm() {
    const QUrl url = m_client.baseUrl();
    m_service = new QLabel(url.isEmpty() ? tr("No service configured")
                                         : url.toDisplayString(QUrl::StripTrailingSlash),
                           this);
    m_service->setObjectName(QStringLiteral("serviceUrl"));
    m_service->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_service->setAccessibleName(tr("Service"));

    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setAccessibleName(tr("Login"));
    m_login->setMaxLength(64);
    m_loginError = errorLabel(QStringLiteral("loginError"), this);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordError = errorLabel(QStringLiteral("passwordError"), this);

    m_formError = errorLabel(QStringLiteral("formError"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *form = new QFormLayout;
    auto *serviceCaption = new QLabel(tr("Service:"), this);
    form->addRow(serviceCaption, m_service);
    auto *loginCaption = new QLabel(tr("&Login:"), this);
    loginCaption->setBuddy(m_login);
    form->addRow(loginCaption, m_login);
    form->addRow(QString(), m_loginError);
    auto *passwordCaption = new QLabel(tr("&Password:"), this);
    passwordCaption->setBuddy(m_password);
    form->addRow(passwordCaption, m_password);
    form->addRow(QString(), m_passwordError);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addWidget(m_buttons);
    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_buttons);
    m_login->setFocus();
}

void SignInDialog::setLogin(const QString &login) {
    m_login->setText(login);
    (login.isEmpty() ? m_login : m_password)->setFocus();
}

void SignInDialog::accept() {
    if (m_busy)
        return;
    clearErrors();
    const QString login = m_login->text().trimmed();
    bool complete = true;
    if (login.isEmpty()) {
        showFieldError(m_loginError, m_login, tr("Please enter your login."));
        complete = false;
    }
    if (m_password->text().isEmpty()) {
        showFieldError(m_passwordError, m_password, tr("Please enter your password."));
        complete = false;
    }
    if (!complete) {
        adjustSize();
        return;
    }
    setBusy(true);
    const int attempt = ++m_attempt;
    whenFinished(this, m_client.signIn(login, m_password->text()),
                 [this, attempt](const ServiceReply &reply) {
                     if (attempt != m_attempt)
                         return;
                     setBusy(false);
                     showResult(reply);
                 });
}

void SignInDialog::showResult(const ServiceReply &reply) {
    if (reply.ok()) {
        m_password->clear();
        Q_EMIT signedIn();
        QDialog::accept();
        return;
    }
    const ServiceError &error = reply.error;
    if (error.kind == ServiceError::Kind::Unauthorized || error.field == u"password") {
        m_password->clear();
        showFieldError(m_passwordError, m_password, error.message);
    } else if (error.field == u"login") {
        showFieldError(m_loginError, m_login, error.message);
    } else {
        m_formError->setText(error.message);
        m_formError->show();
        m_formError->setAccessibleDescription(error.message);
    }
    adjustSize(); // the message may need more lines than the dialog had
}

void SignInDialog::showFieldError(QLabel *label, QLineEdit *field, const QString &message) {
    label->setText(message);
    label->show();
    // Screen readers announce the problem with the field it belongs to.
    field->setAccessibleDescription(message);
    if (!m_loginError->isVisible() || label == m_loginError)
        field->setFocus();
}

void SignInDialog::clearErrors() {
    for (QLabel *label : {m_loginError, m_passwordError, m_formError}) {
        label->clear();
        label->hide();
    }
    m_login->setAccessibleDescription({});
    m_password->setAccessibleDescription({});
}

void SignInDialog::setBusy(bool busy) {
    m_busy = busy;
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

} // namespace slotdesk

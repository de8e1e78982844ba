#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace slotdesk {

class ServiceClient;
struct ServiceReply;

// Asks for login and password and signs in to the service the client is set to (shown, not
// editable here: Settings → Service changes it). Problems appear in German beside the field
// they concern; the dialog stays open until the sign-in succeeds or the user cancels. The
// password never leaves this dialog and the client's request.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(ServiceClient &client, QWidget *parent = nullptr);

    void setLogin(const QString &login);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void signedIn();

public Q_SLOTS:
    void accept() override; // starts the sign-in; closes only once it succeeded

private:
    void buildForm();
    void setBusy(bool busy);
    void showResult(const ServiceReply &reply);
    void showFieldError(QLabel *label, QLineEdit *field, const QString &message);
    void clearErrors();

    ServiceClient &m_client;
    QLabel *m_service = nullptr;
    QLineEdit *m_login = nullptr;
    QLabel *m_loginError = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordError = nullptr;
    QLabel *m_formError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signIn = nullptr;
    bool m_busy = false;
    int m_attempt = 0; // answers to an older attempt are dropped
};

} // namespace slotdesk

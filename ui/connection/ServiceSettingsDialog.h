#pragma once

#include "net/Session.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace slotdesk {

class Clock;
class ServiceClient;

// Settings → Service: the local service on this computer, or a service's address and an
// optional pinned certificate (SHA-256), stored in QSettings. "Test connection" asks the entered
// service for its health with a client of its own, so neither the console's session nor the UI
// waits for it.
class ServiceSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServiceSettingsDialog(const Clock &clock, QWidget *parent = nullptr);
    ~ServiceSettingsDialog() override;

    QString url() const;
    QString fingerprint() const;
    bool usesLocalService() const;
    bool isTesting() const { return m_testing; }

public Q_SLOTS:
    void accept() override; // validates, stores, closes
    void testConnection();

private:
    bool validate();
    void setFieldError(QLabel *label, QLineEdit *field, const QString &message);

    const Clock &m_clock;
    Session m_testSession; // never signed in: a test only reads /api/v1/health
    std::unique_ptr<ServiceClient> m_testClient;
    QCheckBox *m_local = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLineEdit *m_fingerprint = nullptr;
    QLabel *m_fingerprintError = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    bool m_testing = false;
};

// "http://host:port" or "https://…" with a host; anything else is no service address.
bool isServiceUrl(const QUrl &url);

} // namespace slotdesk

#pragma once

#include <QLabel>

namespace slotdesk {

class ServiceClient;

// The connection state in the status bar: "Online – signed in as X (role)", "Offline since
// HH:MM" (Berlin time), or "Not signed in".
class ConnectionIndicator : public QLabel {
    Q_OBJECT
public:
    explicit ConnectionIndicator(ServiceClient &client, QWidget *parent = nullptr);

    void refresh();

private:
    ServiceClient &m_client;
};

} // namespace slotdesk

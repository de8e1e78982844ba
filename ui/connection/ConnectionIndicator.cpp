#include "ui/connection/ConnectionIndicator.h"

#include "models/core/Clock.h"
#include "net/ServiceClient.h"
#include "net/Session.h"

namespace slotdesk {

ConnectionIndicator::ConnectionIndicator(ServiceClient &client, QWidget *parent)
    : QLabel(parent)
    , m_client(client) {
    setObjectName(QStringLiteral("connectionState"));
    setAccessibleName(tr("Connection to the service"));
    connect(&client, &ServiceClient::reachabilityChanged, this, &ConnectionIndicator::refresh);
    connect(&client.session(), &Session::changed, this, &ConnectionIndicator::refresh);
    refresh();
}

void ConnectionIndicator::refresh() {
    const Session &session = m_client.session();
    QString text;
    if (!m_client.isOnline()) {
        text = tr("Offline since %1")
                   .arg(m_client.offlineSince()
                            .toTimeZone(berlinTimeZone())
                            .toString(QStringLiteral("HH:mm")));
    } else if (session.isSignedIn()) {
        text = tr("Online – signed in as %1 (%2)")
                   .arg(session.login(), staffRoleTitle(session.role()));
    } else {
        text = tr("Not signed in");
    }
    setText(text);
    setToolTip(m_client.baseUrl().toDisplayString(QUrl::StripTrailingSlash));
}

} // namespace slotdesk

#pragma once

#include "net/ServiceClient.h"

#include <QUrl>

#include <memory>

namespace slotdesk::test {

// The console's client of a service on loopback, without retries and with a short timeout, so
// a failure shows at once; signing in is left to the test, which checks it.
inline std::unique_ptr<ServiceClient> loopbackClient(Session &session, const Clock &clock,
                                                     int port) {
    auto client = std::make_unique<ServiceClient>(session, clock);
    client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    client->setRetries(0, 0);
    client->setTimeout(5000);
    return client;
}

} // namespace slotdesk::test

#include "service/http/TrustedProxies.h"

#include "service/http/HttpRequestHead.h"

namespace slotdesk {

namespace {

// One hop of X-Forwarded-For: "203.0.113.5", "2001:db8::1", "[2001:db8::1]:4711" or
// "203.0.113.5:4711" (some proxies append the port).
QHostAddress parseHop(QByteArrayView hop) {
    hop = hop.trimmed();
    if (hop.startsWith('[')) {
        const qsizetype close = hop.indexOf(']');
        if (close < 0)
            return {};
        hop = hop.sliced(1, close - 1);
    } else if (hop.count(':') == 1) {
        hop = hop.first(hop.indexOf(':'));
    }
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(hop)))
        return {};
    return TrustedProxies::normalised(address);
}

} // namespace

bool TrustedProxies::setProxies(const QStringList &entries, QString *invalid) {
    QList<QPair<QHostAddress, int>> subnets;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet;
        if (entry.contains(u'/')) {
            subnet = QHostAddress::parseSubnet(entry);
        } else if (QHostAddress address; address.setAddress(entry)) {
            subnet = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (subnet.first.isNull()) {
            if (invalid)
                *invalid = entry;
            return false;
        }
        subnet.first = normalised(subnet.first);
        if (subnet.first.protocol() == QAbstractSocket::IPv4Protocol && subnet.second > 32)
            subnet.second -= 96; // ::ffff:10.0.0.0/104 is 10.0.0.0/8
        subnets.append(subnet);
    }
    m_subnets = subnets;
    return true;
}

bool TrustedProxies::isTrusted(const QHostAddress &address) const {
    for (const auto &subnet : m_subnets) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer,
                                           const HttpRequestHead &head) const {
    if (m_subnets.isEmpty())
        return peer;
    const QHostAddress from = normalised(peer);
    if (!isTrusted(from))
        return peer;
    QList<QByteArrayView> hops;
    const QList<QByteArrayView> lines = head.headers("X-Forwarded-For");
    for (QByteArrayView line : lines) {
        while (!line.isEmpty()) {
            const qsizetype comma = line.indexOf(',');
            hops.append(comma < 0 ? line : line.first(comma));
            line = comma < 0 ? QByteArrayView() : line.sliced(comma + 1);
        }
    }
    return clientAddress(from, hops);
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer,
                                           const QList<QByteArrayView> &hops) const {
    QHostAddress client = normalised(peer);
    if (!isTrusted(client))
        return client;
    // Each trusted hop vouches for the one to its left; the first untrusted one is the client.
    // A malformed hop ends the walk at the last address a trusted proxy stated.
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop = parseHop(hops.at(i));
        if (hop.isNull())
            break;
        client = hop;
        if (!isTrusted(hop))
            break;
    }
    return client;
}

QHostAddress TrustedProxies::normalised(const QHostAddress &address) {
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

} // namespace slotdesk

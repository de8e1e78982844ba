#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace slotdesk {

struct HttpRequestHead;

// The reverse proxies whose X-Forwarded-For is believed. A request from a listed address has
// its client address taken from that header, read from the right (the hop the proxy itself
// appended) and skipping further listed proxies; from any other peer the header is ignored, so
// a client cannot choose its own rate-limit bucket.
class TrustedProxies {
public:
    // Addresses ("10.0.0.5", "::1") or CIDR ranges ("10.0.0.0/8", "fd00::/8"). Returns false
    // with *invalid set to the first entry that is neither.
    bool setProxies(const QStringList &entries, QString *invalid = nullptr);
    bool isEmpty() const { return m_subnets.isEmpty(); }
    bool isTrusted(const QHostAddress &address) const;

    // The client the request is from: `peer` unless it is a trusted proxy that forwarded it.
    QHostAddress clientAddress(const QHostAddress &peer, const HttpRequestHead &head) const;
    // The same for the comma-separated hops of the X-Forwarded-For header lines.
    QHostAddress clientAddress(const QHostAddress &peer, const QList<QByteArrayView> &hops) const;

    // IPv4-mapped IPv6 addresses (a dual-stack listener) as plain IPv4.
    static QHostAddress normalised(const QHostAddress &address);

private:
    QList<QPair<QHostAddress, int>> m_subnets;
};

} // namespace slotdesk

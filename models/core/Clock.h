#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace slotdesk {

// Every rule that depends on "now" (holds, releases, closures in the past) reads it through a
// Clock passed in, so tests can pin time and cross DST transitions deterministically.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime utc)
        : m_now(utc.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &utc) { m_now = utc.toUTC(); }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

// All centres operate in German civil time.
inline QTimeZone berlinTimeZone() {
    return QTimeZone(QByteArrayLiteral("Europe/Berlin"));
}

// A Unix time as Berlin local ISO 8601 with its offset ("2026-03-03T09:00:00+01:00"), as the
// API shows appointment times.
inline QString berlinIso(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, berlinTimeZone()).toString(Qt::ISODate);
}

} // namespace slotdesk

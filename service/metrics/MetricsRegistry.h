#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace slotdesk {

// A monotonically increasing count. One writing thread (inc() is a plain load and store, no
// locked instruction); render() may read it from any thread.
class Counter {
public:
    void inc(quint64 n = 1) {
        m_value.store(m_value.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value{0};
};

// A value that goes up and down, set by one writing thread.
class Gauge {
public:
    void set(double value) { m_value.store(value, std::memory_order_relaxed); }
    void add(double delta) {
        m_value.store(m_value.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0};
};

// Observations counted into fixed upper bounds (Prometheus "le" buckets, not cumulative here:
// render() adds them up). observe() may run on any number of threads at once.
class Histogram {
public:
    explicit Histogram(std::vector<double> bounds);
    void observe(double value);

    const std::vector<double> &bounds() const { return m_bounds; }
    quint64 bucketCount(size_t index) const; // index bounds().size() is the +Inf bucket
    quint64 count() const { return m_count.load(std::memory_order_relaxed); }
    double sum() const { return m_sum.load(std::memory_order_relaxed); }

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets;
    std::atomic<quint64> m_count{0};
    std::atomic<double> m_sum{0};
};

using MetricLabels = QList<QPair<QString, QString>>;

// The service's metrics in Prometheus' text exposition format (version 0.0.4). Series are
// created once (at start or on first use) and bumped through the returned reference, which stays
// valid as long as the registry: bumping never looks anything up. Creating series and render()
// run on the server thread; only the bumps may happen elsewhere (see Counter, Histogram).
class MetricsRegistry {
public:
    MetricsRegistry();
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The same name and labels return the same series. A name keeps the type and help text it
    // was first registered with.
    Counter &counter(const QString &name, const QString &help, const MetricLabels &labels = {});
    Gauge &gauge(const QString &name, const QString &help, const MetricLabels &labels = {});
    Histogram &histogram(const QString &name, const QString &help, std::vector<double> bounds,
                         const MetricLabels &labels = {});
    // A gauge read when the metrics are rendered (on the server thread), for values another
    // object already knows: active holds, cache sizes, open connections.
    void addGauge(const QString &name, const QString &help, std::function<double()> read,
                  const MetricLabels &labels = {});

    // Upper bounds in seconds for request and write latencies (0.25 ms to 10 s).
    static std::vector<double> latencyBounds();

    QByteArray render() const;

private:
    struct Family;
    Family &family(const QString &name, const QString &help, int type);
    std::vector<std::unique_ptr<Family>> m_families;
};

} // namespace slotdesk

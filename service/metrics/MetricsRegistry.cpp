#include "service/metrics/MetricsRegistry.h"

#include <algorithm>
#include <cmath>

namespace slotdesk {

namespace {

enum Type { CounterType, GaugeType, HistogramType, CallbackType };

const char *typeName(int type) {
    switch (type) {
    case CounterType:
        return "counter";
    case HistogramType:
        return "histogram";
    default:
        return "gauge";
    }
}

// Label values and help text escape backslash, newline and (label values only) the quote.
QByteArray escaped(const QString &text, bool quote) {
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out.append("\\\\");
        else if (c == '\n')
            out.append("\\n");
        else if (quote && c == '"')
            out.append("\\\"");
        else
            out.append(c);
    }
    return out;
}

// {a="x",b="y"} plus an optional extra label (the histogram's "le"); empty without labels.
QByteArray labelText(const MetricLabels &labels, const QByteArray &extra = {}) {
    if (labels.isEmpty() && extra.isEmpty())
        return {};
    QByteArray out("{");
    for (const auto &[name, value] : labels) {
        if (out.size() > 1)
            out.append(',');
        out.append(name.toLatin1()).append("=\"").append(escaped(value, true)).append('"');
    }
    if (!extra.isEmpty()) {
        if (out.size() > 1)
            out.append(',');
        out.append(extra);
    }
    return out.append('}');
}

QByteArray number(double value) {
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 15);
}

void addDouble(std::atomic<double> &target, double delta) {
    double current = target.load(std::memory_order_relaxed);
    while (!target.compare_exchange_weak(current, current + delta, std::memory_order_relaxed)) {
    }
}

} // namespace

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_buckets(new std::atomic<quint64>[m_bounds.size() + 1]) {
    std::sort(m_bounds.begin(), m_bounds.end());
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value) {
    const size_t index =
        size_t(std::lower_bound(m_bounds.begin(), m_bounds.end(), value) - m_bounds.begin());
    m_buckets[index].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    addDouble(m_sum, value);
}

quint64 Histogram::bucketCount(size_t index) const {
    return m_buckets[index].load(std::memory_order_relaxed);
}

struct MetricsRegistry::Family {
    QString name;
    QString help;
    int type = CounterType;
    struct Series {
        MetricLabels labels;
        std::unique_ptr<Counter> counter;
        std::unique_ptr<Gauge> gauge;
        std::unique_ptr<Histogram> histogram;
        std::function<double()> read;
    };
    std::vector<Series> series;

    Series *find(const MetricLabels &labels) {
        for (Series &s : series) {
            if (s.labels == labels)
                return &s;
        }
        return nullptr;
    }
};

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Family &MetricsRegistry::family(const QString &name, const QString &help,
                                                 int type) {
    for (const auto &f : m_families) {
        if (f->name == name) {
            Q_ASSERT_X(f->type == type, "MetricsRegistry", "a metric name has one type");
            return *f;
        }
    }
    auto created = std::make_unique<Family>();
    created->name = name;
    created->help = help;
    created->type = type;
    m_families.push_back(std::move(created));
    return *m_families.back();
}

Counter &MetricsRegistry::counter(const QString &name, const QString &help,
                                  const MetricLabels &labels) {
    Family &f = family(name, help, CounterType);
    if (Family::Series *s = f.find(labels))
        return *s->counter;
    f.series.push_back({labels, std::make_unique<Counter>(), {}, {}, {}});
    return *f.series.back().counter;
}

Gauge &MetricsRegistry::gauge(const QString &name, const QString &help,
                              const MetricLabels &labels) {
    Family &f = family(name, help, GaugeType);
    if (Family::Series *s = f.find(labels))
        return *s->gauge;
    f.series.push_back({labels, {}, std::make_unique<Gauge>(), {}, {}});
    return *f.series.back().gauge;
}

Histogram &MetricsRegistry::histogram(const QString &name, const QString &help,
                                      std::vector<double> bounds, const MetricLabels &labels) {
    Family &f = family(name, help, HistogramType);
    if (Family::Series *s = f.find(labels))
        return *s->histogram;
    f.series.push_back({labels, {}, {}, std::make_unique<Histogram>(std::move(bounds)), {}});
    return *f.series.back().histogram;
}

void MetricsRegistry::addGauge(const QString &name, const QString &help,
                               std::function<double()> read, const MetricLabels &labels) {
    Family &f = family(name, help, CallbackType);
    if (Family::Series *s = f.find(labels)) {
        s->read = std::move(read);
        return;
    }
    f.series.push_back({labels, {}, {}, {}, std::move(read)});
}

std::vector<double> MetricsRegistry::latencyBounds() {
    return {0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
}

QByteArray MetricsRegistry::render() const {
    QByteArray out;
    out.reserve(4096);
    for (const auto &f : m_families) {
        const QByteArray name = f->name.toLatin1();
        out.append("# HELP ").append(name).append(' ').append(escaped(f->help, false));
        out.append("\n# TYPE ").append(name).append(' ').append(typeName(f->type)).append('\n');
        for (const Family::Series &s : f->series) {
            if (s.counter) {
                out.append(name).append(labelText(s.labels)).append(' ');
                out.append(QByteArray::number(s.counter->value())).append('\n');
            } else if (s.gauge || s.read) {
                out.append(name).append(labelText(s.labels)).append(' ');
                out.append(number(s.gauge ? s.gauge->value() : s.read())).append('\n');
            } else if (s.histogram) {
                const Histogram &h = *s.histogram;
                quint64 cumulative = 0;
                for (size_t i = 0; i <= h.bounds().size(); ++i) {
                    cumulative += h.bucketCount(i);
                    const QByteArray le =
                        i < h.bounds().size() ? number(h.bounds()[i]) : QByteArrayLiteral("+Inf");
                    out.append(name).append("_bucket");
                    out.append(labelText(s.labels, "le=\"" + le + '"')).append(' ');
                    out.append(QByteArray::number(cumulative)).append('\n');
                }
                const QByteArray labels = labelText(s.labels);
                out.append(name).append("_sum").append(labels).append(' ');
                out.append(number(h.sum())).append('\n');
                out.append(name).append("_count").append(labels).append(' ');
                // The +Inf bucket, not count(): both must agree though observe() may run now.
                out.append(QByteArray::number(cumulative)).append('\n');
            }
        }
    }
    return out;
}

} // namespace slotdesk

#include "service/metrics/MetricsRegistry.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace slotdesk;

// The Prometheus text rendering of counters, gauges, callback gauges and histograms, and
// histograms observed from several threads at once.
class TestMetricsRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersCountersAndGaugesWithLabels() {
        MetricsRegistry registry;
        Counter &get =
            registry.counter(QStringLiteral("demo_requests_total"), QStringLiteral("Requests."),
                             {{QStringLiteral("route"), QStringLiteral("/a/{id}")}});
        get.inc();
        get.inc(2);
        // The same name and labels give the same series.
        registry
            .counter(QStringLiteral("demo_requests_total"), {},
                     {{QStringLiteral("route"), QStringLiteral("/a/{id}")}})
            .inc();
        registry
            .counter(QStringLiteral("demo_requests_total"), {},
                     {{QStringLiteral("route"), QStringLiteral("say \"hi\"\\\n")}})
            .inc();
        registry.gauge(QStringLiteral("demo_temperature"), QStringLiteral("Line one\nline two"))
            .set(21.5);
        int holds = 7;
        registry.addGauge(QStringLiteral("demo_holds"), QStringLiteral("Active holds."),
                          [&holds] { return double(holds); });
        holds = 9;
        const QByteArray text = registry.render();
        QCOMPARE(text, QByteArray("# HELP demo_requests_total Requests.\n"
                                  "# TYPE demo_requests_total counter\n"
                                  "demo_requests_total{route=\"/a/{id}\"} 4\n"
                                  "demo_requests_total{route=\"say \\\"hi\\\"\\\\\\n\"} 1\n"
                                  "# HELP demo_temperature Line one\\nline two\n"
                                  "# TYPE demo_temperature gauge\n"
                                  "demo_temperature 21.5\n"
                                  "# HELP demo_holds Active holds.\n"
                                  "# TYPE demo_holds gauge\n"
                                  "demo_holds 9\n"));
    }

    void histogramBucketsAreCumulative() {
        MetricsRegistry registry;
        Histogram &h =
            registry.histogram(QStringLiteral("demo_seconds"), QStringLiteral("Time."), {0.1, 1});
        h.observe(0.05);
        h.observe(0.1); // on the bound: counted in it ("le")
        h.observe(0.5);
        h.observe(3);
        QCOMPARE(registry.render(), QByteArray("# HELP demo_seconds Time.\n"
                                               "# TYPE demo_seconds histogram\n"
                                               "demo_seconds_bucket{le=\"0.1\"} 2\n"
                                               "demo_seconds_bucket{le=\"1\"} 3\n"
                                               "demo_seconds_bucket{le=\"+Inf\"} 4\n"
                                               "demo_seconds_sum 3.65\n"
                                               "demo_seconds_count 4\n"));
    }

    void histogramTakesObservationsFromManyThreads() {
        MetricsRegistry registry;
        Histogram &h = registry.histogram(QStringLiteral("demo_batch"), QStringLiteral("Sizes."),
                                          {1, 10, 100});
        constexpr int perThread = 100000;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&h] {
                for (int i = 0; i < perThread; ++i)
                    h.observe(double(i % 200));
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(h.count(), quint64(4 * perThread));
        quint64 buckets = 0;
        for (size_t i = 0; i <= h.bounds().size(); ++i)
            buckets += h.bucketCount(i);
        QCOMPARE(buckets, quint64(4 * perThread));
        // 0..199 repeated 500 times per thread: sum 19900 per round.
        QCOMPARE(h.sum(), 4.0 * 500 * 19900);
        QCOMPARE(h.bucketCount(0), quint64(4 * 500 * 2)); // 0 and 1
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "TestMetricsRegistry.moc"

package dev.tracehouse.query.analytics;

import com.sun.management.OperatingSystemMXBean;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures analytics on DuckDB (not a test; run by hand, see {@code query/README.md}): writes N
 * generated spans (default 1,000,000 over one hour: 20 services, 500 resources, 10 tags each) to a
 * fresh store, then times two requests from the issue, 3 warm-ups and 10 measured runs each, and
 * prints the process CPU time (all threads, DuckDB's included) and wall time per query.
 */
final class AnalyticsBench {

  private static final long HOUR_MS = 3_600_000;
  private static final long T0_MS = 1_795_600_800_000L;

  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    int spans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("analytics-bench");
    try (SpanStore store =
        StoreProvider.named("duckdb")
            .create(
                new StoreConfig(
                    "duckdb",
                    dir,
                    Map.of(
                        "path",
                        dir.resolve("b.duckdb").toString(),
                        "queue-capacity",
                        Integer.toString(spans + 1))))) {
      long start = System.nanoTime();
      write(store, spans);
      System.out.printf("wrote %,d spans in %.1f s%n", spans, (System.nanoTime() - start) / 1e9);
      Clock clock = Clock.fixed(Instant.ofEpochMilli(T0_MS + HOUR_MS), ZoneOffset.UTC);
      measure(
          store,
          clock,
          "timeseries count by service, 1 h",
          Map.of(
              "filter", Map.of("from", "now-1h"),
              "compute", List.of(Map.of("aggregation", "count", "type", "timeseries")),
              "group_by", List.of(Map.of("facet", "service", "limit", 20))));
      measure(
          store,
          clock,
          "top list pc95(@duration) by resource, 1 h",
          Map.of(
              "filter", Map.of("from", "now-1h"),
              "compute", List.of(Map.of("aggregation", "pc95", "metric", "@duration")),
              "group_by", List.of(Map.of("facet", "resource_name", "limit", 10))));
    }
  }

  private static void measure(SpanStore store, Clock clock, String name, Object body) {
    AnalyticsRequest request = AnalyticsRequest.parse(body, clock);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < 3; i++) {
      Analytics.run(request, store.reader());
    }
    int runs = 10;
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    AnalyticsResult last = null;
    for (int i = 0; i < runs; i++) {
      last = Analytics.run(request, store.reader());
    }
    double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / runs;
    double wallMs = (System.nanoTime() - wall) / 1e6 / runs;
    System.out.printf(
        "%s: %.1f ms CPU/query, %.1f ms wall/query, %d groups, total %s%n",
        name, cpuMs, wallMs, last.groups().size(), last.total());
  }

  private static void write(SpanStore store, int count) {
    Random r = new Random(42);
    List<Span> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int resource = r.nextInt(500);
      Span.Builder b =
          Span.builder()
              .traceId(new TraceId(r.nextLong(), r.nextLong()))
              .spanId(r.nextLong())
              .service("service-" + resource % 20)
              .name("op-" + resource % 50)
              .resource("GET /resource/" + resource)
              .type("web")
              .error(r.nextInt(50) == 0)
              .start((T0_MS + (long) (r.nextDouble() * HOUR_MS)) * 1_000_000)
              .duration((long) (Math.exp(r.nextGaussian() + 16)))
              .putMeta("env", r.nextInt(10) == 0 ? "staging" : "prod")
              .putMeta("version", "1." + r.nextInt(5))
              .putMeta("_dd.hostname", "host-" + r.nextInt(40))
              .putMeta("http.method", r.nextBoolean() ? "GET" : "POST")
              .putMeta("http.status_code", r.nextInt(20) == 0 ? "500" : "200")
              .putMeta("http.url", "http://svc/resource/" + resource)
              .putMeta("span.kind", "server")
              .putMeta("component", "servlet")
              .putMeta("language", "jvm")
              .putMetric("_dd.top_level", 1);
      batch.add(b.build());
      if (batch.size() == 10_000) {
        store.writer().write(batch);
        batch = new ArrayList<>();
      }
    }
    store.writer().write(batch);
    store.writer().flush();
  }
}

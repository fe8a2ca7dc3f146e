package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.analytics.Analytics;
import dev.tracehouse.query.analytics.AnalyticsRequest;
import dev.tracehouse.query.analytics.AnalyticsResult;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: random analytics requests over random spans ({@link RandomSpans}: NaN, infinite,
 * negative-zero and fractional metrics, numeric text in meta, empty columns) give the same answer
 * on the in-memory store (the exact reference accumulators) and on DuckDB (SQL): 20 span sets of 60
 * spans, 50 requests each (1,000 cases). Numbers compare within 1e-9 relative (sums and averages
 * may add in another order). The seed comes from {@code -Dquery.property.seed}.
 */
class AnalyticsAgreementTest {

  private static final long SEED = Long.getLong("query.property.seed", 20_261_203L);
  private static final int SETS = 20;
  private static final int SPANS_PER_SET = 60;
  private static final int REQUESTS_PER_SET = 50;
  private static final long SET_WIDTH_MS = 10_000;

  private static final String[] QUERIES = {
    "", "", "service:web*", "env:prod", "@duration:>100ms", "-status:error", "@http.status_code:*"
  };
  private static final String[] STATISTICS = {
    "count",
    "cardinality",
    "sum",
    "min",
    "max",
    "avg",
    "median",
    "pc50",
    "pc75",
    "pc90",
    "pc95",
    "pc98",
    "pc99"
  };
  private static final String[] MEASURES = {"@duration", "@http.status_code", "@a/b~c", "@absent"};
  private static final String[] FACETS = {
    "service",
    "resource_name",
    "operation_name",
    "type",
    "status",
    "env",
    "version",
    "host",
    "kube_deployment",
    "@http.status_code",
    "@duration",
    "@a/b~c",
    "@absent"
  };
  private static final String[] MISSING = {"N/A", "web-store", "500"};
  private static final String[] INTERVALS = {"100ms", "250ms", "1s", "333ms"};

  @TempDir Path dir;

  @Test
  void memoryAndDuckDbAgreeOnRandomRequests() {
    Random random = new Random(SEED);
    long baseMs = Fixtures.T0 / 1_000_000;
    try (SpanStore memory = new InMemorySpanStore();
        SpanStore duckDb = Fixtures.duckDb(dir)) {
      for (int set = 0; set < SETS; set++) {
        long startMs = baseMs + set * SET_WIDTH_MS;
        List<Span> spans = RandomSpans.batch(random, SPANS_PER_SET, startMs * 1_000_000);
        memory.writer().write(spans);
        duckDb.writer().write(spans);
      }
      duckDb.writer().flush();
      for (int set = 0; set < SETS; set++) {
        long startMs = baseMs + set * SET_WIDTH_MS;
        for (int i = 0; i < REQUESTS_PER_SET; i++) {
          Map<String, Object> body = request(random, startMs);
          AnalyticsRequest request = AnalyticsRequest.parse(body, Clock.systemUTC());
          AnalyticsResult expected = Analytics.run(request, memory.reader());
          AnalyticsResult actual = Analytics.run(request, duckDb.reader());
          assertThat(actual)
              .as("seed %d, set %d, request %s", SEED, set, body)
              .usingRecursiveComparison()
              .withComparatorForType(APPROXIMATELY, Double.class)
              .isEqualTo(expected);
        }
      }
    }
  }

  private static final Comparator<Double> APPROXIMATELY =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        double tolerance = 1e-9 * Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= tolerance ? 0 : Double.compare(a, b);
      };

  private static Map<String, Object> request(Random r, long startMs) {
    Map<String, Object> body = new LinkedHashMap<>();
    long from = startMs + r.nextInt(400);
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("query", QUERIES[r.nextInt(QUERIES.length)]);
    filter.put("from", from);
    filter.put("to", from + 200 + r.nextInt(900));
    body.put("filter", filter);
    List<Object> computes = new ArrayList<>();
    String interval = r.nextBoolean() ? INTERVALS[r.nextInt(INTERVALS.length)] : null;
    for (int i = r.nextInt(3); i >= 0; i--) {
      Map<String, Object> c = aggregation(r);
      if (r.nextInt(3) == 0) {
        c.put("type", "timeseries");
        if (interval != null) {
          c.put("interval", interval);
        }
      }
      computes.add(c);
    }
    body.put("compute", computes);
    List<Object> groups = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("facet", FACETS[r.nextInt(FACETS.length)]);
      g.put("limit", 1 + r.nextInt(4));
      Map<String, Object> sort = r.nextBoolean() ? aggregation(r) : new LinkedHashMap<>();
      sort.put("order", r.nextBoolean() ? "asc" : "desc");
      g.put("sort", sort);
      if (r.nextInt(3) == 0) {
        g.put("missing", MISSING[r.nextInt(MISSING.length)]);
      }
      groups.add(g);
    }
    body.put("group_by", groups);
    return body;
  }

  private static Map<String, Object> aggregation(Random r) {
    Map<String, Object> c = new LinkedHashMap<>();
    String statistic = STATISTICS[r.nextInt(STATISTICS.length)];
    c.put("aggregation", statistic);
    if (statistic.equals("cardinality")) {
      c.put("metric", FACETS[r.nextInt(FACETS.length)]);
    } else if (!statistic.equals("count")) {
      c.put("metric", MEASURES[r.nextInt(MEASURES.length)]);
    }
    return c;
  }
}

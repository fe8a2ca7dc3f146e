package dev.tracehouse.query;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What does a search cost before any store is involved? Parsing and binding a query (per request),
 * compiling it to DuckDB SQL (per request), and testing one span with the in-memory predicate (per
 * span, what the in-memory store, log pipelines and a live tail pay). Baseline: the DuckDB search
 * of the same queries, 17–70 ms for a page of 50 over 200,000 spans (query/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SearchBenchmark {
  static final int SPANS = 1000;

  @Param({
    "service:web-store env:prod",
    "@http.status_code:>=500 -status:ok",
    "\"out of memory\"",
    "resource_name:GET\\ /c* OR @duration:[1s TO 2s]"
  })
  public String query;

  private EventFilter<Span> filter;
  private final List<Span> spans = new ArrayList<>();

  @Setup
  public void setUp() {
    filter = SearchFilters.spans(query);
    Random random = new Random(1);
    String[] services = {"web-store", "payment-api", "auth-mongo"};
    String[] resources = {"GET /checkout", "GET /cart", "POST /charge"};
    for (int i = 0; i < SPANS; i++) {
      spans.add(
          Span.builder()
              .traceId(TraceId.ofLow(random.nextLong()))
              .spanId(i + 1)
              .service(services[random.nextInt(3)])
              .name("rack.request")
              .resource(resources[random.nextInt(3)])
              .error(random.nextInt(10) == 0)
              .duration(random.nextInt(3_000) * 1_000_000L)
              .putMeta("env", random.nextBoolean() ? "prod" : "staging")
              .putMeta("http.status_code", Integer.toString(200 + 100 * random.nextInt(4)))
              .putMeta("error.message", random.nextInt(20) == 0 ? "Out of memory: heap" : "")
              .putMetric("_top_level", 1)
              .build());
    }
  }

  @Benchmark
  public EventFilter<Span> parseAndBind() {
    return SearchFilters.spans(query);
  }

  @Benchmark
  public SqlCondition compileSql() {
    return filter.toSql(SqlDialect.DUCKDB);
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public int predicatePerSpan() {
    int matches = 0;
    for (Span span : spans) {
      matches += filter.test(span) ? 1 : 0;
    }
    return matches;
  }
}

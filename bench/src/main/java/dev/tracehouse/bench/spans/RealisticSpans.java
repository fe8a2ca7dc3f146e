package dev.tracehouse.bench.spans;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates realistic spans for store benchmarks, the cardinalities of issue 4: 20 services, 500
 * resources (25 per service), 10 tags per span (8 meta, 2 metrics), random 64-bit trace and span
 * ids, 128-bit trace ids whose high half carries the start second (as Datadog tracers make them),
 * traces of 10 spans, about 2 % errors. Start times advance by {@code 1e9 / spansPerSecond} per
 * span from a fixed epoch, so a run simulates that ingest rate. Deterministic for a given seed.
 */
public final class RealisticSpans {

  /** Spans per generated trace. */
  public static final int SPANS_PER_TRACE = 10;

  private static final long EPOCH_NANOS = 1_795_600_000_000_000_000L;
  private static final String[] SERVICES = {
    "web-store",
    "checkout",
    "cart",
    "payments",
    "inventory",
    "shipping",
    "recommendations",
    "search",
    "users",
    "auth",
    "notifications",
    "email",
    "pricing",
    "catalog",
    "reviews",
    "orders",
    "ledger",
    "fraud-check",
    "ads",
    "gateway"
  };
  private static final String[] RESOURCE_WORDS = {
    "items",
    "orders",
    "users",
    "carts",
    "prices",
    "stock",
    "sessions",
    "tokens",
    "reviews",
    "offers",
    "invoices",
    "refunds",
    "labels",
    "routes",
    "events",
    "profiles",
    "queries",
    "settings",
    "coupons",
    "quotes",
    "regions",
    "vendors",
    "batches",
    "tickets",
    "ratings"
  };
  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
  private static final String[][] KINDS = {
    // name, type, component, span.kind
    {"servlet.request", "web", "tomcat-server", "server"},
    {"http.request", "http", "okhttp", "client"},
    {"postgresql.query", "sql", "java-jdbc-prepared_statement", "client"},
    {"redis.command", "redis", "jedis", "client"},
    {"kafka.produce", "queue", "java-kafka", "producer"},
  };

  private final SplittableRandom random;
  private final long nanosPerSpan;
  private long spanIndex;

  /**
   * @param seed the random seed
   * @param spansPerSecond the simulated ingest rate that spaces start times
   */
  public RealisticSpans(long seed, long spansPerSecond) {
    if (spansPerSecond < 1 || spansPerSecond > 1_000_000_000L) {
      throw new IllegalArgumentException("spansPerSecond must be 1..1e9, got " + spansPerSecond);
    }
    this.random = new SplittableRandom(seed);
    this.nanosPerSpan = 1_000_000_000L / spansPerSecond;
  }

  /** The next {@code traces} traces, {@link #SPANS_PER_TRACE} spans each. */
  public List<Span> traces(int traces) {
    List<Span> spans = new ArrayList<>(traces * SPANS_PER_TRACE);
    for (int t = 0; t < traces; t++) {
      addTrace(spans);
    }
    return spans;
  }

  private void addTrace(List<Span> out) {
    long start = EPOCH_NANOS + spanIndex * nanosPerSpan;
    TraceId traceId = new TraceId((start / 1_000_000_000L) << 32, random.nextLong());
    long rootId = nonZero();
    int rootService = random.nextInt(SERVICES.length);
    long parent = 0;
    long spanId = rootId;
    for (int s = 0; s < SPANS_PER_TRACE; s++) {
      int service = s == 0 ? rootService : (rootService + 1 + random.nextInt(3)) % SERVICES.length;
      String[] kind = KINDS[s == 0 ? 0 : 1 + random.nextInt(KINDS.length - 1)];
      out.add(span(traceId, spanId, parent, service, kind, start + s * nanosPerSpan));
      parent = s < 3 ? spanId : rootId;
      spanId = nonZero();
    }
    spanIndex += SPANS_PER_TRACE;
  }

  private Span span(
      TraceId traceId, long spanId, long parentId, int service, String[] kind, long start) {
    int word = random.nextInt(RESOURCE_WORDS.length);
    String method = METHODS[random.nextInt(METHODS.length)];
    String resource = method + " /api/v2/" + SERVICES[service] + "/" + RESOURCE_WORDS[word];
    boolean error = random.nextInt(50) == 0;
    long duration = (long) (Math.exp(13 + 1.5 * random.nextDouble() * random.nextDouble() * 4));
    String status = error ? "500" : random.nextInt(20) == 0 ? "404" : "200";
    return new Span(
        traceId,
        spanId,
        parentId,
        SERVICES[service],
        kind[0],
        resource,
        kind[1],
        start,
        duration,
        error,
        Map.of(
            "env",
            "prod",
            "version",
            "1." + service % 4 + "." + (service * 7) % 10,
            "component",
            kind[2],
            "span.kind",
            kind[3],
            "http.method",
            method,
            "http.status_code",
            status,
            "http.url",
            "https://"
                + SERVICES[service]
                + ".internal/api/v2/"
                + RESOURCE_WORDS[word]
                + "/"
                + Long.toUnsignedString(random.nextLong() >>> 40),
            "thread.name",
            "http-nio-8080-exec-" + (1 + random.nextInt(200))),
        Map.of("_sampling_priority_v1", 1.0, "thread.id", (double) (30 + random.nextInt(400))));
  }

  private long nonZero() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }
}

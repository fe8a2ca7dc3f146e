package dev.tracehouse.query;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random spans drawn from small pools, so that random queries often match some of them. */
final class RandomSpans {

  static final List<TraceId> TRACE_IDS =
      List.of(
          new TraceId(0, 42),
          new TraceId(0x1234, 42),
          new TraceId(-1, -7),
          new TraceId(0xabc, 0x5cfc84fdbc4366a9L));

  static final String[] SERVICES = {"web-store", "Web-Store", "payment-api", "auth-mongo", "café"};
  static final String[] NAMES = {
    "rack.request", "servlet.request", "postgres.query", "Rack.Request"
  };
  static final String[] RESOURCES = {
    "GET /checkout",
    "GET /cart",
    "POST /charge",
    "SELECT * FROM t WHERE id = ?",
    "find users",
    "hello-world 42",
    "",
    "Été été",
    "a_b*c?d"
  };
  static final String[] TYPES = {"web", "sql", "", "cache", "WEB"};
  static final String[] ENVS = {"prod", "staging", "PROD", "test"};
  static final String[] HOSTS = {"web-1", "pay-1", "Web-1"};
  static final String[] STATUS_TEXTS = {
    "200", "500", "404", " 500", "5e2", "+1.", "-0", "1e999", "NaN", "abc", ".5", "500.0"
  };
  static final String[] MESSAGES = {
    "Out of memory: heap", "hello world", "timeout*", "NETWORKING fail", "Hello, World!", "été 42"
  };
  static final double[] STATUS_METRICS = {
    500, 503, 200.0, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, 404.5
  };
  static final long[] DURATIONS = {
    0,
    45_000,
    50_000,
    2_000_000,
    80_000_000,
    100_000_000,
    250_000_000,
    1_000_000_000,
    1_500_000_000,
    3_000_000_000L
  };

  private RandomSpans() {}

  /** {@code count} spans starting in {@code [start, start + 1 s)}, span ids 1..count. */
  static List<Span> batch(Random r, int count, long start) {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Span.Builder b =
          Span.builder()
              .traceId(pick(r, TRACE_IDS))
              .spanId(i)
              .parentId(r.nextInt(3) == 0 ? 0 : 1)
              .service(pick(r, SERVICES))
              .name(pick(r, NAMES))
              .resource(pick(r, RESOURCES))
              .type(pick(r, TYPES))
              .error(r.nextBoolean())
              .start(start + r.nextInt(1_000_000_000))
              .duration(r.nextInt(4) == 0 ? r.nextInt(2_000_000_000) : DURATIONS[r.nextInt(10)]);
      maybe(r, () -> b.putMeta("env", pick(r, ENVS)));
      maybe(r, () -> b.putMeta("version", r.nextBoolean() ? "1.2" : "beta"));
      maybe(r, () -> b.putMeta("_dd.hostname", pick(r, HOSTS)));
      maybe(r, () -> b.putMeta("http.status_code", pick(r, STATUS_TEXTS)));
      maybe(r, () -> b.putMetric("http.status_code", STATUS_METRICS[r.nextInt(8)]));
      maybe(r, () -> b.putMeta("error.message", pick(r, MESSAGES)));
      maybe(r, () -> b.putMeta("http.url", "https://shop.example.com/api?user=JaneDoe"));
      maybe(r, () -> b.putMeta("kube_deployment", r.nextBoolean() ? "canary" : "Stable"));
      maybe(r, () -> b.putMeta("user.first name", "Jane"));
      maybe(r, () -> b.putMeta("a/b~c", "x\"y"));
      maybe(r, () -> b.putMetric("a/b~c", r.nextInt(10)));
      maybe(r, () -> b.putMetric("_top_level", 1));
      maybe(r, () -> b.putMeta("http.method", r.nextBoolean() ? "GET" : "post"));
      spans.add(b.build());
    }
    return spans;
  }

  private static void maybe(Random r, Runnable action) {
    if (r.nextInt(3) == 0) {
      action.run();
    }
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}

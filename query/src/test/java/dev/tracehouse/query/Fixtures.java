package dev.tracehouse.query;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The span and log fixtures of {@code spec/search-syntax.md} section 6, and stores holding them.
 */
final class Fixtures {

  /** 2026-11-25T10:00:00Z in ns. */
  static final long T0 = 1_795_600_800_000_000_000L;

  static final long MS = 1_000_000L;

  /** S1..S6: span id = fixture number. */
  static final List<Span> SPANS =
      List.of(
          span(1, "web-store", "prod", "GET /checkout", "rack.request", true, "web-1", 250 * MS)
              .putMetric("http.status_code", 500)
              .putMeta("http.url", "https://shop.example.com/api/v1/checkout?user=JaneDoe")
              .build(),
          span(2, "web-store", "staging", "GET /cart", "rack.request", false, "web-2", 80 * MS)
              .putMeta("http.status_code", "200")
              .build(),
          span(
                  3,
                  "payment-api",
                  "prod",
                  "POST /charge",
                  "servlet.request",
                  false,
                  "pay-1",
                  1500 * MS)
              .putMeta("http.status_code", "404")
              .build(),
          span(
                  4,
                  "payment-db",
                  "prod",
                  "SELECT * FROM charges WHERE id = ?",
                  "postgres.query",
                  false,
                  "pay-1",
                  2 * MS)
              .putMeta("db.user", "app")
              .build(),
          span(5, "auth-mongo", "prod", "find users", "mongodb.query", false, "auth-1", 45_000)
              .build(),
          span(6, "web-store", "prod", "GET /checkout", "rack.request", true, "web-1", 3000 * MS)
              .putMetric("http.status_code", 503)
              .putMeta("user.first name", "Jane")
              .putMeta("kube_deployment", "canary")
              .build());

  /** L1..L6: span id = fixture number; L1 carries the trace id of S1. */
  static final List<LogEvent> LOGS =
      List.of(
          log(1, "web-store", "error", "prod", "Authentication failure for user jane")
              .putAttribute("http", Map.of("status_code", 401L))
              .traceId(new TraceId(0x77, 1))
              .build(),
          log(2, "web-store", "info", "prod", "hello beautiful world")
              .putAttribute("http", Map.of("url_details", Map.of("path", "/api/v1/test")))
              .build(),
          log(3, "payment-api", "warn", "staging", "Hello-World request served")
              .putAttribute("network", Map.of("client", Map.of("ip", "13.4.5.6")))
              .build(),
          log(4, "payment-api", "info", "prod", "NETWORKING stack ready")
              .putAttribute("my_attribute", "hello:world")
              .build(),
          log(5, "auth-mongo", "debug", "test", "password reset requested")
              .putAttribute("users", Map.of("names", List.of("Peter", "Ann")))
              .build(),
          log(6, "web-store", "error", "prod", "*test* literal")
              .addTag("version:beta")
              .putAttribute("http", Map.of("status_code", 503L))
              .putAttribute("duration", 150_000_000L)
              .build());

  private Fixtures() {}

  /** An empty DuckDB store in {@code dir}. */
  static SpanStore duckDb(Path dir) {
    return StoreProvider.named("duckdb")
        .create(new StoreConfig("duckdb", dir, Map.of("path", dir.resolve("q.duckdb").toString())));
  }

  /** {@code store} after writing every fixture span and log. */
  static SpanStore filled(SpanStore store) {
    store.writer().write(SPANS);
    store.writer().flush();
    store.logs().orElseThrow().writer().write(LOGS);
    return store;
  }

  private static Span.Builder span(
      int id,
      String service,
      String env,
      String resource,
      String name,
      boolean error,
      String host,
      long duration) {
    return Span.builder()
        .traceId(new TraceId(0x77, id))
        .spanId(id)
        .service(service)
        .resource(resource)
        .name(name)
        .error(error)
        .start(T0 + id * MS)
        .duration(duration)
        .putMeta("env", env)
        .putMeta("_dd.hostname", host);
  }

  private static LogEvent.Builder log(
      int id, String service, String status, String env, String message) {
    return LogEvent.builder()
        .timestamp(T0 + id * MS)
        .spanId(id)
        .service(service)
        .status(status)
        .message(message)
        .addTag("env:" + env);
  }
}

package dev.tracehouse.query;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random logs drawn from small pools, and the vocabulary of random log queries over them. */
final class RandomLogs {

  static final String[] STATUSES = {
    "emerg", "alert", "critical", "error", "warn", "notice", "info", "debug", "ok", ""
  };
  static final String[] STATUS_QUERIES = {"err", "warning", "information", "crit", "emergency"};
  static final String[] SOURCES = {"java", "python", "nginx", ""};
  static final String[] MESSAGES = {
    "Authentication failure for user jane",
    "hello beautiful world",
    "Hello-World request served",
    "NETWORKING stack ready",
    "*test* literal",
    "GET /cart 200",
    "été 42",
    ""
  };
  static final String[] TAGS = {
    "env:prod",
    "env:staging",
    "ENV:Test",
    "version:beta",
    "version:1.2",
    "team:a",
    "team:b",
    "raw_tag",
    "kube:x:y"
  };
  static final String[] IPS = {"13.4.5.6", "10.1.2.3", "::1", "2001:db8::7", "not-an-ip", "13.4.5"};
  static final String[] NAMES = {"Peter", "Ann", "peter", "Jane Doe"};
  static final String[] BLOCKS = {
    "13.0.0.0/8", "10.0.0.0/8", "::ffff:13.4.0.0/112", "2001:db8::/32", "0.0.0.0/0", "::1"
  };

  static final RandomQueries.Vocabulary LOGS =
      new RandomQueries.Vocabulary(
          new String[] {
            "service",
            "status",
            "host",
            "source",
            "env",
            "version",
            "team",
            "tags",
            "kube",
            "@http.status_code",
            "@users.names",
            "@network.client.ip",
            "@duration",
            "@flag",
            "@a.b",
            "@deep.x",
            "@msg",
            "@missing",
            "message"
          },
          new String[] {
            "hello", "world", "jane", "NETWORK", "request", "test", "été", "42", "cart", "Peter"
          },
          new String[][] {
            RandomSpans.SERVICES,
            STATUSES,
            STATUS_QUERIES,
            RandomSpans.HOSTS,
            SOURCES,
            MESSAGES,
            TAGS,
            IPS,
            NAMES,
            {"prod", "beta", "a", "x:y", "true", "false", "401", "503", "y"}
          },
          RandomLogs::special);

  private RandomLogs() {}

  /** {@code count} logs in {@code [start, start + 1 s)}, span ids 1..count. */
  static List<LogEvent> batch(Random r, int count, long start) {
    List<LogEvent> logs = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      LogEvent.Builder b =
          LogEvent.builder()
              .timestamp(start + r.nextInt(1_000_000_000))
              .spanId(i)
              .service(RandomSpans.pick(r, RandomSpans.SERVICES))
              .status(RandomSpans.pick(r, STATUSES))
              .host(RandomSpans.pick(r, RandomSpans.HOSTS))
              .source(RandomSpans.pick(r, SOURCES))
              .message(RandomSpans.pick(r, MESSAGES));
      for (String tag : TAGS) {
        if (r.nextInt(4) == 0) {
          b.addTag(tag);
        }
      }
      if (r.nextBoolean()) {
        b.traceId(RandomSpans.pick(r, RandomSpans.TRACE_IDS));
      }
      attributes(r).forEach(b::putAttribute);
      logs.add(b.build());
    }
    return logs;
  }

  private static Map<String, Object> attributes(Random r) {
    Map<String, Object> a = new LinkedHashMap<>();
    Object[] statusCodes = {401L, 503L, "500", 200.5, "5e2"};
    maybe(r, () -> a.put("http", Map.of("status_code", statusCodes[r.nextInt(5)])));
    maybe(r, () -> a.put("users", Map.of("names", List.of(pick(r, NAMES), pick(r, NAMES)))));
    maybe(
        r,
        () ->
            a.put(
                "network",
                Map.of(
                    "client",
                    Map.of(
                        "ip",
                        r.nextBoolean() ? pick(r, IPS) : List.of(pick(r, IPS), pick(r, IPS))))));
    maybe(r, () -> a.put("duration", (long) r.nextInt(2_000_000_000)));
    maybe(r, () -> a.put("flag", r.nextBoolean()));
    maybe(r, () -> a.put("a", Map.of("b", "x")));
    maybe(r, () -> a.put("a.b", "y"));
    maybe(r, () -> a.put("deep", List.of(List.of(1L, 2L), Map.of("x", "hello"))));
    maybe(r, () -> a.put("msg", pick(r, MESSAGES)));
    maybe(r, () -> a.put("nothing", null));
    return a;
  }

  private static String special(Random r) {
    TraceId id = RandomSpans.pick(r, RandomSpans.TRACE_IDS);
    return switch (r.nextInt(5)) {
      case 0 -> "CIDR(@network.client.ip, " + pick(r, BLOCKS) + ")";
      case 1 -> "CIDR(@network.client.ip, " + pick(r, BLOCKS) + ", " + pick(r, BLOCKS) + ")";
      case 2 -> "*:" + RandomQueries.escape(pick(r, LOGS.words()));
      case 3 -> "*:\"" + RandomQueries.quote(pick(r, MESSAGES)) + "\"";
      default ->
          r.nextBoolean()
              ? "trace_id:" + Long.toUnsignedString(id.low())
              : "trace_id:" + id.toHex();
    };
  }

  private static void maybe(Random r, Runnable action) {
    if (r.nextInt(2) == 0) {
      action.run();
    }
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}

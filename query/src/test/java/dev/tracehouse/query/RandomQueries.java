package dev.tracehouse.query;

import dev.tracehouse.model.TraceId;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Random valid queries over a {@link Vocabulary}: keys, words and value pools of the events. */
final class RandomQueries {

  /**
   * What queries talk about.
   *
   * @param keys keys as written in a query (escaped where needed)
   * @param words free-text words
   * @param samples pools of stored values to build values from
   * @param special other terms (ids, functions), drawn now and then
   */
  record Vocabulary(
      String[] keys, String[] words, String[][] samples, Function<Random, String> special) {}

  private static final String SPECIAL = " \t()[]{}\":\\<>=~^+!#“”&|,*?";

  private static final String[] SPAN_KEYS = {
    "service",
    "env",
    "version",
    "host",
    "status",
    "resource_name",
    "resource",
    "operation_name",
    "name",
    "type",
    "kube_deployment",
    "team",
    "@http.status_code",
    "@duration",
    "@http.url",
    "@error.message",
    "@user.first\\ name",
    "@a/b\\~c",
    "http.status_code",
    "_dd.hostname",
    "http.method"
  };
  private static final String[] SPAN_WORDS = {
    "checkout",
    "GET",
    "get",
    "hello",
    "world",
    "users",
    "été",
    "memory",
    "Out",
    "42",
    "fail",
    "a_b",
    "ok",
    "error",
    "prod",
    "canary",
    "Jane",
    "beta",
    "1.2",
    "500",
    "200"
  };
  private static final String[] NUMBERS = {
    "500", "200", "503", "0", "-0", "404.5", "5e2", "1e300", "0.5", ".5", "-3", "1e999"
  };
  private static final String[] DURATIONS = {
    "100ms", "1s", "1.5s", "45us", "50µs", "2m", "80000000", "1h", "0", "2500000ns"
  };

  /** Span queries over the pools of {@link RandomSpans}. */
  static final Vocabulary SPANS =
      new Vocabulary(
          SPAN_KEYS,
          SPAN_WORDS,
          new String[][] {
            RandomSpans.SERVICES,
            RandomSpans.NAMES,
            RandomSpans.RESOURCES,
            RandomSpans.TYPES,
            RandomSpans.ENVS,
            RandomSpans.HOSTS,
            RandomSpans.STATUS_TEXTS,
            RandomSpans.MESSAGES,
            {
              "ok",
              "error",
              "OK",
              "canary",
              "stable",
              "Jane",
              "x\"y",
              "https://shop.example.com/api?user=JaneDoe"
            }
          },
          RandomQueries::spanIds);

  private final Random r;
  private final Vocabulary vocabulary;

  RandomQueries(Random r, Vocabulary vocabulary) {
    this.r = r;
    this.vocabulary = vocabulary;
  }

  String query() {
    return expr(3);
  }

  private String expr(int depth) {
    int choice = depth == 0 ? 0 : r.nextInt(8);
    return switch (choice) {
      case 1 -> "NOT " + expr(depth - 1);
      case 2 -> "-" + term();
      case 3 -> "(" + expr(depth - 1) + " OR " + expr(depth - 1) + ")";
      case 4 -> expr(depth - 1) + " " + expr(depth - 1);
      case 5 -> expr(depth - 1) + " AND " + expr(depth - 1);
      case 6 -> expr(depth - 1) + " OR " + expr(depth - 1);
      default -> term();
    };
  }

  private String term() {
    return switch (r.nextInt(10)) {
      case 0 -> freeText();
      case 1 -> vocabulary.special().apply(r);
      default -> field();
    };
  }

  private String field() {
    String key = RandomSpans.pick(r, vocabulary.keys());
    String value = r.nextInt(6) == 0 ? "(" + value(key) + " OR " + value(key) + ")" : value(key);
    if (r.nextInt(10) == 0) {
      value = "(NOT " + value(key) + " " + value(key) + ")";
    }
    return key + ":" + value;
  }

  private String value(String key) {
    boolean duration = key.equals("@duration");
    return switch (r.nextInt(9)) {
      case 0 -> "*";
      case 1 -> RandomSpans.pick(r, new String[] {">", ">=", "<", "<="}) + number(duration);
      case 2 -> range(duration);
      case 3 -> "\"" + quote(sample()) + "\"";
      case 4 -> number(duration);
      case 5 -> wildcard(sample());
      default -> escape(sample());
    };
  }

  private String sample() {
    String[][] pools = vocabulary.samples();
    String s = RandomSpans.pick(r, pools[r.nextInt(pools.length)]);
    return s.isEmpty() ? "x" : s;
  }

  private String wildcard(String s) {
    int cut = r.nextInt(s.length() + 1);
    return switch (r.nextInt(4)) {
      case 0 -> escape(s.substring(0, cut)) + "*";
      case 1 -> "*" + escape(s.substring(cut));
      case 2 -> "*" + escape(s.substring(cut / 2, cut)) + "*";
      default ->
          cut == s.length()
              ? escape(s) + "?"
              : escape(s.substring(0, cut)) + "?" + escape(s.substring(cut + 1));
    };
  }

  private String number(boolean duration) {
    return duration && r.nextBoolean()
        ? RandomSpans.pick(r, DURATIONS)
        : RandomSpans.pick(r, NUMBERS);
  }

  private String range(boolean duration) {
    String low = r.nextInt(5) == 0 ? "*" : number(duration);
    String high = r.nextInt(5) == 0 ? "*" : number(duration);
    return (r.nextBoolean() ? "[" : "{") + low + " TO " + high + (r.nextBoolean() ? "]" : "}");
  }

  private String freeText() {
    String word = RandomSpans.pick(r, vocabulary.words());
    return switch (r.nextInt(4)) {
      case 0 -> "\"" + quote(sample()) + "\"";
      case 1 -> wildcard(word);
      case 2 -> "\"" + quote(word + " " + RandomSpans.pick(r, vocabulary.words())) + "\"";
      default -> escape(word).replaceFirst("^([-@])", "\\\\$1");
    };
  }

  /** Trace and span id terms over {@link RandomSpans#TRACE_IDS}. */
  static String spanIds(Random r) {
    TraceId id = RandomSpans.pick(r, RandomSpans.TRACE_IDS);
    return switch (r.nextInt(4)) {
      case 0 -> "trace_id:" + Long.toUnsignedString(id.low());
      case 1 -> "trace_id:" + id.toHex();
      case 2 -> "span_id:" + (1 + r.nextInt(70));
      default -> "trace_id:*";
    };
  }

  /** A bare word: every special character, wildcard and leading keyword letter escaped. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    String word = out.toString();
    return List.of("AND", "OR", "NOT", "TO").contains(word) ? "\\" + word : word;
  }

  static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

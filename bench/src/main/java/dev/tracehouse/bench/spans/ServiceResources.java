package dev.tracehouse.bench.spans;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The 20 services and their 500 resources that {@link RealisticSpans} draws from. Each service has
 * 25 resources in fixed slots, each with one operation (and so one span kind): slots 0–9 are the
 * service's HTTP endpoints ({@code servlet.request}), 10–14 its HTTP calls to the next five
 * services ({@code http.request}), 15–19 SQL statements, 20–22 Redis commands, 23–24 Kafka topics.
 */
final class ServiceResources {

  static final int SERVICES = 20;

  /** An operation: its name, span type, {@code component} and {@code span.kind} tags. */
  enum Operation {
    SERVER("servlet.request", "web", "tomcat-server", "server"),
    HTTP_CLIENT("http.request", "http", "okhttp", "client"),
    SQL("postgresql.query", "sql", "java-jdbc-prepared_statement", "client"),
    REDIS("redis.command", "redis", "jedis", "client"),
    KAFKA("kafka.produce", "queue", "java-kafka", "producer");

    final String operationName;
    final String type;
    final String component;
    final String kind;

    Operation(String operationName, String type, String component, String kind) {
      this.operationName = operationName;
      this.type = type;
      this.component = component;
      this.kind = kind;
    }
  }

  /**
   * One resource of one service.
   *
   * @param service the service name
   * @param version the service's {@code version} tag
   * @param operation what kind of span it is
   * @param name the resource name
   * @param target what the three operation-specific tags describe: the URL path for HTTP, the
   *     database or topic otherwise
   */
  record Resource(String service, String version, Operation operation, String name, String target) {

    boolean http() {
      return operation == Operation.SERVER || operation == Operation.HTTP_CLIENT;
    }

    /** The 8 meta tags of a span of this resource with {@code httpStatus} (HTTP spans only). */
    Map<String, String> meta(int httpStatus, SplittableRandom random) {
      String thread = "http-nio-8080-exec-" + (1 + random.nextInt(200));
      return switch (operation) {
        case SERVER, HTTP_CLIENT ->
            common(
                thread,
                "http.method",
                name.substring(0, name.indexOf(' ')),
                "http.status_code",
                Integer.toString(httpStatus),
                "http.url",
                "https://" + target + "/" + Long.toUnsignedString(random.nextLong() >>> 40));
        case SQL ->
            common(
                thread, "db.system", "postgresql", "db.instance", target, "peer.hostname", target);
        case REDIS ->
            common(thread, "db.system", "redis", "db.instance", "0", "peer.hostname", target);
        case KAFKA ->
            common(
                thread,
                "messaging.system",
                "kafka",
                "messaging.destination",
                target,
                "peer.hostname",
                "kafka.internal");
      };
    }

    private Map<String, String> common(
        String thread, String k1, String v1, String k2, String v2, String k3, String v3) {
      return Map.of(
          "env",
          "prod",
          "version",
          version,
          "component",
          operation.component,
          "span.kind",
          operation.kind,
          "thread.name",
          thread,
          k1,
          v1,
          k2,
          v2,
          k3,
          v3);
    }

    String operationName() {
      return operation.operationName;
    }

    String type() {
      return operation.type;
    }
  }

  static final int PER_SERVICE = 25;
  private static final int CLIENT_SLOTS = 10;

  private static final String[] NAMES = {
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
  private static final String[] WORDS = {
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
  private static final String[] METHODS = {"GET", "GET", "POST", "GET", "PUT", "DELETE"};
  private static final String[] SQL = {
    "SELECT * FROM", "SELECT count(*) FROM", "UPDATE", "INSERT INTO", "DELETE FROM"
  };
  private static final String[] REDIS = {"GET", "SET", "HGETALL"};

  private static final Resource[] ALL = build();

  private ServiceResources() {}

  /** The resource in {@code slot} (0–24) of service {@code service} (0–19). */
  static Resource of(int service, int slot) {
    return ALL[service * PER_SERVICE + slot];
  }

  /** The service an HTTP call in client {@code slot} of {@code service} goes to. */
  static int callee(int service, int slot) {
    return (service + 1 + slot - CLIENT_SLOTS) % SERVICES;
  }

  static int server(SplittableRandom random) {
    return random.nextInt(10);
  }

  static int client(SplittableRandom random) {
    return CLIENT_SLOTS + random.nextInt(5);
  }

  static int sql(SplittableRandom random) {
    return 15 + random.nextInt(5);
  }

  static int redis(SplittableRandom random) {
    return 20 + random.nextInt(3);
  }

  static int kafka(SplittableRandom random) {
    return 23 + random.nextInt(2);
  }

  private static Resource[] build() {
    Resource[] all = new Resource[SERVICES * PER_SERVICE];
    for (int s = 0; s < SERVICES; s++) {
      String service = NAMES[s];
      String version = "1." + s % 4 + "." + (s * 7) % 10;
      for (int slot = 0; slot < PER_SERVICE; slot++) {
        String word = WORDS[(s + slot) % WORDS.length];
        all[s * PER_SERVICE + slot] = resource(s, service, version, slot, word);
      }
    }
    return all;
  }

  private static Resource resource(int s, String service, String version, int slot, String word) {
    String method = METHODS[slot % METHODS.length];
    if (slot < CLIENT_SLOTS) {
      String path = "/api/v2/" + service + "/" + word;
      return new Resource(
          service, version, Operation.SERVER, method + " " + path, service + ".internal" + path);
    }
    if (slot < 15) {
      String callee = NAMES[callee(s, slot)];
      String path = "/api/v2/" + callee + "/" + word;
      return new Resource(
          service,
          version,
          Operation.HTTP_CLIENT,
          method + " " + path,
          callee + ".internal" + path);
    }
    if (slot < 20) {
      return new Resource(
          service,
          version,
          Operation.SQL,
          SQL[slot - 15] + " " + word + " WHERE id = ?",
          service.replace('-', '_'));
    }
    if (slot < 23) {
      return new Resource(
          service, version, Operation.REDIS, REDIS[slot - 20], service + "-cache.internal");
    }
    return new Resource(
        service,
        version,
        Operation.KAFKA,
        "Produce Topic " + service + "." + word,
        service + "." + word);
  }
}

package dev.tracehouse.intake.internal;

import java.util.Set;
import java.util.function.Function;

/**
 * Not API: Datadog-style operation name, resource and type for spans that arrive without them
 * (OTLP, Zipkin), derived from the span kind and OpenTelemetry semantic-convention attributes the
 * way the Datadog agent's OTLP receiver does (its "v2" naming logic).
 *
 * <p>{@code kind} is {@code server}, {@code client}, {@code producer}, {@code consumer}, {@code
 * internal} or {@code ""} (unspecified); {@code attributes} returns an attribute's text or null.
 */
public final class SemanticNames {
  private static final Set<String> SQL_SYSTEMS =
      Set.of(
          "mysql",
          "mariadb",
          "postgresql",
          "mssql",
          "oracle",
          "db2",
          "sqlite",
          "h2",
          "hsqldb",
          "derby",
          "other_sql",
          "cockroachdb",
          "clickhouse",
          "duckdb");
  private static final Set<String> NAMED_DB_TYPES =
      Set.of("redis", "memcached", "mongodb", "elasticsearch", "cassandra");

  private SemanticNames() {}

  /**
   * {@code http.server.request} / {@code http.client.request} for HTTP spans, {@code
   * <db.system>.query} for database clients, {@code <messaging.system>.<operation>}, {@code
   * <rpc.system>.server.request} / {@code .client.request}, else from the kind alone: {@code
   * server.request}, {@code client.request}, {@code producer}, {@code consumer} or {@code
   * internal}.
   */
  public static String operationName(String kind, Function<String, String> attributes) {
    String method = httpMethod(attributes);
    if (method != null && (kind.equals("server") || kind.equals("client"))) {
      return "http." + kind + ".request";
    }
    String db = dbSystem(attributes);
    if (db != null && kind.equals("client")) {
      return db + ".query";
    }
    String messaging = attributes.apply("messaging.system");
    String operation = messagingOperation(attributes);
    if (messaging != null && operation != null && !kind.equals("internal")) {
      return messaging + "." + operation;
    }
    String rpc = attributes.apply("rpc.system");
    if (rpc != null && (kind.equals("server") || kind.equals("client"))) {
      return rpc + "." + kind + ".request";
    }
    return switch (kind) {
      case "server", "client" -> kind + ".request";
      case "producer", "consumer" -> kind;
      default -> "internal";
    };
  }

  /**
   * HTTP: the method plus {@code http.route} when there is one (never the raw path: its ids would
   * make one resource per request); messaging: operation and destination; RPC: {@code
   * service/method}; database: the statement; else {@code fallback} (the span's own name), or the
   * operation name when that is empty.
   */
  public static String resource(String kind, Function<String, String> attributes, String fallback) {
    String method = httpMethod(attributes);
    if (method != null) {
      String route = attributes.apply("http.route");
      return route == null || route.isEmpty() ? method : method + " " + route;
    }
    String operation = messagingOperation(attributes);
    String destination = first(attributes, "messaging.destination.name", "messaging.destination");
    if (operation != null && destination != null) {
      return operation + " " + destination;
    }
    String rpcService = attributes.apply("rpc.service");
    String rpcMethod = attributes.apply("rpc.method");
    if (rpcService != null && rpcMethod != null) {
      return rpcService + "/" + rpcMethod;
    }
    String statement = first(attributes, "db.query.text", "db.statement");
    if (statement != null && !statement.isEmpty()) {
      return statement;
    }
    return fallback == null || fallback.isEmpty() ? operationName(kind, attributes) : fallback;
  }

  /**
   * {@code web} for servers; for other kinds {@code sql}, {@code redis}, {@code memcached}, {@code
   * mongodb}, {@code elasticsearch}, {@code cassandra} or {@code db} by {@code db.system}, {@code
   * http} for HTTP clients, {@code queue} for messaging; else {@code ""}.
   */
  public static String type(String kind, Function<String, String> attributes) {
    if (kind.equals("server")) {
      return "web";
    }
    String db = dbSystem(attributes);
    if (db != null) {
      return SQL_SYSTEMS.contains(db) ? "sql" : NAMED_DB_TYPES.contains(db) ? db : "db";
    }
    if (httpMethod(attributes) != null && kind.equals("client")) {
      return "http";
    }
    if (attributes.apply("messaging.system") != null) {
      return "queue";
    }
    return "";
  }

  private static String httpMethod(Function<String, String> attributes) {
    return first(attributes, "http.request.method", "http.method");
  }

  private static String dbSystem(Function<String, String> attributes) {
    return first(attributes, "db.system.name", "db.system");
  }

  private static String messagingOperation(Function<String, String> attributes) {
    return first(attributes, "messaging.operation.type", "messaging.operation");
  }

  private static String first(Function<String, String> attributes, String key, String older) {
    String value = attributes.apply(key);
    return value != null ? value : attributes.apply(older);
  }
}

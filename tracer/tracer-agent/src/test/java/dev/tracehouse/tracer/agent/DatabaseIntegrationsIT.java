package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.StoreApp;
import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Runs {@link StoreApp} (SQLite + Jedis inside a {@code @Trace} method) in a forked JVM with the
 * real agent jar, against a real embedded Redis on a free port: every statement execution and every
 * Redis command becomes one span, child of the method's span, with the names, resources and tags
 * dd-java-agent would give them; the switches turn them off.
 */
class DatabaseIntegrationsIT {

  @TempDir static Path redisDir;
  @TempDir Path dbDir;

  private static RedisServer redis;
  private static int redisPort;

  @BeforeAll
  static void startRedis() throws IOException {
    assertThat(AppProcess.agentJarExists())
        .as("target/tracehouse-agent.jar (mvn package)")
        .isTrue();
    redisPort = AppProcess.freePort();
    redis =
        RedisServer.newRedisServer()
            .executableProvider(ExecutableProvider.newJarResourceProvider(redisDir.toFile()))
            .port(redisPort)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    redis.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null) {
      redis.stop();
    }
  }

  private List<ReceivedSpan> run(String name, Map<String, String> settings) throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      Map<String, String> env = new HashMap<>(settings);
      env.put("STORE_APP_REDIS_PORT", Integer.toString(redisPort));
      env.put("STORE_APP_DB", dbDir.resolve("store.db").toString());
      String output = AppProcess.run(StoreApp.class, intake.port(), name, env, List.of());
      assertThat(output).contains("served 2");
      assertThat(intake.problems()).isEmpty();
      return List.copyOf(intake.spans());
    }
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> match) {
    List<ReceivedSpan> found = spans.stream().filter(match).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<ReceivedSpan> childrenOf(ReceivedSpan parent, List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(s -> s.parentId() == parent.spanId() && s.traceId() == parent.traceId())
        .toList();
  }

  @Test
  void sqlAndRedisSpans_areChildrenOfTheActiveSpan() throws Exception {
    List<ReceivedSpan> spans = run("db-integrations", Map.of());
    ReceivedSpan order = only(spans, s -> s.name().equals("cafe.order"));
    List<ReceivedSpan> children = childrenOf(order, spans);
    List<ReceivedSpan> sql = children.stream().filter(s -> "sql".equals(s.type())).toList();
    List<ReceivedSpan> redisSpans =
        children.stream().filter(s -> "redis".equals(s.type())).toList();

    assertThat(sql)
        .extracting(ReceivedSpan::resource)
        .containsExactly(
            "insert into orders (beer, quantity) values (?, ?)",
            "insert into orders values ('stout', 1); delete from orders where beer = 'stout'",
            "select * from wines",
            "select sum(quantity) from orders");
    String dbFile = dbDir.resolve("store.db").toString();
    assertThat(sql)
        .allSatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("sqlite.query");
              assertThat(span.service()).isEqualTo("sqlite");
              assertThat(span.meta())
                  .containsEntry("db.type", "sqlite")
                  .containsEntry("db.instance", dbFile)
                  .containsEntry("span.kind", "client")
                  .containsEntry("env", "it");
              assertThat(span.metrics()).containsEntry("_dd.measured", 1.0);
            });
    assertThat(sql.get(0).meta())
        .containsEntry("component", "java-jdbc-prepared_statement")
        .containsEntry("db.operation", "INSERT");
    assertThat(sql.get(1).meta()).containsEntry("component", "java-jdbc-statement");
    ReceivedSpan failed = sql.get(2);
    assertThat(failed.error()).isEqualTo(1);
    assertThat(failed.meta())
        .containsEntry("error.type", "org.sqlite.SQLiteException")
        .hasEntrySatisfying("error.message", m -> assertThat(m).contains("no such table"));
    assertThat(sql).filteredOn(s -> s.error() == 0).hasSize(3);

    ReceivedSpan schema = only(spans, s -> s.resource().startsWith("create table"));
    assertThat(schema.parentId()).isZero();

    assertThat(redisSpans)
        .extracting(ReceivedSpan::resource)
        .containsSubsequence("ZINCRBY", "SET", "INCR", "HSET", "EXPIRE");
    assertThat(redisSpans)
        .allSatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("redis.command");
              assertThat(span.service()).isEqualTo("redis");
              assertThat(span.meta())
                  .containsEntry("db.type", "redis")
                  .containsEntry("component", "redis-command")
                  .containsEntry("out.host", "127.0.0.1")
                  .doesNotContainKey("redis.raw_command");
              assertThat(span.metrics()).containsEntry("out.port", (double) redisPort);
            });
    ReceivedSpan incr = only(redisSpans, s -> s.resource().equals("INCR"));
    assertThat(incr.error()).isEqualTo(1);
    assertThat(incr.meta())
        .containsEntry("error.type", "redis.clients.jedis.exceptions.JedisDataException");
    assertThat(redisSpans).filteredOn(s -> s.error() == 1).containsExactly(incr);
  }

  @Test
  void switches_turnJdbcAndJedisOff() throws Exception {
    List<ReceivedSpan> spans =
        run(
            "db-integrations-off",
            Map.of("DD_TRACE_JDBC_ENABLED", "false", "DD_TRACE_JEDIS_ENABLED", "false"));

    assertThat(spans).extracting(ReceivedSpan::name).containsExactly("cafe.order");
  }

  @Test
  void redisCommandArgs_storesTheRawCommand() throws Exception {
    List<ReceivedSpan> spans = run("db-redis-args", Map.of("DD_REDIS_COMMAND_ARGS", "true"));

    ReceivedSpan set = only(spans, s -> s.resource().equals("SET"));
    assertThat(set.meta()).containsEntry("redis.raw_command", "SET beer:ipa hoppy");
  }
}

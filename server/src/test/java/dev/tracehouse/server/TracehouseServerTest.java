package dev.tracehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.store.StatsQuery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracehouseServerTest {
  private static final Path FIXTURE =
      Path.of(System.getProperty("shared.dir", "../../shared"))
          .resolve("fixtures/dd-java-agent/v04-traces.msgpack");
  private static final Path OTLP_FIXTURE =
      Path.of(System.getProperty("shared.dir", "../../shared"))
          .resolve("fixtures/otel-java/v1-traces.pb");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;

  @Test
  void start_wiresIntakeToStoreToWebApi() throws Exception {
    Settings settings = onFreePorts(Map.of());
    try (TracehouseServer server = TracehouseServer.start(settings, Map.of())) {
      HttpResponse<String> put = putFixture(server);
      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(put.body()).contains("rate_by_service");

      awaitFixtureTrace(server);

      HttpResponse<String> otlp =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.otlpPort() + "/v1/traces"))
                  .header("Content-Type", "application/x-protobuf")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(OTLP_FIXTURE)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(otlp.statusCode()).isEqualTo(200);
      // from=0: the OTLP fixture was captured long before the default 15-minute window.
      String services = "http://127.0.0.1:" + server.webPort() + "/api/traces?limit=10&from=0";
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> get(services), r -> r.body().contains("Main.handleOrder"));

      String status = get("http://127.0.0.1:" + server.webPort() + "/api/agent/status").body();
      assertThat(status)
          .contains("\"datadog\"")
          .contains("\"otlp\"")
          .contains("sampling.kept_chunks.auto")
          .contains("\"bytes_used\":")
          .contains("\"max_bytes\":10737418240")
          .contains("\"max_age\":\"PT168H\"")
          .contains("\"spans_deleted\":0");
    }
    assertThat(data.resolve("tracehouse.duckdb")).exists();
    // Closing flushed every open stats bucket into the store; reopening shows them.
    try (TracehouseServer reopened = TracehouseServer.start(settings, Map.of())) {
      List<StatsBucket> stats =
          reopened
              .store()
              .stats()
              .orElseThrow()
              .reader()
              .buckets(StatsQuery.between(0, Long.MAX_VALUE));
      assertThat(stats)
          .flatExtracting(StatsBucket::groups)
          .anySatisfy(g -> assertThat(g.key().service()).isEqualTo("cafe"));
      String list = "http://127.0.0.1:" + reopened.webPort() + "/api/services?from=now-1h";
      assertThat(get(list).body()).contains("\"statistics\":[").contains("\"name\":\"cafe\"");
    }
  }

  @Test
  void retentionFilters_markStoredSpansAndCountThemInTheStatus() throws Exception {
    Settings settings =
        onFreePorts(
            Map.of(
                "PIPELINE_RETENTION_FILTERS",
                "[{name: Nothing, query: 'service:cafe', rate: 0, scope: root},"
                    + " {name: Cafe, query: 'service:cafe', scope: all}]"));
    try (TracehouseServer server = TracehouseServer.start(settings, Map.of())) {
      HttpResponse<String> put = putFixture(server);
      assertThat(put.statusCode()).isEqualTo(200);

      // The root is decided by "Nothing" (rate 0); its children by "Cafe", which indexes the trace.
      String traceUrl = awaitFixtureTrace(server);
      assertThat(get(traceUrl).body())
          .contains("\"_dd.retention_filter\":\"Cafe\"")
          .doesNotContain("\"_dd.retention_filter\":\"Nothing\"");

      String status = get("http://127.0.0.1:" + server.webPort() + "/api/agent/status").body();
      assertThat(status)
          .containsPattern("\"name\":\"Nothing\"[^}]*\"spans_indexed\":0")
          .containsPattern("\"name\":\"Cafe\"[^}]*\"spans_indexed\":[1-9]")
          .contains("\"spans_indexed_with_their_trace\":")
          .contains("\"unindexed_spans_expired\":0");
    }
  }

  @Test
  void start_failsNamingABadRetentionFilterBeforeOpeningTheStore() {
    Settings settings =
        Settings.load(
            null,
            Map.of(
                "PIPELINE_RETENTION_FILTERS",
                "[{name: Errors, query: 'status:'}]",
                "DATA_DIR",
                data.toString()));
    assertThatThrownBy(() -> TracehouseServer.start(settings, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pipeline.retention-filters[0].query: ")
        .hasMessageContaining("at column 7");
    assertThat(data.resolve("tracehouse.duckdb")).doesNotExist();
  }

  @Test
  void start_failsNamingABadApdexSetting() {
    Settings settings =
        Settings.load(
            null, Map.of("QUERY_STATS_APDEX_THRESHOLD", "fast", "DATA_DIR", data.toString()));
    assertThatThrownBy(() -> TracehouseServer.start(settings, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query.stats.apdex.threshold")
        .hasMessageContaining("'fast'");
  }

  @Test
  void start_failsNamingABadRetentionSetting() {
    Settings settings =
        Settings.load(
            null, Map.of("STORE_RETENTION_MAX_AGE", "forever", "DATA_DIR", data.toString()));
    assertThatThrownBy(() -> TracehouseServer.start(settings, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.retention.max-age")
        .hasMessageContaining("'forever'");
    assertThat(data.resolve("tracehouse.duckdb")).doesNotExist();
  }

  @Test
  void start_failsNamingAnUnknownStoreType() {
    Settings settings =
        Settings.load(null, Map.of("STORE_TYPE", "cassandra", "DATA_DIR", data.toString()));
    assertThatThrownBy(() -> TracehouseServer.start(settings, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cassandra'")
        .hasMessageContaining("duckdb");
  }

  /**
   * Settings with every listener on a free port and the store in {@link #data}, plus {@code more}.
   */
  private Settings onFreePorts(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.putAll(
        Map.of(
            "INTAKE_DATADOG_PORT", "0",
            "INTAKE_OTLP_PORT", "0",
            "INTAKE_ZIPKIN_PORT", "0",
            "WEB_PORT", "0",
            "DATA_DIR", data.toString()));
    return Settings.load(null, env);
  }

  /** Sends dd-java-agent's captured v0.4 payload to the server's Datadog intake. */
  private static HttpResponse<String> putFixture(TracehouseServer server)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.intakePort() + "/v0.4/traces"))
            .header("Content-Type", "application/msgpack")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(FIXTURE)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the fixture's trace can be read through the web API; returns its URL. */
  private static String awaitFixtureTrace(TracehouseServer server) {
    String traceUrl =
        "http://127.0.0.1:" + server.webPort() + "/api/traces/6b0701ae000000005cfc84fdbc4366a9";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get(traceUrl), r -> r.statusCode() == 200 && r.body().contains("cafe.brew"));
    return traceUrl;
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

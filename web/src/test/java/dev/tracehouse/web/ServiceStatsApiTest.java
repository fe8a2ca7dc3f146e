package dev.tracehouse.web;

import static dev.tracehouse.web.CafeStats.T0_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.query.stats.StatsConfig;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statistics routes over an in-memory store holding {@link CafeStats}. */
class ServiceStatsApiTest {

  /** Ten minutes after the cafe's minute of stats began. */
  private static final Instant NOW = Instant.ofEpochMilli(T0_MS + 600_000);

  private static final String MINUTE = "from=" + T0_MS + "&to=" + (T0_MS + 60_000);

  private final InMemorySpanStore store = new InMemorySpanStore();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    store.writer().write(TestTraces.cafePairing(TraceId.ofLow(7), 1));
    CafeStats.writeTo(store.stats().orElseThrow(), TestTraces.T0);
    ServiceStats stats =
        new ServiceStats(store.stats().orElseThrow().reader(), StatsConfig.defaults());
    server =
        WebServer.start(
            new WebConfig("127.0.0.1", 0),
            store.reader(),
            Map::of,
            Optional.of(stats),
            Clock.fixed(NOW, ZoneOffset.UTC));
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  @Test
  void services_keepTheNamesAndAddStatisticsOverTheWindow() {
    JsonNode body = ok("/api/services?" + MINUTE + "&env=prod");

    assertThat(body.get("services")).hasToString("[\"cafe\",\"taster\"]");
    assertThat(body.get("from").asLong()).isEqualTo(T0_MS);
    assertThat(body.get("to").asLong()).isEqualTo(T0_MS + 60_000);
    assertThat(body.get("env").asText()).isEqualTo("prod");
    JsonNode rows = body.get("statistics");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("taster");
    JsonNode taster = rows.get(0).get("measures");
    assertThat(taster.get("requests").asDouble()).isEqualTo(24);
    assertThat(taster.get("errors").asDouble()).isEqualTo(6);
    assertThat(taster.get("errorRate").asDouble()).isEqualTo(0.25);
    assertThat(taster.get("apdex").asDouble()).isEqualTo(1.0);
    JsonNode cafe = rows.get(1).get("measures");
    assertThat(cafe.get("requestsPerSecond").asDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(cafe.get("p50").asDouble()).isCloseTo(420e6, within(4.2e6));
    assertThat(cafe.get("max").asDouble()).isCloseTo(450e6, within(4.5e6));
  }

  @Test
  void services_inAnotherEnvironmentHaveNoStatistics() {
    assertThat(ok("/api/services?" + MINUTE + "&env=staging").get("statistics")).isEmpty();
  }

  @Test
  void services_defaultToTheLastFifteenMinutes() {
    JsonNode body = ok("/api/services/cafe");

    assertThat(body.get("to").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(body.get("from").asLong()).isEqualTo(NOW.toEpochMilli() - 900_000);
    assertThat(body.get("env").isNull()).isTrue();
    assertThat(body.get("overview").get("measures").get("requests").asDouble()).isEqualTo(6);
    JsonNode lastMinute = ok("/api/services/cafe?from=now-1m").get("overview");
    assertThat(lastMinute.get("measures").get("requests").asDouble()).isZero();
  }

  @Test
  void service_acceptsIsoTimesAndListsOperations() {
    JsonNode overview =
        ok("/api/services/cafe?from=2026-11-25T10:00:00Z&to=2026-11-25T12:00:00%2B01:00")
            .get("overview");

    assertThat(overview.get("service").asText()).isEqualTo("cafe");
    assertThat(overview.get("measures").get("requests").asDouble()).isEqualTo(6);
    assertThat(overview.get("operations").get(0).get("name").asText()).isEqualTo("web.request");
  }

  @Test
  void resources_listTheServiceResources() {
    JsonNode rows = ok("/api/services/taster/resources?" + MINUTE).get("resources");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("GET /taste");
    assertThat(rows.get(0).get("measures").get("requests").asDouble()).isEqualTo(24);
  }

  @Test
  void timeseries_useTheGivenOrTheAutomaticInterval() {
    JsonNode given = ok("/api/services/cafe/timeseries?" + MINUTE + "&interval=30s");
    JsonNode auto = ok("/api/services/cafe/timeseries?" + MINUTE).get("timeseries");

    assertThat(given.get("timeseries").get("intervalMs").asLong()).isEqualTo(30_000);
    JsonNode points = given.get("timeseries").get("points");
    assertThat(points).hasSize(2);
    assertThat(points.get(1).get("time").asLong()).isEqualTo(T0_MS + 30_000);
    assertThat(points.get(1).get("measures").get("requests").asDouble()).isEqualTo(3);
    assertThat(auto.get("intervalMs").asLong()).isEqualTo(10_000);
    assertThat(auto.get("points")).hasSize(6);
  }

  @Test
  void latency_hasTheRequestedBins() {
    JsonNode latency = ok("/api/services/taster/latency?" + MINUTE + "&bins=4").get("latency");

    assertThat(latency.get("bins")).hasSize(4);
    double count = 0;
    double errors = 0;
    for (JsonNode bin : latency.get("bins")) {
      count += bin.get("count").asDouble();
      errors += bin.get("errors").asDouble();
    }
    assertThat(count).isEqualTo(24);
    assertThat(errors).isEqualTo(6);
    assertThat(latency.get("measures").get("p99").asDouble()).isCloseTo(110e6, within(1.1e6));
  }

  @Test
  void downstream_sharesTheCafeTimeWithTaster() {
    JsonNode downstream = ok("/api/services/cafe/downstream?" + MINUTE).get("downstream");

    assertThat(downstream.get("totalTime").asDouble()).isEqualTo(2550e6);
    assertThat(downstream.get("selfTime").asDouble()).isEqualTo(90e6);
    JsonNode taster = downstream.get("callees").get(0);
    assertThat(taster.get("service").asText()).isEqualTo("taster");
    assertThat(taster.get("calls").asDouble()).isEqualTo(24);
    assertThat(taster.get("percentOfTime").asDouble()).isCloseTo(100 * 2460 / 2550.0, within(1e-9));
    assertThat(taster.get("avgTimePerRequest").asDouble()).isEqualTo(410e6);
  }

  @Test
  void serviceMap_hasNodesAndEdges() {
    JsonNode map = ok("/api/service-map?" + MINUTE).get("serviceMap");

    assertThat(map.get("nodes")).hasSize(2);
    assertThat(map.get("nodes").get(0).get("service").asText()).isEqualTo("cafe");
    JsonNode edge = map.get("edges").get(0);
    assertThat(edge.get("caller").asText()).isEqualTo("cafe");
    assertThat(edge.get("callee").asText()).isEqualTo("taster");
    assertThat(edge.get("calls").asDouble()).isEqualTo(24);
    assertThat(edge.get("errorRate").asDouble()).isEqualTo(0.25);
    assertThat(ok("/api/service-map?" + MINUTE + "&service=redis").get("serviceMap").get("edges"))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/services?from=yesterday | from: expected epoch milliseconds",
        "/api/services/cafe?to=now-1x | to: expected epoch milliseconds",
        "/api/services/cafe?from=2&to=1 | from (2 ms) is after to (1 ms)",
        "/api/services?from=0&to=4000000000000 | from/to: the window is longer than 31 days",
        "/api/services/cafe/timeseries?interval=15s | interval: must be a multiple of 10s",
        "/api/services/cafe/timeseries?interval=fast | interval: expected a duration",
        "/api/services/cafe/timeseries?from=now-1d&interval=10s | interval: 10s gives 864",
        "/api/services/cafe/latency?bins=x | bins: not a whole number: 'x'",
        "/api/services/cafe/latency?bins=500 | bins: must be between 1 and 200, got 500",
        "/api/services/%20/resources | service: must not be empty"
      })
  void badParameters_are400sNamingTheParameter(String path, String message) {
    ApiClient.Response response = api.get(path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).startsWith(message);
  }

  @Test
  void withoutStats_servicesListsNamesAndTheOtherRoutesAre404() {
    try (WebServer plain = WebServer.start(new WebConfig("127.0.0.1", 0), store.reader())) {
      ApiClient client = new ApiClient(plain.port());

      JsonNode body = client.get("/api/services?from=bad").json();
      assertThat(body.fieldNames()).toIterable().containsExactly("services");
      ApiClient.Response page = client.get("/api/services/cafe");
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.json().get("error").asText()).isEqualTo("this store keeps no statistics");
    }
  }

  @Test
  void unknownApiPaths_stay404() {
    assertThat(api.get("/api/services/cafe/nothing").status()).isEqualTo(404);
    assertThat(api.get("/api/servicemap").status()).isEqualTo(404);
  }

  private JsonNode ok(String path) {
    ApiClient.Response response = api.get(path);
    assertThat(response.status()).as("%s: %s", path, response.json()).isEqualTo(200);
    return response.json();
  }
}

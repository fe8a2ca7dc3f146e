package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.TraceScope;
import dev.tracehouse.store.TraceSearch;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceListApiTest {

  private static final TraceId FIRST = new TraceId(0x6b0701ae00000000L, 0x5cfc84fdbc4366a9L);
  private static final TraceId SECOND = TraceId.ofLow(-2);

  private final FakeSpanReader reader = new FakeSpanReader();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    reader.add(TestTraces.cafePairing(FIRST, 1));
    reader.add(
        TestTraces.cafePairing(SECOND, 100).stream()
            .map(s -> s.toBuilder().start(s.start() + 1_000_000_000L).build())
            .toList());
    server = WebServer.start(new WebConfig("127.0.0.1", 0), reader, Map::of, TestTraces.CLOCK);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void services_listsSortedNames() {
    ApiClient.Response response = api.get("/api/services");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().get("services")).hasToString("[\"cafe\",\"taster\"]");
  }

  @Test
  void traces_listsNewestFirstWithHexIdsAndSummaries() {
    JsonNode traces = api.get("/api/traces").json().get("traces");
    assertThat(traces).hasSize(2);
    JsonNode newest = traces.get(0);
    assertThat(newest.get("traceId").asText()).isEqualTo("0000000000000000fffffffffffffffe");
    assertThat(traces.get(1).get("traceId").asText()).isEqualTo("6b0701ae000000005cfc84fdbc4366a9");
    assertThat(newest.get("rootService").asText()).isEqualTo("cafe");
    assertThat(newest.get("rootName").asText()).isEqualTo("web.request");
    assertThat(newest.get("rootResource").asText()).isEqualTo("GET /pair/beer");
    assertThat(newest.get("start").asLong()).isEqualTo(TestTraces.T0 + 1_000_000_000L);
    assertThat(newest.get("duration").asLong()).isEqualTo(480_000_000L);
    assertThat(newest.get("spanCount").asInt()).isEqualTo(10);
    assertThat(newest.get("errorCount").asInt()).isEqualTo(1);
    assertThat(newest.get("services")).hasToString("[\"cafe\",\"taster\"]");
  }

  @Test
  void traces_passesDefaultsToTheReader() {
    api.get("/api/traces?service=&limit=&from=&to=&scope=&cursor=&query=");

    assertThat(reader.traceSearches()).hasSize(1);
    TraceSearch search = reader.traceSearches().get(0);
    long nowNs = TestTraces.CLOCK.millis() * 1_000_000;
    assertThat(search.fromNs()).isEqualTo(nowNs - 15 * 60 * 1_000_000_000L);
    assertThat(search.toNs()).isEqualTo(nowNs);
    assertThat(search.limit()).isEqualTo(50);
    assertThat(search.scope()).isEqualTo(TraceScope.ALL);
    assertThat(search.after()).isEmpty();
  }

  @Test
  void traces_passesFiltersToTheReader() {
    ApiClient.Response response =
        api.get("/api/traces?service=taster&limit=1&from=5&to=99&scope=root");

    assertThat(response.status()).isEqualTo(200);
    TraceSearch search = reader.traceSearches().get(0);
    assertThat(search.fromNs()).isEqualTo(5_000_000L);
    assertThat(search.toNs()).isEqualTo(99_000_000L);
    assertThat(search.limit()).isEqualTo(1);
    assertThat(search.scope()).isEqualTo(TraceScope.ROOT);
  }

  @Test
  void traces_appliesServiceAndLimit() {
    assertThat(api.get("/api/traces?limit=1").json().get("traces")).hasSize(1);
    assertThat(api.get("/api/traces?service=nobody").json().get("traces")).isEmpty();
    assertThat(api.get("/api/traces?limit=1000").json().get("traces")).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({
    "limit=abc, limit",
    "limit=0, limit",
    "limit=1001, limit",
    "limit=99999999999999999999, limit",
    "limit=1.5, limit",
    "from=yesterday, from",
    "from=-1, from",
    "to=1e9, to",
    "to=-5, to",
    "from=10&to=9, is after to",
    "query=service:, expected value after ':' at column 8",
    "scope=roots, scope",
    "cursor=abc, cursor",
    "from=now-5y, from"
  })
  void traces_rejectsBadParametersNamingThem(String query, String expected) {
    ApiClient.Response response = api.get("/api/traces?" + query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains(expected);
    assertThat(reader.traceSearches()).isEmpty();
  }

  @Test
  void traces_returnsEmptyListWhenNothingStored() {
    server.close();
    server =
        WebServer.start(
            new WebConfig("127.0.0.1", 0), new FakeSpanReader(), Map::of, TestTraces.CLOCK);
    ApiClient empty = new ApiClient(server.port());
    assertThat(empty.get("/api/traces").json().get("traces")).isEmpty();
    assertThat(empty.get("/api/services").json().get("services")).isEmpty();
  }
}

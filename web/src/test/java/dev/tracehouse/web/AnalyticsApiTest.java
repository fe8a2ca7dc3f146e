package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/analytics} and {@code GET /api/facets} over HTTP, on a real server (free port)
 * over the in-memory store holding three cafe pairings (30 spans: per pairing 6 cafe spans of 480,
 * 460 and 4 × 100 ms, and 4 taster spans of 85 ms, one an error with status code 500).
 */
class AnalyticsApiTest {

  private final InMemorySpanStore store = new InMemorySpanStore();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    for (int i = 0; i < 3; i++) {
      store.writer().write(TestTraces.cafePairing(new TraceId(7, i + 1), 100L * i + 1));
    }
    server =
        WebServer.start(new WebConfig("127.0.0.1", 0), store.reader(), Map::of, TestTraces.CLOCK);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private ApiClient.Response post(String body) {
    return api.post("/api/analytics", body.replace('\'', '"'));
  }

  private static List<String> values(JsonNode groups) {
    List<String> values = new ArrayList<>();
    groups.forEach(g -> values.add(g.get("value").asText() + "=" + g.get("computes").get("c0")));
    return values;
  }

  @Test
  void analytics_topListOfPc95DurationByService() {
    ApiClient.Response r =
        post(
            "{'compute':[{'aggregation':'pc95','metric':'@duration'}],"
                + "'group_by':[{'facet':'service','limit':10}]}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(values(r.json().get("groups"))).containsExactly("cafe=4.8E8", "taster=8.5E7");
    assertThat(r.json().get("total").get("c0").asDouble()).isEqualTo(4.8e8);
    assertThat(r.json().get("interval").isNull()).isTrue();
  }

  @Test
  void analytics_timeseriesCountByServiceWithEmptyBuckets() {
    long t0 = TestTraces.T0 / 1_000_000;
    ApiClient.Response r =
        post(
            "{'filter':{'from':"
                + t0
                + ",'to':"
                + (t0 + 1000)
                + "},'compute':[{'aggregation':'count','type':'timeseries','interval':'250ms'}],"
                + "'group_by':[{'facet':'service'}]}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("times").toString())
        .isEqualTo("[" + t0 + "," + (t0 + 250) + "," + (t0 + 500) + "," + (t0 + 750) + "]");
    JsonNode cafe = r.json().get("groups").get(0);
    assertThat(cafe.get("value").asText()).isEqualTo("cafe");
    assertThat(cafe.get("computes").get("c0").toString()).isEqualTo("[15.0,3.0,0.0,0.0]");
  }

  @Test
  void analytics_tableWithNestedGroupsAndMissing() {
    ApiClient.Response r =
        post(
            "{'compute':[{'aggregation':'count'},{'aggregation':'avg','metric':'@duration'}],"
                + "'group_by':[{'facet':'service'},"
                + "{'facet':'@http.status_code','missing':'none','limit':2}]}");

    JsonNode taster = r.json().get("groups").get(1);
    assertThat(taster.get("value").asText()).isEqualTo("taster");
    assertThat(values(taster.get("groups"))).containsExactly("200=9.0", "500=3.0");
    JsonNode cafe = r.json().get("groups").get(0);
    assertThat(values(cafe.get("groups"))).containsExactly("none=15.0", "200=3.0");
    assertThat(cafe.get("computes").get("c1").asDouble())
        .isEqualTo(1340e6 / 6); // 480, 460, 4 × 100
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                          | body: not valid JSON",
        "null                                              | body: expected an object, got null",
        "{'group_by':[{'facet':'service','limit':5000}]}    | group_by[0].limit: must be between 1 and 1000",
        "{'filter':{'query':'service:(a'}}                 | filter.query: ",
        "{'compute':[{'aggregation':'sum','metric':'env'}]} | compute[0].metric: 'env' is not a measure",
      })
  void analytics_badBodyIs400NamingTheField(String body, String message) {
    ApiClient.Response r = post(body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).startsWith(message.strip());
  }

  @Test
  void facets_topValuesOfATag() {
    ApiClient.Response r = api.get("/api/facets?field=service&limit=1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("values").toString()).isEqualTo("[{\"value\":\"cafe\",\"count\":18}]");
    assertThat(r.json().get("measure").isNull()).isTrue();
  }

  @Test
  void facets_rangeAndHistogramOfAMeasure() {
    ApiClient.Response r =
        api.get(
            "/api/facets?field=%40duration&query="
                + URLEncoder.encode("service:cafe", StandardCharsets.UTF_8));

    JsonNode measure = r.json().get("measure");
    assertThat(measure.get("min").asDouble()).isEqualTo(1e8);
    assertThat(measure.get("max").asDouble()).isEqualTo(4.8e8);
    JsonNode bins = measure.get("histogram");
    assertThat(bins).hasSize(10);
    assertThat(bins.get(0).get("count").asLong()).isEqualTo(12);
    assertThat(bins.get(9).get("count").asLong()).isEqualTo(6); // 460 ms and 480 ms
    assertThat(bins.get(9).get("to").asDouble()).isEqualTo(4.8e8);
    assertThat(r.json().get("values").get(0).toString())
        .isEqualTo("{\"value\":\"100000000\",\"count\":12}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/facets                          | field: missing",
        "/api/facets?field=a%20b              | field: 'a b' is not a field name",
        "/api/facets?field=service&limit=0    | limit: must be between 1 and 1000",
        "/api/facets?field=service&limit=x    | limit: not a whole number",
        "/api/facets?field=service&from=soon  | from: expected",
        "/api/facets?field=service&query=a%3A | expected value after ':' at column 2",
      })
  void facets_badParameterIs400NamingIt(String path, String message) {
    ApiClient.Response r = api.get(path.strip());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).startsWith(message.strip());
  }
}

package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile text through every analytics and facets parameter (query, facet and metric names,
 * aggregation, type, interval, sort order, missing, field, limit, window) against the DuckDB store:
 * each request answers 200 or a clean 400 JSON error, and the stored spans stay intact. Names with
 * spaces or parentheses are refused by validation; the ones without reach the SQL as bound JSON
 * pointers.
 */
class AnalyticsInjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HOSTILE =
      List.of(
          "x' OR '1'='1",
          "1; DROP TABLE spans; --",
          "'); DELETE FROM spans WHERE ('1'='1",
          "@x') OR TRUE --",
          "@a'); DROP TABLE spans; --",
          "@$.*",
          "%' OR 1=1 --",
          "@x'OR'1'='1';DROP/TABLE/spans;--", // a valid field name: reaches the SQL, bound
          "x'||'y", // a valid tag key
          "\\");

  @TempDir static Path dir;
  private static DuckDbWebServer target;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    target = new DuckDbWebServer(dir);
    api = target.api;
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> bodies() {
    return HOSTILE.stream()
        .flatMap(
            h ->
                Stream.of(
                    Map.of("filter", Map.of("query", h)),
                    Map.of("filter", Map.of("from", h)),
                    Map.of("compute", List.of(Map.of("aggregation", h))),
                    Map.of("compute", List.of(Map.of("aggregation", "pc95", "metric", h))),
                    Map.of("compute", List.of(Map.of("aggregation", "cardinality", "metric", h))),
                    Map.of("compute", List.of(Map.of("aggregation", "count", "type", h))),
                    Map.of(
                        "compute",
                        List.of(
                            Map.of("aggregation", "count", "type", "timeseries", "interval", h))),
                    Map.of("group_by", List.of(Map.of("facet", h))),
                    Map.of("group_by", List.of(Map.of("facet", "service", "missing", h))),
                    Map.of(
                        "group_by",
                        List.of(Map.of("facet", "service", "sort", Map.of("order", h)))),
                    Map.of(
                        "group_by",
                        List.of(
                            Map.of(
                                "facet",
                                "service",
                                "sort",
                                Map.of("aggregation", "max", "metric", h)))),
                    Map.of(h, 1)))
        .map(AnalyticsInjectionTest::json);
  }

  static Stream<String> facetPaths() {
    return HOSTILE.stream()
        .flatMap(
            h -> {
              String v = URLEncoder.encode(h, StandardCharsets.UTF_8);
              return Stream.of(
                  "/api/facets?field=" + v,
                  "/api/facets?field=service&query=" + v,
                  "/api/facets?field=service&limit=" + v,
                  "/api/facets?field=service&from=" + v,
                  "/api/facets?field=@duration&to=" + v);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void hostileAnalyticsFieldIsHarmless(String body) {
    assertHarmless(api.post("/api/analytics", body));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facetPaths")
  void hostileFacetsParameterIsHarmless(String path) {
    assertHarmless(api.get(path));
  }

  private static void assertHarmless(ApiClient.Response response) {
    assertThat(response.status()).isIn(200, 400);
    if (response.status() == 400) {
      assertThat(response.json().get("error").asText()).isNotBlank();
    }
    assertThat(api.get("/api/spans?limit=1000").json().get("spans")).hasSize(10);
  }
}

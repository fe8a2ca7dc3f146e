package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
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
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/spans} and the search parameters of {@code GET /api/traces}. */
class SearchApiTest {

  private static final long MINUTE_NS = 60_000_000_000L;

  private final FakeSpanReader reader = new FakeSpanReader();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    for (int i = 0; i < 12; i++) {
      long shift = i * 1_000_000L;
      reader.add(
          TestTraces.cafePairing(new TraceId(i, -1 - i), 10 * i + 1).stream()
              .map(s -> s.toBuilder().start(s.start() + shift).build())
              .toList());
    }
    reader.add(List.of(old()));
    server = WebServer.start(new WebConfig("127.0.0.1", 0), reader, Map::of, TestTraces.CLOCK);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A span an hour before the data: outside the default 15-minute window. */
  private static Span old() {
    return TestTraces.cafePairing(TraceId.ofLow(999), 5000).get(0).toBuilder()
        .start(TestTraces.T0 - 60 * MINUTE_NS)
        .build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void spans_defaultWindowNewestFirstWithStringIds() {
    ApiClient.Response response = api.get("/api/spans");

    assertThat(response.status()).isEqualTo(200);
    JsonNode spans = response.json().get("spans");
    assertThat(spans).hasSize(50);
    assertThat(spans.get(0).get("spanId").isTextual()).isTrue();
    assertThat(spans.get(0).get("start").asLong())
        .isGreaterThanOrEqualTo(spans.get(1).get("start").asLong());
    assertThat(response.json().get("next_cursor").isTextual()).isTrue();
  }

  @Test
  void spans_queryFilters() {
    JsonNode spans =
        api.get("/api/spans?limit=1000&query=" + encode("service:taster status:error"))
            .json()
            .get("spans");

    assertThat(spans).hasSize(12);
    spans.forEach(s -> assertThat(s.get("error").asBoolean()).isTrue());
  }

  @Test
  void spans_windowFromParameters() {
    String from = Long.toString(TestTraces.T0 / 1_000_000 - 61 * 60_000);
    String to = Long.toString(TestTraces.T0 / 1_000_000 - 59 * 60_000);

    JsonNode spans = api.get("/api/spans?from=" + from + "&to=" + to).json().get("spans");

    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).get("spanId").asText()).isEqualTo("5000");
    assertThat(api.get("/api/spans?from=now-2h").json().get("spans")).hasSize(50);
  }

  @Test
  void spans_sortByDuration() {
    JsonNode longest = api.get("/api/spans?sort=-duration&limit=1").json().get("spans").get(0);
    JsonNode shortest = api.get("/api/spans?sort=duration&limit=1").json().get("spans").get(0);

    assertThat(longest.get("duration").asLong()).isEqualTo(480_000_000L);
    assertThat(shortest.get("duration").asLong()).isEqualTo(85_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-timestamp", "timestamp", "-duration", "duration"})
  void spans_pagesCoverEverySpanOnceInOrder(String sort) {
    List<String> all = new ArrayList<>();
    api.get("/api/spans?limit=1000&sort=" + sort).json().get("spans").forEach(s -> all.add(key(s)));
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode body =
          api.get(
                  "/api/spans?limit=7&sort="
                      + sort
                      + (cursor == null ? "" : "&cursor=" + encode(cursor)))
              .json();
      body.get("spans").forEach(s -> paged.add(key(s)));
      cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(all).hasSize(120).doesNotHaveDuplicates();
    assertThat(paged).isEqualTo(all);
    assertThat(pages).isEqualTo(18);
  }

  @Test
  void traces_pagesNewestFirstWithoutGaps() {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      JsonNode body =
          api.get("/api/traces?limit=5" + (cursor == null ? "" : "&cursor=" + encode(cursor)))
              .json();
      body.get("traces").forEach(t -> ids.add(t.get("traceId").asText()));
      sizes.add(body.get("traces").size());
      cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
    } while (cursor != null);

    assertThat(sizes).containsExactly(5, 5, 2);
    assertThat(ids).doesNotHaveDuplicates().hasSize(12);
    assertThat(ids.get(0)).isEqualTo(new TraceId(11, -12).toHex());
  }

  @Test
  void traces_queryAndScope() {
    String tasterErrors = "/api/traces?query=" + encode("service:taster status:error");

    assertThat(api.get(tasterErrors).json().get("traces")).hasSize(12);
    assertThat(api.get(tasterErrors + "&scope=root").json().get("traces")).isEmpty();
    assertThat(api.get("/api/traces?scope=service_entry&limit=1000").json().get("traces"))
        .hasSize(12);
    assertThat(api.get("/api/traces?query=" + encode("@http.status_code:500")).json().get("traces"))
        .hasSize(12);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/spans?query=service%3A                | expected value after ':' at column 8",
        "/api/spans?query=%40dur*%3A1               | wildcards are not allowed in attribute names at column 4",
        "/api/spans?query=*%3Ax                     | only for logs at column 0",
        "/api/spans?sort=name                       | sort:",
        "/api/spans?limit=0                         | limit:",
        "/api/spans?limit=ten                       | limit:",
        "/api/spans?from=tomorrow                   | from:",
        "/api/spans?to=2020-13-01T00%3A00%3A00Z     | to:",
        "/api/spans?cursor=%25%25%25                | cursor:",
        "/api/spans?cursor=dHJhY2U6MToyOjM          | cursor:",
        "/api/traces?cursor=c3BhbjoxOjI6Mzo0        | cursor:",
        "/api/traces?scope=everything               | scope:",
      })
  void search_rejectsBadParametersNamingThem(String path, String expected) {
    ApiClient.Response response = api.get(path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().get("error").asText()).contains(expected);
  }

  @Test
  void spans_cursorOfAnotherSortIsRejected() {
    String cursor = api.get("/api/spans?limit=1").json().get("next_cursor").asText();

    ApiClient.Response response =
        api.get("/api/spans?limit=1&sort=-duration&cursor=" + encode(cursor));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).startsWith("cursor:");
  }

  private static String key(JsonNode span) {
    return span.get("traceId").asText() + "/" + span.get("spanId").asText();
  }
}

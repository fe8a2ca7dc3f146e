package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceApiTest {

  private static final String FULL_HEX = "6b0701ae000000005cfc84fdbc4366a9";
  private static final TraceId TRACE = TraceId.parse(FULL_HEX);

  /** 2^63 + 1: does not fit a signed long nor a JavaScript number. */
  private static final long BIG_SPAN_ID = Long.MIN_VALUE + 1;

  private final FakeSpanReader reader = new FakeSpanReader();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    reader.add(TestTraces.cafePairing(TRACE, BIG_SPAN_ID));
    server = WebServer.start(new WebConfig("127.0.0.1", 0), reader);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void trace_byFullHexReturnsEverySpan() {
    ApiClient.Response response = api.get("/api/traces/" + FULL_HEX);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("traceId").asText()).isEqualTo(FULL_HEX);
    assertThat(response.json().get("spans")).hasSize(10);
  }

  @Test
  void trace_byLowHalfOrUpperCaseFindsTheSameTrace() {
    assertThat(api.get("/api/traces/5cfc84fdbc4366a9").json().get("traceId").asText())
        .isEqualTo(FULL_HEX);
    assertThat(api.get("/api/traces/" + FULL_HEX.toUpperCase()).status()).isEqualTo(200);
  }

  @Test
  void trace_writesIdsAsUnsignedDecimalStrings() {
    JsonNode spans = api.get("/api/traces/" + FULL_HEX).json().get("spans");
    JsonNode root = spans.get(0);
    assertThat(root.get("spanId").isTextual()).isTrue();
    assertThat(root.get("spanId").asText()).isEqualTo("9223372036854775809");
    assertThat(root.get("parentId").asText()).isEqualTo("0");
    assertThat(spans.get(1).get("parentId").asText()).isEqualTo("9223372036854775809");
    assertThat(root.get("traceId").asText()).isEqualTo(FULL_HEX);
  }

  @Test
  void trace_writesEveryField() {
    JsonNode root = api.get("/api/traces/" + FULL_HEX).json().get("spans").get(0);
    assertThat(root.get("service").asText()).isEqualTo("cafe");
    assertThat(root.get("name").asText()).isEqualTo("web.request");
    assertThat(root.get("resource").asText()).isEqualTo("GET /pair/beer");
    assertThat(root.get("type").asText()).isEqualTo("web");
    assertThat(root.get("start").asLong()).isEqualTo(TestTraces.T0);
    assertThat(root.get("duration").asLong()).isEqualTo(480_000_000L);
    assertThat(root.get("error").asBoolean()).isFalse();
    assertThat(root.get("meta").get("http.method").asText()).isEqualTo("GET");
    assertThat(root.get("metrics").get("_dd.top_level").asDouble()).isEqualTo(1.0);
  }

  @Test
  void trace_marksErrorSpansWithTheirTags() {
    JsonNode spans = api.get("/api/traces/" + FULL_HEX).json().get("spans");
    JsonNode failed = null;
    for (JsonNode span : spans) {
      if (span.get("error").asBoolean()) {
        failed = span;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.get("service").asText()).isEqualTo("taster");
    assertThat(failed.get("meta").get("error.message").asText()).contains("out of stock");
  }

  @Test
  void trace_writesNonFiniteMetricsAsValidJson() {
    TraceId id = TraceId.ofLow(77);
    reader.add(
        List.of(
            Span.builder()
                .traceId(id)
                .spanId(1)
                .putMetric("nan", Double.NaN)
                .putMetric("inf", Double.POSITIVE_INFINITY)
                .build()));
    JsonNode metrics =
        api.get("/api/traces/" + id.toHex()).json().get("spans").get(0).get("metrics");
    assertThat(metrics.get("nan").asText()).isEqualTo("NaN");
    assertThat(metrics.get("inf").asText()).isEqualTo("Infinity");
  }

  @Test
  void trace_unknownIdGives404() {
    ApiClient.Response response = api.get("/api/traces/" + "0".repeat(31) + "1");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).contains("not found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xyz",
        "abc",
        "5cfc84fdbc4366a",
        "5cfc84fdbc4366a9a",
        "g000000000000000",
        "12345678-1234567"
      })
  void trace_malformedIdGives400(String id) {
    ApiClient.Response response = api.get("/api/traces/" + id);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("traceId").contains(id);
  }

  @Test
  void trace_veryLongIdIsAbbreviatedInTheError() {
    ApiClient.Response response = api.get("/api/traces/" + "a".repeat(5000));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).hasSizeLessThan(200);
  }
}

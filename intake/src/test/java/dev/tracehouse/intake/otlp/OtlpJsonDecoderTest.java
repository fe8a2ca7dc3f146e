package dev.tracehouse.intake.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTLP/JSON edge cases: number forms, ids, enums, nulls and the derived Datadog fields. */
class OtlpJsonDecoderTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN = "b7ad6b7169203331";

  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  private List<Span> decode(String json) {
    return decoder.decode(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** One span with the given extra span fields, under a resource with the given attributes. */
  private static String request(String resourceAttributes, String spanFields) {
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        + resourceAttributes
        + "]},\"scopeSpans\":[{\"scope\":{\"name\":\"lib\"},\"spans\":[{\"traceId\":\""
        + TRACE
        + "\",\"spanId\":\""
        + SPAN
        + "\""
        + spanFields
        + "}]}]}]}";
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":" + value + "}";
  }

  private Span one(String spanFields) {
    return decode(request("", spanFields)).get(0);
  }

  @Test
  void decode_bigIntegersAsNumbersOrStrings_keepsEveryDigit() {
    Span span =
        one(
            ",\"startTimeUnixNano\":1795621391848012801,\"endTimeUnixNano\":\"1795621391848012903\","
                + "\"attributes\":["
                + attr("n", "{\"intValue\":\"-9223372036854775808\"}")
                + "]");

    assertThat(span.start()).isEqualTo(1795621391848012801L);
    assertThat(span.duration()).isEqualTo(102);
    assertThat(span.metrics()).containsEntry("n", -9.223372036854775808E18);
  }

  @Test
  void decode_withoutServiceName_usesUnknownServiceAndKindNaming() {
    Span span = one(",\"name\":\"work\",\"kind\":\"SPAN_KIND_PRODUCER\"");

    assertThat(span.service()).isEqualTo("unknown_service");
    assertThat(span.name()).isEqualTo("producer");
    assertThat(span.resource()).isEqualTo("work");
    assertThat(span.meta()).containsEntry("span.kind", "producer");
    assertThat(span.parentId()).isZero();
  }

  @Test
  void decode_httpServerSpan_usesMethodAndRouteAndOlderEnvKey() {
    List<Span> spans =
        decode(
            request(
                attr("service.name", "{\"stringValue\":\"cafe\"}")
                    + ","
                    + attr("deployment.environment", "{\"stringValue\":\"prod\"}"),
                ",\"kind\":2,\"name\":\"GET /orders/{id}\",\"parentSpanId\":\"\",\"attributes\":["
                    + attr("http.request.method", "{\"stringValue\":\"GET\"}")
                    + ","
                    + attr("http.route", "{\"stringValue\":\"/orders/{id}\"}")
                    + "]"));

    Span span = spans.get(0);
    assertThat(span.service()).isEqualTo("cafe");
    assertThat(span.name()).isEqualTo("http.server.request");
    assertThat(span.resource()).isEqualTo("GET /orders/{id}");
    assertThat(span.type()).isEqualTo("web");
    assertThat(span.meta()).containsEntry("env", "prod");
  }

  @Test
  void decode_databaseClientSpan_usesSystemAndStatement() {
    Span span =
        one(
            ",\"kind\":3,\"attributes\":["
                + attr("db.system", "{\"stringValue\":\"postgresql\"}")
                + ","
                + attr("db.statement", "{\"stringValue\":\"SELECT 1\"}")
                + "]");

    assertThat(span.name()).isEqualTo("postgresql.query");
    assertThat(span.resource()).isEqualTo("SELECT 1");
    assertThat(span.type()).isEqualTo("sql");
  }

  @Test
  void decode_attributeKinds_goToMetaOrMetrics() {
    Span span =
        one(
            ",\"attributes\":["
                + attr("b", "{\"boolValue\":true}")
                + ","
                + attr("d", "{\"doubleValue\":\"NaN\"}")
                + ","
                + attr(
                    "a", "{\"arrayValue\":{\"values\":[{\"intValue\":1},{\"stringValue\":\"x\"}]}}")
                + ","
                + attr(
                    "kv",
                    "{\"kvlistValue\":{\"values\":[" + attr("k", "{\"boolValue\":false}") + "]}}")
                + ","
                + attr("bytes", "{\"bytesValue\":\"AQI=\"}")
                + ","
                + attr("empty", "{}")
                + ","
                + attr("f", "{\"doubleValue\":1.5}")
                + "]");

    assertThat(span.meta())
        .containsEntry("b", "true")
        .containsEntry("d", "NaN")
        .containsEntry("a", "[1,\"x\"]")
        .containsEntry("kv", "{\"k\":false}")
        .containsEntry("bytes", "AQI=")
        .doesNotContainKey("empty");
    assertThat(span.metrics()).containsEntry("f", 1.5);
  }

  @Test
  void decode_snakeCaseKeysAndNulls_areAccepted() {
    String json =
        "{\"resource_spans\":[{\"resource\":null,\"scope_spans\":[{\"spans\":[{\"trace_id\":\""
            + TRACE
            + "\",\"span_id\":\""
            + SPAN
            + "\",\"events\":null,\"status\":{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"boom\"}}]}]}]}";

    Span span = decode(json).get(0);

    assertThat(span.error()).isTrue();
    assertThat(span.meta()).containsEntry("error.message", "boom");
  }

  @Test
  void decode_endBeforeStart_clampsDurationToZero() {
    Span span = one(",\"startTimeUnixNano\":200,\"endTimeUnixNano\":100");

    assertThat(span.start()).isEqualTo(200);
    assertThat(span.duration()).isZero();
  }

  @Test
  void decode_emptyRequest_givesNoSpans() {
    assertThat(decode("{}")).isEmpty();
    assertThat(decode("{\"resourceSpans\":[]}")).isEmpty();
  }

  @Test
  void decode_rejectsBadIdsWithTheirOffset() {
    String json = request("", "").replace(SPAN, "b7ad6b71692033zz");

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("resourceSpans[0].scopeSpans[0].spans[0].spanId")
        .satisfies(
            e ->
                assertThat(((MalformedPayloadException) e).offset())
                    .isEqualTo(json.indexOf("\"b7ad")));
  }

  @Test
  void decode_rejectsWrongIdLengthZeroIdsAndFloatTimes() {
    assertThatThrownBy(() -> decode(request("", "").replace(TRACE, "abcd")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("32 hex digits");
    assertThatThrownBy(() -> decode(request("", "").replace(TRACE, "0".repeat(32))))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("all-zero");
    assertThatThrownBy(() -> one(",\"startTimeUnixNano\":1.5e18"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("expected an integer");
    assertThatThrownBy(() -> one(",\"endTimeUnixNano\":\"18446744073709551615\""))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("past the year 2262");
  }

  @Test
  void decode_rejectsNonObjectsTrailingDataAndDeepNesting() {
    assertThatThrownBy(() -> decode("[]")).isInstanceOf(MalformedPayloadException.class);
    assertThatThrownBy(() -> decode("{} {}")).hasMessageContaining("after the end");
    String deep = "{\"arrayValue\":{\"values\":[".repeat(40) + "]}}".repeat(40);
    assertThatThrownBy(() -> one(",\"attributes\":[" + attr("x", deep) + "]"))
        .isInstanceOf(MalformedPayloadException.class);
  }
}

package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DatadogJsonDecoderTest {
  private final DatadogJsonDecoder decoder = new DatadogJsonDecoder();

  private List<Span> decode(String json) {
    return decoder.decode(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Path> payloads() {
    return Fixtures.v04Payloads();
  }

  /** Each v0.4 fixture's .decoded.json is the same payload as JSON: both must decode alike. */
  @ParameterizedTest
  @MethodSource("payloads")
  void decode_decodedJsonOfEveryV04Fixture_equalsTheMsgpackDecoding(Path payload) {
    List<Span> fromMsgpack =
        new DatadogV04Decoder().decode(ByteBuffer.wrap(Fixtures.read(payload)));
    byte[] json = Fixtures.read(Fixtures.sibling(payload, ".decoded.json"));

    assertThat(decoder.decode(ByteBuffer.wrap(json))).isNotEmpty().isEqualTo(fromMsgpack);
  }

  @Test
  void decode_readsIdsUpTo2To64Minus1AsUnsignedWithoutPrecisionLoss() {
    Span span =
        decode(
                "[[{\"trace_id\":18446744073709551615,\"span_id\":9223372036854775809,"
                    + "\"parent_id\":9007199254740993,\"start\":1795621363406171648}]]")
            .get(0);

    assertThat(span.traceId()).isEqualTo(TraceId.ofLow(-1L));
    assertThat(span.spanId()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(span.parentId()).isEqualTo(9007199254740993L);
    assertThat(span.start()).isEqualTo(1795621363406171648L);
  }

  @Test
  void decode_readsEveryFieldNullsAndUnknownKeys() {
    Span span =
        decode(
                "[[{\"service\":\"cafe\",\"name\":\"cafe.order\",\"resource\":\"POST /order\","
                    + "\"type\":null,\"duration\":1.5e3,\"error\":1,\"meta\":{\"env\":\"w\","
                    + "\"_dd.p.tid\":\"6b0701ae00000000\",\"n\":null},\"metrics\":{\"a\":2,"
                    + "\"b\":0.5,\"c\":null},\"meta_struct\":{\"x\":[1,{\"y\":[]}]},"
                    + "\"trace_id\":5}]]")
            .get(0);

    assertThat(span.service()).isEqualTo("cafe");
    assertThat(span.name()).isEqualTo("cafe.order");
    assertThat(span.resource()).isEqualTo("POST /order");
    assertThat(span.type()).isEmpty();
    assertThat(span.duration()).isEqualTo(1500);
    assertThat(span.error()).isTrue();
    assertThat(span.traceId()).isEqualTo(new TraceId(0x6b0701ae00000000L, 5));
    assertThat(span.meta())
        .containsOnly(entry("env", "w"), entry("_dd.p.tid", "6b0701ae00000000"), entry("n", ""));
    assertThat(span.metrics()).containsOnly(entry("a", 2.0), entry("b", 0.5), entry("c", 0.0));
  }

  @Test
  void decode_acceptsEmptyProbeAndBooleanError() {
    assertThat(decode("[[],[]]")).isEmpty();
    assertThat(decode(" [ ] ")).isEmpty();
    assertThat(decode("[[{\"error\":true}]]").get(0).error()).isTrue();
  }

  @Test
  void decode_nativeLinksAndEvents_goToMetaLikeMsgpack() {
    Span span =
        decode(
                "[[{\"span_links\":[{\"trace_id\":1,\"span_id\":2,\"flags\":2147483649}],"
                    + "\"span_events\":[{\"name\":\"e\",\"time_unix_nano\":1.5e9,"
                    + "\"attributes\":{\"k\":{\"type\":2,\"int_value\":18446744073709551615}}}]}]]")
            .get(0);

    assertThat(span.meta().get("_dd.span_links"))
        .isEqualTo(
            "[{\"trace_id\":\"00000000000000000000000000000001\","
                + "\"span_id\":\"0000000000000002\",\"flags\":1}]");
    assertThat(span.meta().get("events"))
        .isEqualTo("[{\"name\":\"e\",\"time_unix_nano\":1500000000,\"attributes\":{\"k\":-1}}]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "id over 2^64-1 | [[{\"span_id\":18446744073709551616}]] | field 'span_id': expected an unsigned 64-bit integer | 12",
        "negative id | [[{\"trace_id\":-1}]] | expected an unsigned 64-bit integer, got -1 | 13",
        "float id | [[{\"span_id\":1.0}]] | field 'span_id': expected an unsigned integer, got number | 12",
        "string id | [[{\"span_id\":\"1\"}]] | expected an unsigned integer, got string | 12",
        "object root | {} | payload: expected an array of traces, got object | 0",
        "span not object | [[[]]] | chunk 0 span 0: expected a span object, got array | 2",
        "number meta | [[{\"meta\":{\"k\":1}}]] | field 'meta': expected a string, got number | 16",
        "trailing | [[]] [] | unexpected data after the last trace | 5",
        "truncated | [[{\"name\":\"a\" | chunk 0 span 0 field 'name': invalid JSON | 13",
        "not json | [[{name}]] | invalid JSON | 3",
        "bad links | [[{\"span_links\":{}}]] | span_links: expected an array, got map | 0",
      })
  void decode_rejectsBadInputNamingWhereAndOffset(
      String name, String json, String reason, long offset) {
    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining(reason)
        .satisfies(
            e ->
                assertThat(((MalformedPayloadException) e).offset())
                    .as("offset")
                    .isBetween(0L, (long) json.length()));
  }

  @Test
  void decode_rejectsEmptyBodyAndDeepNesting() {
    assertThatThrownBy(() -> decode("")).hasMessageContaining("empty body");
    assertThatThrownBy(() -> decode("[[{\"x\":" + "[".repeat(100_000)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("invalid JSON");
  }
}

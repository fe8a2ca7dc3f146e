package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every captured v0.4 payload and compares each span field with the fixture's {@code
 * .decoded.json} (native span events, moved to meta, are checked in {@link SpanExtrasTest}), and
 * the 128-bit ids with its {@code .expected.json}.
 */
class DatadogV04DecoderGoldenTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private final DatadogV04Decoder decoder = new DatadogV04Decoder();

  static List<Path> payloads() {
    return Fixtures.v04Payloads();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void decode_matchesDecodedJsonFieldByField(Path payload) throws IOException {
    List<Span> spans = decode(payload);
    List<JsonNode> wanted = new ArrayList<>();
    JSON.readTree(Fixtures.sibling(payload, ".decoded.json").toFile())
        .forEach(c -> c.forEach(wanted::add));

    assertThat(spans).hasSize(wanted.size());
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      JsonNode json = wanted.get(i);
      String at = payload.getFileName() + " span " + i;
      assertThat(span.traceId().low()).as(at + " trace_id").isEqualTo(bits(json.get("trace_id")));
      assertThat(span.spanId()).as(at + " span_id").isEqualTo(bits(json.get("span_id")));
      assertThat(span.parentId()).as(at + " parent_id").isEqualTo(bits(json.get("parent_id")));
      assertThat(span.service()).as(at + " service").isEqualTo(json.get("service").asText());
      assertThat(span.name()).as(at + " name").isEqualTo(json.get("name").asText());
      assertThat(span.resource()).as(at + " resource").isEqualTo(json.get("resource").asText());
      assertThat(span.type()).as(at + " type").isEqualTo(textOrEmpty(json.get("type")));
      assertThat(span.start()).as(at + " start").isEqualTo(bits(json.get("start")));
      assertThat(span.duration()).as(at + " duration").isEqualTo(bits(json.get("duration")));
      assertThat(span.error()).as(at + " error").isEqualTo(json.get("error").asInt() != 0);
      Map<String, String> meta = new LinkedHashMap<>(span.meta());
      if (json.has("span_events")) {
        assertThat(meta.remove(SpanExtras.EVENTS_KEY))
            .as(at + " native events in meta")
            .isNotNull();
      }
      assertThat(meta).as(at + " meta").isEqualTo(strings(json.get("meta")));
      assertThat(span.metrics()).as(at + " metrics").isEqualTo(numbers(json.get("metrics")));
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void decode_rebuilds128BitIdsOfExpectedJson(Path payload) throws IOException {
    Map<Long, Span> bySpanId =
        decode(payload).stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
    JsonNode expected = JSON.readTree(Fixtures.sibling(payload, ".expected.json").toFile());
    int checked = 0;
    for (JsonNode chunk : expected.get("chunks")) {
      for (JsonNode want : chunk.get("spans")) {
        Span span = bySpanId.get(Long.parseUnsignedLong(want.get("span_id_hex").asText(), 16));
        assertThat(span).as("span " + want.get("span_id_hex")).isNotNull();
        assertThat(span.traceId().toHex()).isEqualTo(want.get("trace_id_128_hex").asText());
        assertThat(span.traceId())
            .isEqualTo(TraceId.parse(chunk.get("chunk_trace_id_128_hex").asText()));
        JsonNode parent = want.get("parent_id_hex");
        long parentId = parent.isNull() ? 0 : Long.parseUnsignedLong(parent.asText(), 16);
        assertThat(span.parentId()).isEqualTo(parentId);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(bySpanId.size()).isPositive();
  }

  private List<Span> decode(Path payload) {
    return decoder.decode(ByteBuffer.wrap(Fixtures.read(payload)));
  }

  /** uint64 as printed by the fixture tool (exact integer) to the long bits the model keeps. */
  private static long bits(JsonNode node) {
    return node.bigIntegerValue().longValue();
  }

  private static String textOrEmpty(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }

  private static Map<String, Double> numbers(JsonNode node) {
    Map<String, Double> map = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
    }
    return map;
  }
}

package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.model.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every captured v0.5 payload and compares each span with the fixture's {@code
 * .resolved.json} (strings looked up), its shape with {@code .decoded.json} (raw indexes), and the
 * 128-bit ids with {@code .expected.json}.
 */
class DatadogV05DecoderGoldenTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private final DatadogV05Decoder decoder = new DatadogV05Decoder();

  static List<Path> payloads() {
    return Fixtures.v05Payloads();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void decode_matchesResolvedJsonFieldByField(Path payload) throws IOException {
    List<Span> spans = decode(payload);
    List<JsonNode> wanted = new ArrayList<>();
    JSON.readTree(Fixtures.sibling(payload, ".resolved.json").toFile())
        .get("traces")
        .forEach(c -> c.forEach(wanted::add));

    assertThat(spans).hasSize(wanted.size()).isNotEmpty();
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      JsonNode json = wanted.get(i);
      String at = payload.getParent().getFileName() + " span " + i;
      assertThat(span.traceId().low()).as(at + " trace_id").isEqualTo(bits(json.get("trace_id")));
      assertThat(span.spanId()).as(at + " span_id").isEqualTo(bits(json.get("span_id")));
      assertThat(span.parentId()).as(at + " parent_id").isEqualTo(bits(json.get("parent_id")));
      assertThat(span.service()).as(at + " service").isEqualTo(json.get("service").asText());
      assertThat(span.name()).as(at + " name").isEqualTo(json.get("name").asText());
      assertThat(span.resource()).as(at + " resource").isEqualTo(json.get("resource").asText());
      assertThat(span.type()).as(at + " type").isEqualTo(json.get("type").asText());
      assertThat(span.start()).as(at + " start").isEqualTo(bits(json.get("start")));
      assertThat(span.duration()).as(at + " duration").isEqualTo(bits(json.get("duration")));
      assertThat(span.error()).as(at + " error").isEqualTo(json.get("error").asInt() != 0);
      assertThat(span.meta()).as(at + " meta").isEqualTo(strings(json.get("meta")));
      assertThat(span.metrics()).as(at + " metrics").isEqualTo(numbers(json.get("metrics")));
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void decode_keepsEveryRawMetaAndMetricEntryOfDecodedJson(Path payload) throws IOException {
    List<Span> spans = decode(payload);
    JsonNode raw = JSON.readTree(Fixtures.sibling(payload, ".decoded.json").toFile());
    List<JsonNode> rawSpans = new ArrayList<>();
    raw.get(1).forEach(c -> c.forEach(rawSpans::add));

    assertThat(spans).hasSize(rawSpans.size());
    for (int i = 0; i < spans.size(); i++) {
      assertThat(rawSpans.get(i)).hasSize(12);
      assertThat(spans.get(i).meta()).hasSize(rawSpans.get(i).get(9).size());
      assertThat(spans.get(i).metrics()).hasSize(rawSpans.get(i).get(10).size());
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void decode_rebuilds128BitIdsOfExpectedJson(Path payload) throws IOException {
    List<Span> spans = decode(payload);
    JsonNode expected = JSON.readTree(Fixtures.sibling(payload, ".expected.json").toFile());
    List<JsonNode> wanted = new ArrayList<>();
    expected.get("chunks").forEach(c -> c.get("spans").forEach(wanted::add));

    assertThat(spans).hasSize(wanted.size());
    for (int i = 0; i < spans.size(); i++) {
      JsonNode want = wanted.get(i);
      Span span = spans.get(i);
      assertThat(span.traceId().toHex()).isEqualTo(want.get("trace_id_128_hex").asText());
      assertThat(Long.toHexString(span.spanId()))
          .isEqualTo(want.get("span_id_hex").asText().replaceFirst("^0+(?=.)", ""));
      assertThat(span.service()).isEqualTo(want.get("service").asText());
      assertThat(span.type()).isEqualTo(want.get("type").asText());
    }
  }

  private List<Span> decode(Path payload) {
    return decoder.decode(ByteBuffer.wrap(Fixtures.read(payload)));
  }

  private static long bits(JsonNode node) {
    return node.bigIntegerValue().longValue();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static Map<String, Double> numbers(JsonNode node) {
    Map<String, Double> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
    return map;
  }
}

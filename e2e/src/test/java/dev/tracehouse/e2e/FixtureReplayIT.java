package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance: every v0.4 payload captured from a real Datadog client, replayed into the running
 * server, reads back through the JSON API with every span's ids, names, error flag, meta and
 * metrics intact.
 */
@ExtendWith(DemoStackExtension.class)
class FixtureReplayIT {

  @TestFactory
  Stream<DynamicTest> everyV04Fixture_roundTripsThroughServer(DemoStack demo) throws IOException {
    List<Path> fixtures = v04Fixtures();
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(4);
    return fixtures.stream()
        .map(f -> DynamicTest.dynamicTest(fixtureName(f), () -> replay(demo, f)));
  }

  private static void replay(DemoStack demo, Path msgpack) throws IOException {
    String base = msgpack.toString().replace(".msgpack", "");
    Http.Reply reply =
        Http.put(demo.intake("/v0.4/traces"), "application/msgpack", Files.readAllBytes(msgpack));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("rate_by_service").isObject()).isTrue();

    JsonNode decoded = Http.JSON.readTree(Path.of(base + ".decoded.json").toFile());
    JsonNode expected = Http.JSON.readTree(Path.of(base + ".expected.json").toFile());
    for (int c = 0; c < decoded.size(); c++) {
      JsonNode chunk = expected.path("chunks").get(c);
      String traceId = chunk.path("chunk_trace_id_128_hex").asText();
      if (chunk.path("sampling_priority").asInt(1) < 0) {
        continue; // user-dropped: never stored (checked below, once the kept chunks are in)
      }
      Map<String, JsonNode> stored = awaitSpans(demo, traceId, decoded.get(c).size());
      for (JsonNode want : decoded.get(c)) {
        String spanId = unsigned(want.path("span_id"));
        JsonNode got = stored.get(spanId);
        assertThat(got).as("span %s of trace %s", spanId, traceId).isNotNull();
        assertSameSpan(got, want, traceId);
      }
    }
    for (JsonNode chunk : expected.path("chunks")) {
      if (chunk.path("sampling_priority").asInt(1) < 0) {
        String traceId = chunk.path("chunk_trace_id_128_hex").asText();
        assertThat(spansOf(demo, traceId)).as("user-dropped trace %s", traceId).isEmpty();
      }
    }
  }

  private static void assertSameSpan(JsonNode got, JsonNode want, String traceId)
      throws IOException {
    assertThat(got.path("traceId").asText()).isEqualTo(traceId);
    assertThat(traceId).endsWith(hex16(want.path("trace_id")));
    assertThat(got.path("parentId").asText()).isEqualTo(unsigned(want.path("parent_id")));
    assertThat(got.path("service").asText()).isEqualTo(want.path("service").asText());
    assertThat(got.path("name").asText()).isEqualTo(want.path("name").asText());
    assertThat(got.path("resource").asText()).isEqualTo(want.path("resource").asText());
    assertThat(got.path("type").asText()).isEqualTo(want.path("type").asText(""));
    assertThat(got.path("start").asLong())
        .isEqualTo(want.path("start").bigIntegerValue().longValue());
    assertThat(got.path("duration").asLong()).isEqualTo(want.path("duration").asLong());
    assertThat(got.path("error").asBoolean()).isEqualTo(want.path("error").asInt() == 1);
    Map<String, String> meta = strings(got.path("meta"));
    // The agent records why it kept the span, which retention filter indexed it (ADR 014), and
    // marks top-level spans, in its own keys.
    assertThat(meta.remove("_dd.ingestion_reason")).isNotBlank();
    assertThat(meta.remove("_dd.retention_filter")).isNotNull();
    Map<String, Double> metrics = numbers(got.path("metrics"));
    metrics.remove("_top_level");
    // Native span events and links are kept in meta, in the form dd-trace-js writes there.
    nativeAsMeta(meta, want.path("span_events"), "events");
    nativeAsMeta(meta, want.path("span_links"), "_dd.span_links");
    assertThat(meta).isEqualTo(strings(want.path("meta")));
    assertThat(metrics).isEqualTo(numbers(want.path("metrics")));
  }

  private static void nativeAsMeta(Map<String, String> meta, JsonNode nativeField, String key)
      throws IOException {
    if (nativeField.isMissingNode() || nativeField.isNull()) {
      return;
    }
    assertThat(meta).containsKey(key);
    JsonNode stored = Http.JSON.readTree(meta.remove(key));
    assertThat(stored.size()).as(key).isEqualTo(nativeField.size());
    for (int i = 0; i < stored.size(); i++) {
      assertThat(stored.get(i).path("name").asText())
          .isEqualTo(nativeField.get(i).path("name").asText());
    }
  }

  private static Map<String, JsonNode> awaitSpans(DemoStack demo, String traceId, int atLeast) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> spansOf(demo, traceId), m -> m.size() >= atLeast);
  }

  private static Map<String, JsonNode> spansOf(DemoStack demo, String traceId) {
    Http.Reply reply = Http.get(demo.web("/api/traces/" + traceId));
    Map<String, JsonNode> out = new HashMap<>();
    if (reply.status() == 200) {
      reply.json().path("spans").forEach(s -> out.put(s.path("spanId").asText(), s));
    }
    return out;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static Map<String, Double> numbers(JsonNode object) {
    Map<String, Double> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  /** A msgpack uint64 printed as an exact JSON integer, as the API's unsigned decimal string. */
  private static String unsigned(JsonNode n) {
    return n.bigIntegerValue().toString();
  }

  private static String hex16(JsonNode n) {
    String hex = n.bigIntegerValue().toString(16);
    return "0".repeat(16 - hex.length()) + hex;
  }

  static List<Path> v04Fixtures() throws IOException {
    Path fixtures = Path.of(System.getProperty("shared.dir", "../../shared"), "fixtures");
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(fixtures)) {
      files
          .filter(p -> p.getFileName().toString().matches("v04-.*\\.msgpack"))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  private static String fixtureName(Path f) {
    return f.getParent().getFileName() + "/" + f.getFileName();
  }
}

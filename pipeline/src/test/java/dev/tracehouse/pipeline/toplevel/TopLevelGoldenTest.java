package dev.tracehouse.pipeline.toplevel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Marks the chunks of every captured Datadog payload (built from its .decoded.json, or
 * .resolved.json for v0.5) and compares with the fixture's .expected.json top_level and measured.
 */
class TopLevelGoldenTest {
  private static final Path FIXTURES =
      Path.of("..", "..", "shared", "fixtures").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> expectedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      List<Path> list =
          files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
      assertThat(list).as("fixtures under %s", FIXTURES).hasSizeGreaterThanOrEqualTo(6);
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("expectedFiles")
  void mark_matchesFixtureTopLevelAndMeasured(Path expectedFile) throws IOException {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    boolean clientComputed = expected.get("client_computed_top_level_header").asBoolean();
    List<List<Span>> chunks = chunks(expectedFile);
    assertThat(chunks).hasSameSizeAs(expected.get("chunks"));
    int checked = 0;
    for (int c = 0; c < chunks.size(); c++) {
      List<Span> marked = TopLevel.mark(chunks.get(c), clientComputed);
      JsonNode spans = expected.get("chunks").get(c).get("spans");
      assertThat(marked).hasSameSizeAs(spans);
      for (int s = 0; s < marked.size(); s++) {
        Span span = marked.get(s);
        JsonNode want = spans.get(s);
        assertThat(TraceId.hex16(span.spanId())).isEqualTo(want.get("span_id_hex").asText());
        assertThat(TopLevel.isTopLevel(span))
            .as("%s top_level", span.name())
            .isEqualTo(want.get("top_level").asBoolean());
        assertThat(TopLevel.isMeasured(span))
            .as("%s measured", span.name())
            .isEqualTo(want.get("measured").asBoolean());
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  private static List<List<Span>> chunks(Path expectedFile) throws IOException {
    String base = expectedFile.getFileName().toString().replace(".expected.json", "");
    Path resolved = expectedFile.resolveSibling(base + ".resolved.json");
    JsonNode traces =
        Files.exists(resolved)
            ? JSON.readTree(resolved.toFile()).get("traces")
            : JSON.readTree(expectedFile.resolveSibling(base + ".decoded.json").toFile());
    List<List<Span>> chunks = new ArrayList<>();
    for (JsonNode chunk : traces) {
      List<Span> spans = new ArrayList<>();
      chunk.forEach(node -> spans.add(span(node)));
      chunks.add(spans);
    }
    return chunks;
  }

  private static Span span(JsonNode node) {
    Span.Builder b =
        Span.builder()
            .traceId(TraceId.ofLow(unsigned(node, "trace_id")))
            .spanId(unsigned(node, "span_id"))
            .parentId(unsigned(node, "parent_id"))
            .service(node.path("service").asText(""))
            .name(node.path("name").asText(""))
            .resource(node.path("resource").asText(""))
            .type(node.path("type").asText(""));
    node.path("meta").fields().forEachRemaining(e -> b.putMeta(e.getKey(), e.getValue().asText()));
    node.path("metrics")
        .fields()
        .forEachRemaining(e -> b.putMetric(e.getKey(), e.getValue().asDouble()));
    return b.build();
  }

  private static long unsigned(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? 0 : Long.parseUnsignedLong(value.asText());
  }
}

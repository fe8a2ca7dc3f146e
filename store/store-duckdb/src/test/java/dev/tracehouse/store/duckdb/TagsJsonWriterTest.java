package dev.tracehouse.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagsJsonWriterTest {

  private final TagsJsonWriter json = new TagsJsonWriter();

  private String meta(Map<String, String> meta) {
    return new String(json.meta(meta, Set.of()), StandardCharsets.UTF_8);
  }

  private String metrics(Map<String, Double> metrics) {
    return new String(json.metrics(metrics), StandardCharsets.UTF_8);
  }

  @Test
  void meta_writesACompactObjectInKeyOrder() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("thread.name", "t-1");
    meta.put("http.url", "/a?b=c");
    meta.put("env", "prod");

    assertThat(meta(meta))
        .isEqualTo("{\"env\":\"prod\",\"http.url\":\"/a?b=c\",\"thread.name\":\"t-1\"}");
    assertThat(meta(Map.of())).isEqualTo("{}");
  }

  @Test
  void meta_leavesOutTheGivenKeys_andIsEmptyWhenNoOtherIsLeft() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("env", "prod");
    meta.put("http.url", "/a");
    meta.put("version", "1.2");

    assertThat(new String(json.meta(meta, Set.of("env", "version")), StandardCharsets.UTF_8))
        .isEqualTo("{\"http.url\":\"/a\"}");
    assertThat(new String(json.meta(Map.of("env", "prod"), Set.of("env")), StandardCharsets.UTF_8))
        .isEqualTo("{}");
  }

  @Test
  void meta_escapesQuotesBackslashesAndControls() {
    String value = "say \"hi\"\\ \n\r\t\u0001\u001f end";

    assertThat(meta(Map.of("k\"", value)))
        .isEqualTo("{\"k\\\"\":\"say \\\"hi\\\"\\\\ \\n\\r\\t\\u0001\\u001f end\"}");
    assertThat(TagsJson.parseMeta(meta(Map.of("k\"", value))))
        .containsExactly(Map.entry("k\"", value));
  }

  @Test
  void meta_writesNonAsciiAsUtf8AndRoundTrips() {
    String value = "café ☕ \uD83C\uDF7A 日本";

    byte[] bytes = json.meta(Map.of("drink", value), Set.of());

    assertThat(bytes).isEqualTo(("{\"drink\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(TagsJson.parseMeta(new String(bytes, StandardCharsets.UTF_8)))
        .containsEntry("drink", value);
  }

  @Test
  void meta_replacesLoneSurrogatesWithTheReplacementCharacter() {
    assertThat(meta(Map.of("k", "a\uD83Cb\uDF7A"))).isEqualTo("{\"k\":\"a\uFFFDb\uFFFD\"}");
  }

  @Test
  void meta_growsItsBufferForLongValues() {
    String longValue = "x".repeat(10_000) + "é";

    assertThat(TagsJson.parseMeta(meta(Map.of("sql", longValue, "b", "\"".repeat(3000)))))
        .containsEntry("sql", longValue)
        .containsEntry("b", "\"".repeat(3000));
  }

  @Test
  void meta_withMoreKeysThanItsKeyBuffer_writesThemAllInOrder() {
    Map<String, String> meta = new java.util.HashMap<>();
    for (int i = 0; i < 40; i++) {
      meta.put("k" + (char) ('A' + i), "v" + i);
    }

    String json = meta(meta);

    assertThat(TagsJson.parseMeta(json)).isEqualTo(meta);
    assertThat(json).startsWith("{\"kA\":\"v0\",\"kB\":\"v1\",").endsWith(",\"kh\":\"v39\"}");
  }

  @Test
  void metrics_writeIntegralValuesWithoutFractionAndOthersAsJavaDoes() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("a", 1.0);
    metrics.put("b", -42.0);
    metrics.put("c", 0.25);
    metrics.put("d", 1e300);
    metrics.put("e", 9.007199254740993E15);

    assertThat(metrics(metrics))
        .isEqualTo("{\"a\":1,\"b\":-42,\"c\":0.25,\"d\":1.0E300,\"e\":9.007199254740992E15}");
    assertThat(TagsJson.parseMetrics(metrics(metrics))).isEqualTo(metrics);
  }

  @Test
  void metrics_writeNonFiniteValuesAsStringsThatReadBackAsNumbers() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("nan", Double.NaN);
    metrics.put("up", Double.POSITIVE_INFINITY);
    metrics.put("down", Double.NEGATIVE_INFINITY);
    metrics.put("zero", -0.0);

    assertThat(metrics(metrics))
        .isEqualTo("{\"nan\":\"NaN\",\"up\":\"Infinity\",\"down\":\"-Infinity\",\"zero\":-0.0}");
    assertThat(TagsJson.parseMetrics(metrics(metrics))).isEqualTo(metrics);
  }

  @Test
  void metaAndMetrics_reuseTheBufferWithoutLeakingEarlierContent() {
    meta(Map.of("long", "y".repeat(500)));

    assertThat(meta(Map.of("s", "1"))).isEqualTo("{\"s\":\"1\"}");
    assertThat(metrics(Map.of("m", 2.0))).isEqualTo("{\"m\":2}");
  }
}

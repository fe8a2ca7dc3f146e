package dev.tracehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagMapTest {
  private static final TagMap.Keys KEYS =
      TagMap.Keys.of(new String[] {"env", "http.url", "span.kind", "unused"}, 3);

  private static TagMap<String> map(String... values) {
    return TagMap.of(KEYS, values);
  }

  @Test
  void of_readsLikeTheEqualJdkMap() {
    TagMap<String> tags = map("prod", "http://a/b", "client");
    Map<String, String> jdk =
        Map.of("env", "prod", "http.url", "http://a/b", "span.kind", "client");

    assertThat(tags).isEqualTo(jdk);
    assertThat(jdk).isEqualTo(tags);
    assertThat(tags.hashCode()).isEqualTo(jdk.hashCode());
    assertThat(tags.get(new String("http.url"))).isEqualTo("http://a/b");
    assertThat(tags.get("unused")).isNull();
    assertThat(tags.get(null)).isNull();
    assertThat(tags.get(42)).isNull();
    assertThat(tags.containsKey("span.kind")).isTrue();
    assertThat(tags.getOrDefault("missing", "none")).isEqualTo("none");
    assertThat(tags.toString()).isEqualTo("{env=prod, http.url=http://a/b, span.kind=client}");
  }

  @Test
  void of_iteratesInKeyOrder() {
    List<String> seen = new ArrayList<>();
    map("prod", "u", "client").forEach((k, v) -> seen.add(k + "=" + v));

    assertThat(seen).containsExactly("env=prod", "http.url=u", "span.kind=client");
    assertThat(map("prod", "u", "client").keySet()).containsExactly("env", "http.url", "span.kind");
    assertThat(new HashMap<>(map("prod", "u", "client"))).hasSize(3);
  }

  @Test
  void equals_comparesValues() {
    assertThat(map("prod", "u", "client")).isNotEqualTo(map("prod", "v", "client"));
    assertThat(map("prod", "u", "client")).isNotEqualTo(Map.of("env", "prod"));
    assertThat(map("prod", "u", "client"))
        .isNotEqualTo(Map.of("env", "prod", "http.url", "u", "other", "client"));
  }

  @Test
  void of_copiesTheValues() {
    String[] values = {"prod", "u", "client"};
    TagMap<String> tags = TagMap.of(KEYS, values);
    values[0] = "changed";

    assertThat(tags.get("env")).isEqualTo("prod");
  }

  @Test
  void mutators_throw() {
    TagMap<String> tags = map("prod", "u", "client");

    assertThatThrownBy(() -> tags.put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.remove("env")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(tags::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.putIfAbsent("env", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.keySet().remove("env"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(tags).hasSize(3);
  }

  @Test
  void of_rejectsNullsAndMissingValues() {
    assertThatThrownBy(() -> map("prod", null, "client"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("values[1]");
    assertThatThrownBy(() -> map("prod"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values: expected at least 3 elements, got 1");
  }

  @Test
  void keys_rejectDuplicatesNullsAndBadSizes() {
    assertThatThrownBy(() -> TagMap.Keys.of(new String[] {"a", "b", new String("a")}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key given twice: a");
    assertThatThrownBy(() -> TagMap.Keys.of(new String[] {"a", null}, 2))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("names[1]");
    assertThatThrownBy(() -> TagMap.Keys.of(new String[] {"a"}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size: expected 0..1, got 2");
  }

  @Test
  void span_keepsATagMapAndCopiesOtherMaps() {
    TagMap<String> tags = map("prod", "u", "client");
    Map<String, Double> metrics = new HashMap<>(Map.of("a", 1.0));
    Span span = new Span(new TraceId(0, 1), 2, 0, "s", "n", "r", "", 0, 1, false, tags, metrics);
    metrics.put("b", 2.0);

    assertThat(span.meta()).isSameAs(tags);
    assertThat(span.metrics()).isEqualTo(Map.of("a", 1.0));
  }
}

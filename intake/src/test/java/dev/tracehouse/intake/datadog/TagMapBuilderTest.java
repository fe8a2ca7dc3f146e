package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tracehouse.model.TagMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagMapBuilderTest {
  private final TagMapBuilder<String> tags = new TagMapBuilder<>();

  private Map<String, String> build(String... keysAndValues) {
    tags.clear();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return tags.build();
  }

  @Test
  void build_givesATagMapThatSpansKeepAsItIs() {
    Map<String, String> map = build("env", "workshop", "version", "1.2.3");

    assertThat(map).containsExactly(entry("env", "workshop"), entry("version", "1.2.3"));
    assertThat(map).isInstanceOf(TagMap.class);
    assertThatThrownBy(() -> map.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void build_keepsTheLastValueOfARepeatedKey() {
    assertThat(build("env", "a", "env", "b")).containsExactly(entry("env", "b"));
  }

  @Test
  void build_handlesEverySizeUpToAndBeyondTheInlineArrays() {
    for (int size = 0; size <= 25; size++) {
      String[] keysAndValues = new String[2 * size + 2];
      Map<String, String> expected = new HashMap<>();
      for (int i = 0; i < size; i++) {
        keysAndValues[2 * i] = "k" + i;
        keysAndValues[2 * i + 1] = "v" + i;
        expected.put("k" + i, "v" + i);
      }
      keysAndValues[2 * size] = "k0";
      keysAndValues[2 * size + 1] = "last";
      expected.put("k0", "last");

      assertThat(build(keysAndValues)).as("size %d", size).isEqualTo(expected);
    }
  }

  @Test
  void build_sharesTheMapWhenTheEntriesRepeatTheOneBefore() {
    Map<String, String> first = build("env", "workshop", "span.kind", "client");
    Map<String, String> same = build("env", "workshop", "span.kind", new String("client"));
    Map<String, String> other = build("env", "workshop", "span.kind", "server");

    assertThat(same).isSameAs(first);
    assertThat(other).isNotSameAs(first).containsEntry("span.kind", "server");
    assertThat(((TagMap<String>) other).keys()).isSameAs(((TagMap<String>) first).keys());
    assertThat(build()).isEmpty();
  }

  @Test
  void build_findsARepeatedKeyAfterKeysThatRepeatTheMapBefore() {
    build("env", "a", "version", "1", "span.kind", "client");

    assertThat(build("env", "b", "env", "c", "version", "2"))
        .containsOnly(entry("env", "c"), entry("version", "2"));
    assertThat(build("env", "d", "version", "3", new String("env"), "e"))
        .containsOnly(entry("env", "e"), entry("version", "3"));
  }
}

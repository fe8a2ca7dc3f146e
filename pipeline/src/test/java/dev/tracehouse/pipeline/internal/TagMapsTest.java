package dev.tracehouse.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TagMapsTest {
  private static final Map<String, Double> METRICS = Map.of("a", 1.0, "b", 2.0);

  @Test
  void with_addsOrReplacesOneEntry() {
    assertThat(TagMaps.with(METRICS, "c", 3.0)).isEqualTo(Map.of("a", 1.0, "b", 2.0, "c", 3.0));
    assertThat(TagMaps.with(METRICS, "a", 5.0)).isEqualTo(Map.of("a", 5.0, "b", 2.0));
    assertThat(TagMaps.with(Map.of(), "a", 5.0)).isEqualTo(Map.of("a", 5.0));
  }

  @Test
  void with_returnsTheMapItself_whenTheEntryIsThere() {
    assertThat(TagMaps.with(METRICS, "a", 1.0)).isSameAs(METRICS);
  }

  @Test
  void withTwo_setsBothEntriesInOneCopy_orReturnsTheMapItself() {
    assertThat(TagMaps.with(METRICS, "a", 5.0, "c", 3.0))
        .isEqualTo(Map.of("a", 5.0, "b", 2.0, "c", 3.0));
    assertThat(TagMaps.with(Map.of(), "x", 1.0, "y", 2.0)).isEqualTo(Map.of("x", 1.0, "y", 2.0));
    assertThat(TagMaps.with(METRICS, "b", 2.0, "a", 1.0)).isSameAs(METRICS);
  }

  @Test
  void without_removesOneEntry_orReturnsTheMapItself() {
    assertThat(TagMaps.without(METRICS, "a")).isEqualTo(Map.of("b", 2.0));
    assertThat(TagMaps.without(Map.of("a", 1.0), "a")).isEmpty();
    assertThat(TagMaps.without(METRICS, "z")).isSameAs(METRICS);
  }

  @Test
  void results_areImmutable() {
    Map<String, Double> changed = TagMaps.with(METRICS, "c", 3.0);
    assertThatThrownBy(() -> changed.put("d", 4.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanTagsTest {

  private final SpanTags tags = new SpanTags();

  @Test
  void putMeta_replacesValueOfExistingKey() {
    tags.putMeta("k", "a");
    tags.putMeta("k", "b");

    assertThat(tags.metaSize()).isEqualTo(1);
    assertThat(tags.metaValue(tags.metaIndex("k"))).isEqualTo("b");
  }

  @Test
  void putMeta_growsBeyondFirstCapacityKeepingOrder() {
    for (int i = 0; i < 20; i++) {
      tags.putMeta("k" + i, "v" + i);
    }

    assertThat(tags.metaSize()).isEqualTo(20);
    assertThat(tags.metaKey(19)).isEqualTo("k19");
    assertThat(tags.metaValue(tags.metaIndex("k7"))).isEqualTo("v7");
    assertThat(tags.metaIndex("missing")).isEqualTo(-1);
  }

  @Test
  void putMetric_replacesAndGrows() {
    for (int i = 0; i < 9; i++) {
      tags.putMetric("m" + i, i);
    }
    tags.putMetric("m3", 0.5);

    assertThat(tags.metricSize()).isEqualTo(9);
    assertThat(tags.metricValue(tags.metricIndex("m3"))).isEqualTo(0.5);
    assertThat(tags.metricKey(8)).isEqualTo("m8");
    assertThat(tags.metricIndex("missing")).isEqualTo(-1);
  }

  @Test
  void emptyTags_haveNoEntries() {
    assertThat(tags.metaSize()).isZero();
    assertThat(tags.metricSize()).isZero();
    assertThat(tags.metaIndex("k")).isEqualTo(-1);
    assertThat(tags.metricIndex("k")).isEqualTo(-1);
  }
}

package dev.tracehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRecordsTest {

  @Test
  void encodedSketch_comparesByContentAndCopiesBytes() {
    byte[] raw = {1, 2, 3};
    EncodedSketch sketch = new EncodedSketch(raw);
    raw[0] = 9;
    sketch.bytes()[1] = 9;

    assertThat(sketch).isEqualTo(new EncodedSketch(new byte[] {1, 2, 3}));
    assertThat(sketch.hashCode()).isEqualTo(new EncodedSketch(new byte[] {1, 2, 3}).hashCode());
    assertThat(sketch.size()).isEqualTo(3);
    assertThat(new EncodedSketch(null)).isEqualTo(EncodedSketch.EMPTY);
    assertThat(EncodedSketch.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void statsKey_nullStringsReadAsEmpty() {
    StatsKey key = new StatsKey(null, "svc", null, null, null, 0, null, null, false, null, null);

    assertThat(key.env()).isEmpty();
    assertThat(key.spanKind()).isEmpty();
    assertThat(key.traceRoot()).isEqualTo(StatsKey.TraceRoot.UNSET);
    assertThat(key).isEqualTo(new StatsKey("", "svc", "", "", "", 0, "", "", false, "", null));
  }

  @Test
  void statsGroup_missingSketchesAreEmpty() {
    StatsKey key = new StatsKey("", "svc", "", "", "", 0, "", "", false, "", null);

    StatsGroup group = new StatsGroup(key, 1, 0, 1, 5, null, null);

    assertThat(group.okSketch()).isEqualTo(EncodedSketch.EMPTY);
    assertThat(group.errorSketch()).isEqualTo(EncodedSketch.EMPTY);
  }

  @Test
  void statsBucket_rejectsNonPositiveDuration() {
    assertThatThrownBy(() -> new StatsBucket(0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration");
    assertThat(new StatsBucket(10, 10, null).end()).isEqualTo(20);
  }

  @Test
  void serviceMapBucket_copiesEdges() {
    ServiceEdge edge = new ServiceEdge(null, "a", "b", 1, 0, 5, null);

    ServiceMapBucket bucket = new ServiceMapBucket(0, 10, List.of(edge));

    assertThat(bucket.edges()).containsExactly(edge);
    assertThat(edge.env()).isEmpty();
    assertThat(edge.latency().isEmpty()).isTrue();
  }
}

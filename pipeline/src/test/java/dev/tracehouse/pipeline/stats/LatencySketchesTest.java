package dev.tracehouse.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.EncodedSketch;
import org.junit.jupiter.api.Test;

class LatencySketchesTest {

  @Test
  void quantile_readsTheNearestRankValue() {
    DDSketch sketch = LatencySketches.create();
    for (int v = 1; v <= 4; v++) {
      sketch.accept(v * 1000);
    }

    // n = 4: p50 is rank ceil(2) = 2 → 2000; p51 is rank 3 → 3000; p0 reads rank 1
    assertThat(LatencySketches.quantile(sketch, 0.5)).isCloseTo(2000, within(20.0));
    assertThat(LatencySketches.quantile(sketch, 0.51)).isCloseTo(3000, within(30.0));
    assertThat(LatencySketches.quantile(sketch, 0)).isCloseTo(1000, within(10.0));
    assertThat(LatencySketches.quantile(sketch, 1)).isCloseTo(4000, within(40.0));
  }

  @Test
  void quantile_rejectsBadInput() {
    assertThatThrownBy(() -> LatencySketches.quantile(LatencySketches.create(), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
    assertThatThrownBy(() -> LatencySketches.quantile(LatencySketches.create(), 1.5))
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void encodeDecode_roundTripsAndEmptyIsEmpty() {
    DDSketch sketch = LatencySketches.create();
    sketch.accept(12_345);

    DDSketch back = LatencySketches.decode(LatencySketches.encode(sketch));

    assertThat(back.getCount()).isEqualTo(1);
    assertThat(back.getMaxValue()).isEqualTo(sketch.getMaxValue());
    assertThat(LatencySketches.encode(LatencySketches.create())).isEqualTo(EncodedSketch.EMPTY);
    assertThat(LatencySketches.decode(EncodedSketch.EMPTY).isEmpty()).isTrue();
  }
}

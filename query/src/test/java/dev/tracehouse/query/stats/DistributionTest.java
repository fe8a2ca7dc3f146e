package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.tracehouse.model.EncodedSketch;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void quantile_isNearestRankOfTheMergedValues() {
    Distribution d = new Distribution();
    d.add(sketch(1, 2, 3, 4, 5), 1);
    d.add(sketch(6, 7, 8, 9, 10), 1);

    assertThat(d.quantile(0.5)).isCloseTo(5, within(0.05));
    assertThat(d.quantile(0.51)).isCloseTo(6, within(0.06));
    assertThat(d.quantile(0.95)).isCloseTo(10, within(0.1));
    assertThat(d.quantile(0)).isCloseTo(1, within(0.01));
    assertThat(d.max()).isCloseTo(10, within(0.1));
    assertThat(d.total()).isEqualTo(10);
  }

  @Test
  void add_givesEachValueItsWeight() {
    Distribution d = new Distribution();
    d.add(sketch(100), 3);
    d.add(sketch(1000), 1);

    assertThat(d.total()).isEqualTo(4);
    assertThat(d.quantile(0.75)).isCloseTo(100, within(1.0));
    assertThat(d.quantile(0.76)).isCloseTo(1000, within(10.0));
  }

  @Test
  void zeroDurations_countAsValueZero() {
    Distribution d = new Distribution();
    d.add(sketch(0, 0, 0, 50), 1);

    assertThat(d.quantile(0.75)).isZero();
    assertThat(d.quantile(0.76)).isCloseTo(50, within(0.5));
    assertThat(d.minPositive()).isCloseTo(50, within(0.5));
  }

  @Test
  void anotherIndexMapping_isConvertedIntoTheFirst() {
    Distribution d = new Distribution();
    d.add(sketch(10), 1);
    DDSketch coarse = DDSketches.unboundedDense(0.05);
    coarse.accept(1000);
    d.add(coarse, 1);

    assertThat(d.max()).isCloseTo(1000, within(1000 * 0.07));
    assertThat(d.total()).isEqualTo(2);
  }

  @Test
  void empty_hasNoQuantileOrMax() {
    Distribution d = new Distribution();
    d.add(null, 1);

    assertThat(d.isEmpty()).isTrue();
    assertThat(d.quantile(0.5)).isNull();
    assertThat(d.max()).isNull();
    assertThat(Distribution.decode(EncodedSketch.EMPTY)).isNull();
  }

  @Test
  void decode_rejectsBytesThatAreNoSketch() {
    assertThatThrownBy(() -> Distribution.decode(new EncodedSketch(new byte[] {(byte) 0xff, 1})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not decode");
  }

  static DDSketch sketch(double... values) {
    DDSketch sketch = Workload.sketch();
    for (double v : values) {
      sketch.accept(v);
    }
    return sketch;
  }
}

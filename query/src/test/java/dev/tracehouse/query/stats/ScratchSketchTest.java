package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.tracehouse.model.EncodedSketch;
import org.junit.jupiter.api.Test;

class ScratchSketchTest {

  private final ScratchSketch scratch = new ScratchSketch();

  @Test
  void load_holdsOnlyTheLastSketchLoaded() {
    scratch.load(Workload.encode(DistributionTest.sketch(1, 2, 3)));
    DDSketch second = scratch.load(Workload.encode(DistributionTest.sketch(50, 60)));

    assertThat(second.getCount()).isEqualTo(2);
    assertThat(second.getMinValue()).isCloseTo(50, within(0.5));
  }

  @Test
  void load_readsASketchWithAnotherMapping() {
    scratch.load(Workload.encode(DistributionTest.sketch(1)));
    DDSketch coarse = DDSketches.unboundedDense(0.05);
    coarse.accept(1000);
    coarse.accept(2000);

    DDSketch loaded = scratch.load(Workload.encode(coarse));

    assertThat(loaded.getCount()).isEqualTo(2);
    assertThat(loaded.getMaxValue()).isCloseTo(2000, within(100.0));
    assertThat(scratch.load(Workload.encode(DistributionTest.sketch(7))).getCount()).isEqualTo(1);
  }

  @Test
  void load_givesNullForTheEmptySketchAndRejectsBadBytes() {
    assertThat(scratch.load(EncodedSketch.EMPTY)).isNull();
    scratch.load(Workload.encode(DistributionTest.sketch(1)));
    assertThatThrownBy(() -> scratch.load(new EncodedSketch(new byte[] {(byte) 0xff, 3})))
        .isInstanceOf(IllegalStateException.class);
  }
}

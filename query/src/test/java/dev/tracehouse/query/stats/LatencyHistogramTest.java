package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracehouse.model.ServiceEdge;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bins_spanShortestToLongestOnALogScale() {
    List<LatencyHistogram.Bin> bins = LatencyHistogram.bins(totals(1e6, 3e6, 100e6), 2);

    assertThat(bins).hasSize(2);
    assertThat(bins.get(0).from()).isCloseTo(1e6, within(1e4));
    assertThat(bins.get(0).to()).isCloseTo(10e6, within(2e5));
    assertThat(bins.get(1).to()).isCloseTo(100e6, within(1e6));
    assertThat(bins).extracting(LatencyHistogram.Bin::count).containsExactly(2.0, 1.0);
  }

  @Test
  void bins_oneValueGivesOneBin() {
    assertThat(LatencyHistogram.bins(totals(5e6, 5e6), 30))
        .singleElement()
        .satisfies(b -> assertThat(b.count()).isEqualTo(2));
  }

  @Test
  void bins_zeroDurationsGoInTheFirstBinStartingAtZero() {
    List<LatencyHistogram.Bin> bins = LatencyHistogram.bins(totals(0, 1e3, 1e6), 3);

    assertThat(bins.get(0).from()).isZero();
    assertThat(bins.get(0).count()).isEqualTo(2);
    assertThat(LatencyHistogram.bins(totals(0, 0), 3))
        .containsExactly(new LatencyHistogram.Bin(0, 0, 2, 0));
  }

  @Test
  void bins_noRequestsGiveNoBins() {
    assertThat(LatencyHistogram.bins(new Totals(), 10)).isEmpty();
  }

  private static Totals totals(double... durations) {
    Totals totals = new Totals();
    totals.addEdge(
        new ServiceEdge(
            "",
            "a",
            "b",
            durations.length,
            0,
            0,
            Workload.encode(DistributionTest.sketch(durations))));
    return totals;
  }
}

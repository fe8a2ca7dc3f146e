package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import org.junit.jupiter.api.Test;

class TotalsTest {

  private static final StatsKey KEY =
      new StatsKey("prod", "web", "servlet.request", "GET /", "web", 200, "", "", false, "", null);
  private static final ApdexThreshold T_100MS = new ApdexThreshold(100e6, false);

  @Test
  void addEntry_takesTheTopLevelShareOfAMixedGroup() {
    Totals totals = new Totals();
    totals.addEntry(group(4, 2, 1, 400e6, 10e6, 10e6, 10e6, 300e6));

    Measures m = totals.measures(10, T_100MS);
    assertThat(m.requests()).isEqualTo(2);
    assertThat(m.errors()).isEqualTo(0.5);
    assertThat(m.totalTime()).isEqualTo(200e6);
    assertThat(m.p50()).isCloseTo(10e6, within(1e5));
    assertThat(m.p99()).isCloseTo(300e6, within(3e6));
    assertThat(m.requestsPerSecond()).isEqualTo(0.2);
  }

  @Test
  void addEntry_ignoresGroupsWithoutEntrySpans() {
    Totals totals = new Totals();
    totals.addEntry(group(3, 0, 0, 30e6, 10e6, 10e6, 10e6));

    Measures m = totals.measures(10, T_100MS);
    assertThat(m.requests()).isZero();
    assertThat(m.avg()).isNull();
    assertThat(m.apdex()).isNull();
    assertThat(m.errorRate()).isZero();
  }

  @Test
  void apdex_canCountErrorsAsFrustrated() {
    Totals totals = new Totals();
    totals.addEntry(group(4, 4, 1, 0, 10e6, 10e6, 150e6, 50e6));

    assertThat(totals.measures(10, T_100MS).apdex()).isCloseTo((2 + 0.5 + 1) / 4, within(1e-12));
    assertThat(totals.measures(10, new ApdexThreshold(100e6, true)).apdex())
        .isCloseTo((2 + 0.5) / 4, within(1e-12));
  }

  @Test
  void addEdge_weighsEachCallLikeTheEdgeCounts() {
    Totals totals = new Totals();
    totals.addEdge(
        new ServiceEdge(
            "prod", "web", "api", 6, 2, 6e6, Workload.encode(DistributionTest.sketch(1e6))));
    totals.addEdge(
        new ServiceEdge(
            "prod", "web", "api", 1, 0, 9e6, Workload.encode(DistributionTest.sketch(9e6))));

    Measures m = totals.measures(10, null);
    assertThat(m.requests()).isEqualTo(7);
    assertThat(m.errorRate()).isCloseTo(2.0 / 7, within(1e-12));
    assertThat(m.p75()).isCloseTo(1e6, within(1e4));
    assertThat(m.p90()).isCloseTo(9e6, within(9e4));
    assertThat(m.apdex()).isNull();
  }

  /**
   * A group whose first {@code errorCount} durations (of those after the four counters) are errors:
   * hits, topLevelHits, errors, durationSum.
   */
  private static StatsGroup group(
      double hits, double topLevel, int errorCount, double durationSum, double... durations) {
    var ok = Workload.sketch();
    var failed = Workload.sketch();
    for (int i = 0; i < durations.length; i++) {
      (i < errorCount ? failed : ok).accept(durations[i]);
    }
    return new StatsGroup(
        KEY, hits, errorCount, topLevel, durationSum, Workload.encode(ok), Workload.encode(failed));
  }
}

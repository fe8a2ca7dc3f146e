package dev.tracehouse.pipeline.stats;

import static dev.tracehouse.pipeline.stats.TestSpans.SECOND;
import static dev.tracehouse.pipeline.stats.TestSpans.T0;
import static dev.tracehouse.pipeline.stats.TestSpans.endingAt;
import static dev.tracehouse.pipeline.stats.TestSpans.topLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.LinearlyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsConcentratorClientStatsTest {
  private static final StatsKey KEY =
      new StatsKey(
          "prod", "web", "web.op", "GET /", "", 0, "1.0", "", false, "", StatsKey.TraceRoot.YES);

  private final MutableClock clock = new MutableClock(T0 + 25 * SECOND);
  private final StatsConcentrator concentrator = new StatsConcentrator(clock);

  /** A sketch in the layout dd-java-agent uses (linear interpolation, gamma 2^(1/64)). */
  private static EncodedSketch javaClientSketch(double... values) throws IOException {
    DDSketch sketch =
        new DDSketch(
            new LinearlyInterpolatedMapping(Math.pow(2, 1.0 / 64), 0),
            UnboundedSizeDenseStore::new);
    for (double value : values) {
      sketch.accept(value);
    }
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    sketch.encode(out, false);
    return new EncodedSketch(out.trimmedCopy());
  }

  private static ClientStatsPayload payload(long start, StatsGroup... groups) {
    return new ClientStatsPayload(
        "",
        "prod",
        "1.0",
        "web",
        "java",
        "1.68.1",
        "rid",
        0,
        List.of(new StatsBucket(start, 10 * SECOND, List.of(groups))));
  }

  @Test
  void addClientStats_mergesWithSpansOfTheSameKey() throws IOException {
    concentrator.add(
        List.of(endingAt(topLevel(1, 1, 0, "web", "GET /"), T0 + 22 * SECOND, 1_000_000).build()),
        false);
    StatsGroup client =
        new StatsGroup(
            KEY,
            3,
            1,
            3,
            9_000_000,
            javaClientSketch(2_000_000, 3_000_000),
            javaClientSketch(4_000_000));

    concentrator.addClientStats(payload(T0 + 21_514_000_000L, client));

    StatsGroup merged = concentrator.flush(true).get(0).groups().get(0);
    assertThat(merged.key()).isEqualTo(KEY);
    assertThat(merged.hits()).isEqualTo(4);
    assertThat(merged.errors()).isEqualTo(1);
    assertThat(merged.topLevelHits()).isEqualTo(4);
    assertThat(merged.durationSum()).isEqualTo(10_000_000);
    DDSketch ok = LatencySketches.decode(merged.okSketch());
    assertThat(ok.getCount()).isEqualTo(3);
    assertThat(LatencySketches.quantile(ok, 1)).isBetween(2_955_000.0, 3_045_000.0);
    assertThat(LatencySketches.decode(merged.errorSketch()).getCount()).isEqualTo(1);
  }

  @Test
  void addClientStats_unalignedStart_goesToItsAlignedBucket() {
    concentrator.addClientStats(
        payload(T0 + 21_514_000_000L, new StatsGroup(KEY, 1, 0, 1, 5, null, null)));

    assertThat(concentrator.flush(true))
        .extracting(StatsBucket::start)
        .containsExactly(T0 + 20 * SECOND);
  }

  @Test
  void addClientStats_badSketchBytes_isRejected() {
    StatsGroup bad = new StatsGroup(KEY, 1, 0, 1, 5, new EncodedSketch(new byte[] {99}), null);

    assertThatThrownBy(() -> concentrator.addClientStats(payload(T0 + 20 * SECOND, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an encoded DDSketch");
  }
}

package dev.tracehouse.pipeline.stats;

import static dev.tracehouse.pipeline.stats.TestSpans.SECOND;
import static dev.tracehouse.pipeline.stats.TestSpans.T0;
import static dev.tracehouse.pipeline.stats.TestSpans.endingAt;
import static dev.tracehouse.pipeline.stats.TestSpans.span;
import static dev.tracehouse.pipeline.stats.TestSpans.topLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsConcentratorTest {
  private final MutableClock clock = new MutableClock(T0 + 25 * SECOND);
  private final StatsConcentrator concentrator = new StatsConcentrator(clock);

  private static Span root(long trace, long end, long duration) {
    return endingAt(topLevel(trace, 1, 0, "web", "GET /"), end, duration).build();
  }

  @Test
  void add_spanCountsInTheBucketOfItsEndTime() {
    concentrator.add(List.of(root(1, T0 + 11 * SECOND, 3 * SECOND)), false);

    List<StatsBucket> buckets = concentrator.flush(true);

    assertThat(buckets)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.start()).isEqualTo(T0 + 10 * SECOND);
              assertThat(b.duration()).isEqualTo(10 * SECOND);
            });
  }

  @Test
  void flush_keepsTheTwoNewestBucketsOpen() {
    clock.set(T0 + 5 * SECOND);
    StatsConcentrator live = new StatsConcentrator(clock);
    live.add(List.of(root(1, T0 + 5 * SECOND, 1000)), false);
    clock.advanceSeconds(10);
    live.add(List.of(root(2, T0 + 15 * SECOND, 1000)), false);
    assertThat(live.flush(false)).isEmpty();
    clock.advanceSeconds(10);
    live.add(List.of(root(3, T0 + 25 * SECOND, 1000)), false);

    assertThat(live.flush(false)).extracting(StatsBucket::start).containsExactly(T0);
    clock.advanceSeconds(10);
    assertThat(live.flush(false)).extracting(StatsBucket::start).containsExactly(T0 + 10 * SECOND);
    assertThat(live.flush(true)).extracting(StatsBucket::start).containsExactly(T0 + 20 * SECOND);
    assertThat(live.flush(true)).isEmpty();
  }

  @Test
  void add_spanOlderThanTheWindowAtStart_goesToTheOldestOpenBucket() {
    concentrator.add(List.of(root(1, T0 - 100 * SECOND, 1000)), false);

    assertThat(concentrator.flush(true))
        .singleElement()
        .satisfies(b -> assertThat(b.start()).isEqualTo(T0 + 10 * SECOND));
  }

  @Test
  void add_lateSpanAfterFlush_goesToTheOldestOpenBucket() {
    concentrator.flush(false);

    concentrator.add(List.of(root(1, T0 + 2 * SECOND, 1000)), false);

    assertThat(concentrator.flush(true))
        .singleElement()
        .satisfies(b -> assertThat(b.start()).isEqualTo(T0 + 10 * SECOND));
  }

  @Test
  void add_spanFromTheFuture_goesToTheCurrentBucket() {
    concentrator.add(List.of(root(1, T0 + 3_600 * SECOND, 1000)), false);

    assertThat(concentrator.flush(true))
        .singleElement()
        .satisfies(b -> assertThat(b.start()).isEqualTo(T0 + 20 * SECOND));
  }

  @Test
  void add_countsEligibleSpansWithTheRootsWeight() {
    long end = T0 + 21 * SECOND;
    List<Span> chunk =
        List.of(
            endingAt(topLevel(1, 1, 0, "web", "GET /"), end, 400)
                .putMetric("_sample_rate", 0.25)
                .build(),
            endingAt(span(1, 2, 1, "web", "cache"), end, 100)
                .putMetric("_dd.measured", 1)
                .error(true)
                .build(),
            endingAt(span(1, 3, 1, "web", "internal"), end, 50).build(),
            endingAt(topLevel(1, 4, 1, "web", "GET /"), end, 200)
                .putMetric("_dd.partial_version", 1)
                .build());

    concentrator.add(chunk, false);

    List<StatsGroup> groups = concentrator.flush(true).get(0).groups();
    assertThat(groups).hasSize(2);
    StatsGroup web = find(groups, "GET /");
    assertThat(web.hits()).isEqualTo(4);
    assertThat(web.topLevelHits()).isEqualTo(4);
    assertThat(web.errors()).isZero();
    assertThat(web.durationSum()).isEqualTo(1600);
    assertThat(LatencySketches.decode(web.okSketch()).getCount()).isEqualTo(1);
    assertThat(web.errorSketch().isEmpty()).isTrue();
    StatsGroup cache = find(groups, "cache");
    assertThat(cache.hits()).isEqualTo(4);
    assertThat(cache.topLevelHits()).isZero();
    assertThat(cache.errors()).isEqualTo(4);
    assertThat(LatencySketches.decode(cache.errorSketch()).getCount()).isEqualTo(1);
  }

  @Test
  void add_keyTakesEnvVersionAndSyntheticsFromTheRoot() {
    long end = T0 + 21 * SECOND;
    Span root =
        endingAt(topLevel(1, 1, 0, "web", "GET /"), end, 400)
            .putMeta("env", "staging")
            .putMeta("version", "2.0")
            .putMeta("_dd.origin", "synthetics-browser")
            .putMeta("http.status_code", "503")
            .putMeta("span.kind", "server")
            .type("web")
            .build();
    Span child =
        endingAt(topLevel(1, 2, 1, "db", "SELECT"), end, 100)
            .putMeta("env", "other")
            .putMetric("http.status_code", 200)
            .build();

    concentrator.add(List.of(child, root), false);

    List<StatsGroup> groups = concentrator.flush(true).get(0).groups();
    assertThat(find(groups, "GET /").key())
        .isEqualTo(
            new StatsKey(
                "staging",
                "web",
                "web.op",
                "GET /",
                "web",
                503,
                "2.0",
                "",
                true,
                "server",
                StatsKey.TraceRoot.YES));
    StatsKey db = find(groups, "SELECT").key();
    assertThat(db.env()).isEqualTo("staging");
    assertThat(db.httpStatusCode()).isEqualTo(200);
    assertThat(db.traceRoot()).isEqualTo(StatsKey.TraceRoot.NO);
  }

  @Test
  void add_clientComputedStats_skipsTheChunk() {
    concentrator.add(List.of(root(1, T0 + 21 * SECOND, 1000)), true);

    assertThat(concentrator.flush(true)).isEmpty();
  }

  @Test
  void add_beyondTheKeyCap_countsOverflowInsteadOfGrowing() {
    StatsConcentrator capped = new StatsConcentrator(clock, 3);
    for (int i = 0; i < 5; i++) {
      capped.add(
          List.of(endingAt(topLevel(i, 1, 0, "web", "GET /" + i), T0 + 21 * SECOND, 10).build()),
          false);
    }
    capped.add(
        List.of(endingAt(topLevel(9, 1, 0, "web", "GET /0"), T0 + 21 * SECOND, 10).build()), false);

    assertThat(capped.flush(true).get(0).groups()).hasSize(3);
    assertThat(capped.droppedForCardinality()).isEqualTo(2);
  }

  @Test
  void new_rejectsANonPositiveKeyCap() {
    assertThatThrownBy(() -> new StatsConcentrator(clock, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxKeysPerBucket");
  }

  static StatsGroup find(List<StatsGroup> groups, String resource) {
    return groups.stream()
        .filter(g -> g.key().resource().equals(resource))
        .findFirst()
        .orElseThrow();
  }
}

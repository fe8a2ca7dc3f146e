package dev.tracehouse.pipeline.stats;

import static dev.tracehouse.pipeline.stats.TestSpans.SECOND;
import static dev.tracehouse.pipeline.stats.TestSpans.T0;
import static dev.tracehouse.pipeline.stats.TestSpans.endingAt;
import static dev.tracehouse.pipeline.stats.TestSpans.span;
import static dev.tracehouse.pipeline.stats.TestSpans.topLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 3: a seeded workload with known latencies (3 services, 6 resources, errors,
 * chunks upweighted by {@code _sample_rate} 0.5 and 0.25, spans spread over 12 buckets, flushed as
 * time passes) gives, per (service, resource) over all buckets, hits and errors equal to the
 * weighted counts and p50..p99 within 1 % of the exact nearest-rank value {@code v[ceil(q·n)]} of
 * the unweighted durations (the sketch counts each span once, as the agent's does).
 */
class StatsGoldenTest {
  private static final double[] QUANTILES = {0.5, 0.75, 0.9, 0.95, 0.99};
  private static final int TRACES = 6_000;

  /** What one (service, resource) should add up to. */
  private static final class Expected {
    double hits;
    double errors;
    final List<Long> durations = new ArrayList<>();
  }

  private final Random random = new Random(20260101L);
  private final Map<String, Expected> expected = new HashMap<>();

  @Test
  void concentrator_seededWorkload_matchesExactCountsAndQuantiles() {
    MutableClock clock = new MutableClock(T0);
    StatsConcentrator concentrator = new StatsConcentrator(clock);
    List<StatsBucket> flushed = new ArrayList<>();
    for (int t = 0; t < TRACES; t++) {
      long end = T0 + (long) t * 120 * SECOND / TRACES + random.nextInt(1_000_000);
      clock.set(end + random.nextInt(2_000_000_000)); // the chunk arrives a little later
      concentrator.add(trace(t, end, true), false);
      if (t % 97 == 0) {
        flushed.addAll(concentrator.flush(false));
      }
    }
    concentrator.add(trace(TRACES, clock.instant().getEpochSecond() * SECOND, false), true);
    flushed.addAll(concentrator.flush(true));

    assertThat(flushed).hasSizeGreaterThanOrEqualTo(12);
    assertThat(flushed).allSatisfy(b -> assertThat(b.start() % (10 * SECOND)).isZero());
    Map<String, List<StatsGroup>> byResource = new HashMap<>();
    flushed.forEach(
        b ->
            b.groups()
                .forEach(g -> byResource.computeIfAbsent(id(g), k -> new ArrayList<>()).add(g)));
    assertThat(byResource.keySet()).isEqualTo(expected.keySet());
    expected.forEach((id, want) -> check(id, want, byResource.get(id)));
  }

  private static String id(StatsGroup group) {
    return group.key().service() + " " + group.key().resource();
  }

  private void check(String id, Expected want, List<StatsGroup> groups) {
    double hits = groups.stream().mapToDouble(StatsGroup::hits).sum();
    double errors = groups.stream().mapToDouble(StatsGroup::errors).sum();
    assertThat(hits).as("hits of %s", id).isEqualTo(want.hits);
    assertThat(errors).as("errors of %s", id).isEqualTo(want.errors);
    DDSketch all = LatencySketches.create();
    for (StatsGroup group : groups) {
      all.mergeWith(LatencySketches.decode(group.okSketch()));
      all.mergeWith(LatencySketches.decode(group.errorSketch()));
    }
    List<Long> sorted = want.durations.stream().sorted().toList();
    assertThat(all.getCount()).as("values of %s", id).isEqualTo(sorted.size());
    for (double q : QUANTILES) {
      double exact = sorted.get((int) Math.ceil(q * sorted.size()) - 1);
      assertThat(LatencySketches.quantile(all, q))
          .as("p%s of %s", q * 100, id)
          .isCloseTo(exact, within(exact * 0.01));
    }
  }

  /**
   * Web root → db child (another service) and a measured web cache span, plus an internal span;
   * {@code expectCounted} false for a chunk the concentrator must skip (client-computed stats).
   */
  private List<Span> trace(long trace, long end, boolean expectCounted) {
    double rate =
        switch (random.nextInt(4)) {
          case 0 -> 0.5;
          case 1 -> 0.25;
          default -> 1.0;
        };
    boolean post = random.nextBoolean();
    String webResource = post ? "POST /order" : "GET /menu";
    String dbResource = post ? "INSERT orders" : "SELECT menu";
    long dbDuration = latency(post ? 4e6 : 1.5e6, 0.6);
    long cacheDuration = latency(2e5, 0.3);
    long webDuration = dbDuration + cacheDuration + latency(3e6, 0.8);
    Span.Builder web =
        endingAt(topLevel(trace, 1, 0, "web", webResource), end, webDuration)
            .putMetric("_sample_rate", rate);
    Span.Builder db = endingAt(topLevel(trace, 2, 1, "db", dbResource), end - 1000, dbDuration);
    Span.Builder cache =
        endingAt(
                span(trace, 3, 1, "web", post ? "SET" : "GET"),
                end - dbDuration - 2000,
                cacheDuration)
            .putMetric("_dd.measured", 1);
    Span internal = endingAt(span(trace, 4, 1, "web", "render"), end, 10).build();
    List<Span> chunk = new ArrayList<>();
    for (Span.Builder builder : List.of(web, db, cache)) {
      boolean error = random.nextInt(100) < 7;
      Span span = builder.error(error).build();
      chunk.add(span);
      if (!expectCounted) {
        continue;
      }
      Expected e =
          expected.computeIfAbsent(span.service() + " " + span.resource(), k -> new Expected());
      e.hits += 1 / rate;
      e.errors += error ? 1 / rate : 0;
      e.durations.add(span.duration());
    }
    chunk.add(internal);
    return chunk;
  }

  private long latency(double median, double sigma) {
    return Math.max(1, Math.round(median * Math.exp(sigma * random.nextGaussian())));
  }
}

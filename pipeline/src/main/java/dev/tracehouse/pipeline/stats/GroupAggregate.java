package dev.tracehouse.pipeline.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;

/** The running totals of one stats key in one bucket; guarded by the concentrator's lock. */
final class GroupAggregate {
  private double hits;
  private double errors;
  private double topLevelHits;
  private double durationSum;
  private final DDSketch ok = LatencySketches.create();
  private final DDSketch error = LatencySketches.create();

  /** Counts one span with weight {@code weight}; its duration enters a sketch once. */
  void add(long duration, boolean isError, boolean topLevel, double weight) {
    hits += weight;
    durationSum += weight * duration;
    if (topLevel) {
      topLevelHits += weight;
    }
    if (isError) {
      errors += weight;
      error.accept(duration);
    } else {
      ok.accept(duration);
    }
  }

  /**
   * Adds a group another party (a tracer's client stats) aggregated; nothing changes when its
   * sketches do not decode.
   */
  void merge(StatsGroup group) {
    DDSketch okValues = LatencySketches.decode(group.okSketch());
    DDSketch errorValues = LatencySketches.decode(group.errorSketch());
    hits += group.hits();
    errors += group.errors();
    topLevelHits += group.topLevelHits();
    durationSum += group.durationSum();
    ok.mergeWith(okValues);
    error.mergeWith(errorValues);
  }

  StatsGroup toGroup(StatsKey key) {
    return new StatsGroup(
        key,
        hits,
        errors,
        topLevelHits,
        durationSum,
        LatencySketches.encode(ok),
        LatencySketches.encode(error));
  }
}

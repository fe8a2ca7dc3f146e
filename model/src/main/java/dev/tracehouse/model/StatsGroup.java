package dev.tracehouse.model;

import java.util.Objects;

/**
 * The aggregated stats of one {@link StatsKey} in one bucket. Counts are doubles because each span
 * counts with weight {@code 1/_sample_rate} of its chunk's root, which may be fractional (rate 0.3
 * gives 3.33...); sums of the usual power-of-two weights (1, 2, 4, ...) and of client-sent integer
 * counts are exact below 2^53. Round only for display. The sketches hold each span's duration once,
 * unweighted, as the Datadog agent does.
 *
 * @param key what the spans have in common
 * @param hits weighted number of spans
 * @param errors weighted number of error spans
 * @param topLevelHits weighted number of top-level (service entry) spans
 * @param durationSum weighted sum of durations, nanoseconds
 * @param okSketch durations of ok spans
 * @param errorSketch durations of error spans
 */
public record StatsGroup(
    StatsKey key,
    double hits,
    double errors,
    double topLevelHits,
    double durationSum,
    EncodedSketch okSketch,
    EncodedSketch errorSketch) {

  public StatsGroup {
    Objects.requireNonNull(key, "key");
    okSketch = Objects.requireNonNullElse(okSketch, EncodedSketch.EMPTY);
    errorSketch = Objects.requireNonNullElse(errorSketch, EncodedSketch.EMPTY);
  }
}

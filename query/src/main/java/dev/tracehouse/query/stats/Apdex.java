package dev.tracehouse.query.stats;

/**
 * Apdex from latency distributions ({@code spec/apm-model.md} section 4.3): a request of duration
 * {@code d} is satisfied when {@code d < T}, tolerating when {@code T ≤ d ≤ 4T}, frustrated when
 * {@code d > 4T}; {@code apdex = (satisfied + tolerating / 2) / total}. A request is classified by
 * its sketch bin's representative value, so only durations within the sketch's relative accuracy (1
 * %) of {@code T} or {@code 4T} can land on the wrong side.
 */
final class Apdex {

  private Apdex() {}

  /**
   * The score of {@code all} requests, null when there are none.
   *
   * @param errors the error requests (a subset of {@code all}); with {@code errorsAsFrustrated}
   *     they count as frustrated whatever their duration
   * @param thresholdNs T, nanoseconds
   */
  static Double score(
      Distribution all, Distribution errors, double thresholdNs, boolean errorsAsFrustrated) {
    double total = all.total();
    if (!(total > 0)) {
      return null;
    }
    double[] counts = classify(all, thresholdNs);
    if (errorsAsFrustrated) {
      double[] failed = classify(errors, thresholdNs);
      counts[0] = Math.max(0, counts[0] - failed[0]);
      counts[1] = Math.max(0, counts[1] - failed[1]);
    }
    return Math.min(1, (counts[0] + counts[1] / 2) / total);
  }

  /** Weights of the satisfied and the tolerating values. */
  private static double[] classify(Distribution values, double thresholdNs) {
    double[] counts = new double[2];
    values.forEach(
        (value, weight) -> {
          if (value < thresholdNs) {
            counts[0] += weight;
          } else if (value <= 4 * thresholdNs) {
            counts[1] += weight;
          }
        });
    return counts;
  }
}

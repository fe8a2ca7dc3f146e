package dev.tracehouse.store;

import java.util.Objects;

/**
 * A read of service-entry statistics ({@link StatsReader#entries}): the window and filters of a
 * {@link StatsQuery}, and how coarse the returned buckets may be.
 *
 * @param stats the buckets (by start) and the env/service/resource filters
 * @param alignNs every returned bucket must lie inside one interval {@code [k·alignNs,
 *     (k+1)·alignNs)} of the epoch (a time series' rollup interval); 0 when the caller adds up the
 *     whole window
 * @param byResource whether each group must keep its resource; when false a store may merge the
 *     resources of an operation into one group whose resource is {@code ""}
 */
public record EntryStatsQuery(StatsQuery stats, long alignNs, boolean byResource) {

  /**
   * @throws IllegalArgumentException naming {@code alignNs} when it is negative
   */
  public EntryStatsQuery {
    Objects.requireNonNull(stats, "stats");
    if (alignNs < 0) {
      throw new IllegalArgumentException("alignNs must not be negative, got " + alignNs);
    }
  }

  /** Whether a bucket of {@code lengthNs} starting at multiples of it may be returned. */
  public boolean allows(long lengthNs) {
    return alignNs == 0 || alignNs % lengthNs == 0;
  }
}

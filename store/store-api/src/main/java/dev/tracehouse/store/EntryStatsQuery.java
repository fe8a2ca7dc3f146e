package dev.tracehouse.store;

import java.util.Objects;

/**
 * A read of service-entry statistics ({@link StatsReader#entries}): the window and filters of a
 * {@link StatsQuery}, and how coarse the returned buckets and groups may be.
 *
 * @param stats the buckets (by start) and the env/service/resource filters
 * @param alignNs every returned bucket must lie inside one interval {@code [k·alignNs,
 *     (k+1)·alignNs)} of the epoch (a time series' rollup interval); 0 when the caller adds up the
 *     whole window
 * @param detail which key parts each group must keep; a store may merge groups that differ only in
 *     the others (leaving those {@code ""})
 */
public record EntryStatsQuery(StatsQuery stats, long alignNs, Detail detail) {

  /** The key parts the caller groups by, coarsest first. */
  public enum Detail {
    /** env and service: a store may merge a service's operations and resources. */
    SERVICE,
    /** env, service and operation name: a store may merge an operation's resources. */
    OPERATION,
    /** env, service, operation name and resource. */
    RESOURCE
  }

  /**
   * @throws IllegalArgumentException naming {@code alignNs} when it is negative
   */
  public EntryStatsQuery {
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(detail, "detail");
    if (alignNs < 0) {
      throw new IllegalArgumentException("alignNs must not be negative, got " + alignNs);
    }
  }

  /** Whether a bucket of {@code lengthNs} starting at multiples of it may be returned. */
  public boolean allows(long lengthNs) {
    return alignNs == 0 || alignNs % lengthNs == 0;
  }

  /**
   * The detail groups must keep: the query's, or {@link Detail#RESOURCE} when it filters by
   * resource.
   */
  public Detail neededDetail() {
    return stats.resource().isPresent() ? Detail.RESOURCE : detail;
  }
}

package dev.tracehouse.store;

import java.time.Duration;
import java.util.Objects;

/**
 * What a store reports about its size and retention, for {@code GET /api/agent/status}. A snapshot:
 * stores refresh it when they enforce retention, not on every call.
 *
 * @param bytesUsed bytes the store occupies as its README defines them
 * @param maxBytes the byte budget ({@link Retention#maxBytes()})
 * @param maxAge the age limit ({@link Retention#maxAge()})
 * @param spans spans stored
 * @param oldestSpanStartNs the earliest span start, nanoseconds since the epoch; 0 when empty
 * @param spansDeleted spans deleted by retention since the store was opened
 * @param statsRowsDeleted stats groups and service-map edges deleted by retention since then
 * @param retentionRuns how often retention was enforced since then
 * @param unindexedSpansExpired spans deleted since then because no retention filter indexed them
 *     (or their trace) and they outlived the live window; not part of {@code spansDeleted}
 */
public record StoreStatus(
    long bytesUsed,
    long maxBytes,
    Duration maxAge,
    long spans,
    long oldestSpanStartNs,
    long spansDeleted,
    long statsRowsDeleted,
    long retentionRuns,
    long unindexedSpansExpired) {

  public StoreStatus {
    Objects.requireNonNull(maxAge, "maxAge");
  }

  /** Figures of a store that keeps every span for its full retention. */
  public StoreStatus(
      long bytesUsed,
      long maxBytes,
      Duration maxAge,
      long spans,
      long oldestSpanStartNs,
      long spansDeleted,
      long statsRowsDeleted,
      long retentionRuns) {
    this(
        bytesUsed,
        maxBytes,
        maxAge,
        spans,
        oldestSpanStartNs,
        spansDeleted,
        statsRowsDeleted,
        retentionRuns,
        0);
  }
}

package dev.tracehouse.store;

import java.util.Objects;

/**
 * Where a page of a log search ended: the last log's timestamp and the store's write sequence
 * number for it (unique within a store).
 *
 * @param sort the order the cursor belongs to
 * @param timestamp the last log's timestamp, ns since the epoch
 * @param seq the last log's sequence number in the store
 */
public record LogCursor(LogSort sort, long timestamp, long seq) {

  public LogCursor {
    Objects.requireNonNull(sort, "sort");
  }

  /** Whether a log with {@code timestamp} and {@code seq} comes after this cursor. */
  public boolean precedes(long timestamp, long seq) {
    int c = Long.compare(timestamp, this.timestamp);
    if (c == 0) {
      c = Long.compare(seq, this.seq);
    }
    return sort.descending() ? c < 0 : c > 0;
  }

  /** The opaque text form (base64url). */
  public String encode() {
    return Cursors.encode("log" + sort.apiName(), timestamp, seq);
  }

  /**
   * Reads a cursor made by {@link #encode()} for a search in {@code sort} order.
   *
   * @throws IllegalArgumentException starting with {@code cursor:} when the text is not one
   */
  public static LogCursor decode(String text, LogSort sort) {
    long[] v = Cursors.decode(text, "log" + sort.apiName(), 2);
    return new LogCursor(sort, v[0], v[1]);
  }
}

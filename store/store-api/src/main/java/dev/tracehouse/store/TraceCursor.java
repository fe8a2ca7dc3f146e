package dev.tracehouse.store;

import dev.tracehouse.model.TraceId;
import java.util.Objects;

/**
 * Where a page of a trace search ended: the last trace's start and id. The next page holds the
 * traces strictly older in the newest-first order (start descending, then trace id descending as
 * unsigned). A trace whose start moves (an earlier span arrives late) can move across a cursor.
 *
 * @param start the last trace's start, ns since the epoch
 * @param traceId the last trace's id
 */
public record TraceCursor(long start, TraceId traceId) {

  public TraceCursor {
    Objects.requireNonNull(traceId, "traceId");
  }

  public static TraceCursor after(TraceSummary trace) {
    return new TraceCursor(trace.start(), trace.traceId());
  }

  /** Whether {@code trace} comes after this cursor, newest first. */
  public boolean precedes(TraceSummary trace) {
    int c = Long.compare(trace.start(), start);
    return c < 0 || c == 0 && trace.traceId().compareTo(traceId) < 0;
  }

  /** The opaque text form (base64url). */
  public String encode() {
    return Cursors.encode("trace", start, traceId.high(), traceId.low());
  }

  /**
   * Reads a cursor made by {@link #encode()}.
   *
   * @throws IllegalArgumentException starting with {@code cursor:} when the text is not one
   */
  public static TraceCursor decode(String text) {
    long[] v = Cursors.decode(text, "trace", 3);
    return new TraceCursor(v[0], new TraceId(v[1], v[2]));
  }
}

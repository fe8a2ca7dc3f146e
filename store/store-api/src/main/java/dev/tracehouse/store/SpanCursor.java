package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.Objects;

/**
 * Where a page of a span search ended: the sorted value and the ids of its last span. The next page
 * holds the spans strictly after it in {@link #sort()} order, so spans stored meanwhile before it
 * never shift later pages.
 *
 * @param sort the order the cursor belongs to
 * @param value the last span's sorted value (start or duration, ns)
 * @param traceId the last span's trace id
 * @param spanId the last span's id
 */
public record SpanCursor(SpanSort sort, long value, TraceId traceId, long spanId) {

  public SpanCursor {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(traceId, "traceId");
  }

  /** The cursor just after {@code span}. */
  public static SpanCursor after(SpanSort sort, Span span) {
    return new SpanCursor(sort, sort.value(span), span.traceId(), span.spanId());
  }

  /** Whether {@code span} comes after this cursor in its order. */
  public boolean precedes(Span span) {
    int c = Long.compare(sort.value(span), value);
    if (c == 0) {
      c = span.traceId().compareTo(traceId);
    }
    if (c == 0) {
      c = Long.compareUnsigned(span.spanId(), spanId);
    }
    return sort.descending() ? c < 0 : c > 0;
  }

  /** The opaque text form (base64url). */
  public String encode() {
    return Cursors.encode("span" + sort.apiName(), value, traceId.high(), traceId.low(), spanId);
  }

  /**
   * Reads a cursor made by {@link #encode()} for a search in {@code sort} order.
   *
   * @throws IllegalArgumentException starting with {@code cursor:} when the text is not such a
   *     cursor
   */
  public static SpanCursor decode(String text, SpanSort sort) {
    long[] v = Cursors.decode(text, "span" + sort.apiName(), 4);
    return new SpanCursor(sort, v[0], new TraceId(v[1], v[2]), v[3]);
  }
}

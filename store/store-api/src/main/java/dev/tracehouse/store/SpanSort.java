package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of a span search. Ties are broken by trace id (high, then low half) and span id, all
 * read as unsigned, in the same direction, so that the order is total for distinct spans.
 */
public enum SpanSort {
  TIMESTAMP_DESC("-timestamp"),
  TIMESTAMP_ASC("timestamp"),
  DURATION_DESC("-duration"),
  DURATION_ASC("duration");

  private final String apiName;

  SpanSort(String apiName) {
    this.apiName = apiName;
  }

  /** The name in the API: {@code timestamp} or {@code duration}, {@code -} first for descending. */
  public String apiName() {
    return apiName;
  }

  public boolean descending() {
    return apiName.startsWith("-");
  }

  public boolean byDuration() {
    return this == DURATION_ASC || this == DURATION_DESC;
  }

  /** The sorted value of {@code span}: its start or its duration, in ns. */
  public long value(Span span) {
    return byDuration() ? span.duration() : span.start();
  }

  /** Spans in this order. */
  public Comparator<Span> order() {
    Comparator<Span> ascending =
        Comparator.comparingLong(this::value)
            .thenComparing(s -> s.traceId().high(), Long::compareUnsigned)
            .thenComparing(s -> s.traceId().low(), Long::compareUnsigned)
            .thenComparing(Span::spanId, Long::compareUnsigned);
    return descending() ? ascending.reversed() : ascending;
  }

  /**
   * The sort named {@code name} ({@link #apiName()}).
   *
   * @throws IllegalArgumentException naming {@code sort} and the accepted values
   */
  public static SpanSort parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.apiName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "sort: expected one of timestamp, -timestamp, duration, -duration, got '"
                        + name
                        + "'"));
  }
}

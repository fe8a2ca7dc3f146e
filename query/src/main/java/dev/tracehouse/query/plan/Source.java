package dev.tracehouse.query.plan;

/**
 * Values of an event that a check looks at: zero, one or several strings or numbers. A source of
 * case-insensitive values is compared lower-cased on both sides.
 */
public sealed interface Source {

  /** Whether values (and the query's literals) are compared lower-cased. */
  default boolean caseInsensitive() {
    return false;
  }

  /**
   * A string column of the logical schema; {@code ''} counts as no value.
   *
   * @param column the column name (a constant, never user input)
   */
  record Column(String column, boolean caseInsensitive) implements Source {}

  /** Spans: {@code error} or {@code ok}. */
  record SpanStatus() implements Source {
    @Override
    public boolean caseInsensitive() {
      return true;
    }
  }

  /** Spans: the meta (string tag) {@code key}. */
  record Meta(String key, boolean caseInsensitive) implements Source {}

  /** Spans: the metric {@code key} (a number; NaN and infinities exist but compare to nothing). */
  record Metric(String key) implements Source {}

  /** Spans: the duration in ns (a number). */
  record Duration() implements Source {}

  /** Logs: the values of tags {@code key:value}, several when the key repeats. */
  record TagValues(String key) implements Source {
    @Override
    public boolean caseInsensitive() {
      return true;
    }
  }

  /** Logs: the raw tag strings. */
  record RawTags() implements Source {
    @Override
    public boolean caseInsensitive() {
      return true;
    }
  }

  /** Logs: string (and boolean) values of the flattened attribute {@code path}. */
  record AttrStrings(String path) implements Source {}

  /** Logs: numeric values of the flattened attribute {@code path}. */
  record AttrNumbers(String path) implements Source {}

  /** Logs: values of the attribute {@code path} that are IP addresses, normalized. */
  record AttrIps(String path) implements Source {}

  /** Logs: every string value of every attribute (full-text search). */
  record AllAttrStrings() implements Source {}
}

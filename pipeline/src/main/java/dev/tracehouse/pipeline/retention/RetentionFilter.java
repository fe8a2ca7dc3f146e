package dev.tracehouse.pipeline.retention;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.store.EventFilter;
import java.util.Objects;

/**
 * One retention filter ({@code spec/apm-model.md} section 9): the spans in {@code scope} that match
 * {@code query} are indexed at {@code ratePercent}, decided by the trace id, so all spans of a
 * trace that one filter decides get the same answer.
 *
 * @param name unique label, shown on the status page and recorded on every span it indexes
 * @param query span search query ({@code spec/search-syntax.md})
 * @param ratePercent share of matching spans indexed, 0 to 100
 * @param scope which spans the filter looks at
 * @param enabled whether the filter takes part at all
 * @param matcher the parsed query
 */
public record RetentionFilter(
    String name,
    String query,
    double ratePercent,
    FilterScope scope,
    boolean enabled,
    EventFilter<Span> matcher) {

  public RetentionFilter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(matcher, "matcher");
    if (!(ratePercent >= 0 && ratePercent <= 100)) {
      throw new IllegalArgumentException("ratePercent must be from 0 to 100, got " + ratePercent);
    }
  }

  /**
   * A filter with its query parsed.
   *
   * @throws dev.tracehouse.query.lang.QueryParseException when the query is not a valid span query
   */
  public static RetentionFilter of(
      String name, String query, double ratePercent, FilterScope scope, boolean enabled) {
    return new RetentionFilter(
        name, query, ratePercent, scope, enabled, SearchFilters.spans(query));
  }

  /** Whether this filter decides {@code span}: enabled, in scope, and the query matches. */
  boolean decides(Span span) {
    return enabled && scope.contains(span) && matcher.test(span);
  }
}

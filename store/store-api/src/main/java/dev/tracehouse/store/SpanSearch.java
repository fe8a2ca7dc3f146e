package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * A span search: the spans that pass {@code filter} and start in {@code [fromNs, toNs)}, in {@code
 * sort} order, after {@code after} when present, at most {@code limit} of them.
 *
 * @param filter which spans pass
 * @param fromNs only spans starting at or after this time (ns since the epoch)
 * @param toNs only spans starting before this time
 * @param sort the order
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 * @param after where the previous page ended; its sort must be {@code sort}
 */
public record SpanSearch(
    EventFilter<Span> filter,
    long fromNs,
    long toNs,
    SpanSort sort,
    int limit,
    Optional<SpanCursor> after) {

  public static final int MAX_LIMIT = SearchLimits.MAX_LIMIT;

  public SpanSearch {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    after = Objects.requireNonNullElse(after, Optional.empty());
    SearchLimits.check(limit, fromNs, toNs);
    if (after.isPresent() && after.get().sort() != sort) {
      throw new IllegalArgumentException(
          "cursor: made for sort " + after.get().sort().apiName() + ", not " + sort.apiName());
    }
  }

  /** The newest 50 spans of the window that pass {@code filter}. */
  public static SpanSearch of(EventFilter<Span> filter, long fromNs, long toNs) {
    return new SpanSearch(filter, fromNs, toNs, SpanSort.TIMESTAMP_DESC, 50, Optional.empty());
  }

  public SpanSearch withSort(SpanSort sort) {
    return new SpanSearch(filter, fromNs, toNs, sort, limit, Optional.empty());
  }

  public SpanSearch withLimit(int limit) {
    return new SpanSearch(filter, fromNs, toNs, sort, limit, after);
  }

  /** The next page: the spans after {@code cursor}. */
  public SpanSearch after(SpanCursor cursor) {
    return new SpanSearch(filter, fromNs, toNs, sort, limit, Optional.of(cursor));
  }

  /** Whether {@code span} passes the window, the cursor and the filter. */
  public boolean matches(Span span) {
    return span.start() >= fromNs
        && span.start() < toNs
        && after.map(c -> c.precedes(span)).orElse(true)
        && filter.test(span);
  }
}

package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace search: the traces with at least one span that is in {@code scope}, starts in {@code
 * [fromNs, toNs)} and passes {@code filter}, newest first (trace start descending, then trace id
 * descending as unsigned), after {@code after} when present, at most {@code limit} of them.
 *
 * @param filter which spans make a trace match
 * @param fromNs only spans starting at or after this time (ns since the epoch) make a trace match
 * @param toNs only spans starting before this time make a trace match
 * @param scope which spans may make a trace match
 * @param limit the page size, 1 to {@link SpanSearch#MAX_LIMIT}
 * @param after where the previous page ended
 */
public record TraceSearch(
    EventFilter<Span> filter,
    long fromNs,
    long toNs,
    TraceScope scope,
    int limit,
    Optional<TraceCursor> after) {

  public TraceSearch {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(scope, "scope");
    after = Objects.requireNonNullElse(after, Optional.empty());
    SearchLimits.check(limit, fromNs, toNs);
  }

  /** The newest 50 traces with a span of the window that passes {@code filter}. */
  public static TraceSearch of(EventFilter<Span> filter, long fromNs, long toNs) {
    return new TraceSearch(filter, fromNs, toNs, TraceScope.ALL, 50, Optional.empty());
  }

  public TraceSearch withScope(TraceScope scope) {
    return new TraceSearch(filter, fromNs, toNs, scope, limit, after);
  }

  public TraceSearch withLimit(int limit) {
    return new TraceSearch(filter, fromNs, toNs, scope, limit, after);
  }

  /** The next page: the traces after {@code cursor}. */
  public TraceSearch after(TraceCursor cursor) {
    return new TraceSearch(filter, fromNs, toNs, scope, limit, Optional.of(cursor));
  }

  /** Whether {@code span} can make its trace match: window, scope and filter. */
  public boolean matches(Span span) {
    return span.start() >= fromNs
        && span.start() < toNs
        && scope.includes(span)
        && filter.test(span);
  }
}

package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.Optional;

/**
 * A trace search by service and time, kept for its existing callers; {@link TraceSearch} adds the
 * search language, scopes and cursors.
 *
 * @param service only traces with a span of this service; empty for any
 * @param fromNs only traces with a span starting at or after this time (ns since epoch); 0 for no
 *     lower bound
 * @param toNs only traces with a span starting before this time; {@link Long#MAX_VALUE} for no
 *     upper bound
 * @param limit at most this many traces, 1 to {@link #MAX_LIMIT}
 */
public record TraceQuery(Optional<String> service, long fromNs, long toNs, int limit) {

  public static final int MAX_LIMIT = 1000;

  public TraceQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (fromNs > toNs) {
      throw new IllegalArgumentException("from (" + fromNs + ") is after to (" + toNs + ")");
    }
    service = service.filter(s -> !s.isEmpty());
  }

  /** The newest {@code limit} traces of any service. */
  public static TraceQuery latest(int limit) {
    return new TraceQuery(Optional.empty(), 0, Long.MAX_VALUE, limit);
  }

  public TraceQuery withService(String service) {
    return new TraceQuery(Optional.ofNullable(service), fromNs, toNs, limit);
  }

  /** The same question as a {@link TraceSearch} (first page, any span). */
  public TraceSearch toSearch() {
    EventFilter<Span> filter =
        service.<EventFilter<Span>>map(ServiceFilter::new).orElse(EventFilter.all());
    return new TraceSearch(filter, fromNs, toNs, TraceScope.ALL, limit, Optional.empty());
  }
}

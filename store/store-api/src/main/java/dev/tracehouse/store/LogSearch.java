package dev.tracehouse.store;

import dev.tracehouse.model.LogEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A log search: the logs that pass {@code filter} with a timestamp in {@code [fromNs, toNs)}, in
 * {@code sort} order, after {@code after} when present, at most {@code limit} of them.
 *
 * @param filter which logs pass
 * @param fromNs only logs at or after this time (ns since the epoch)
 * @param toNs only logs before this time
 * @param sort the order
 * @param limit the page size, 1 to {@link SpanSearch#MAX_LIMIT}
 * @param after where the previous page ended; its sort must be {@code sort}
 */
public record LogSearch(
    EventFilter<LogEvent> filter,
    long fromNs,
    long toNs,
    LogSort sort,
    int limit,
    Optional<LogCursor> after) {

  public LogSearch {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    after = Objects.requireNonNullElse(after, Optional.empty());
    SearchLimits.check(limit, fromNs, toNs);
    if (after.isPresent() && after.get().sort() != sort) {
      throw new IllegalArgumentException(
          "cursor: made for sort " + after.get().sort().apiName() + ", not " + sort.apiName());
    }
  }

  /** The newest 50 logs of the window that pass {@code filter}. */
  public static LogSearch of(EventFilter<LogEvent> filter, long fromNs, long toNs) {
    return new LogSearch(filter, fromNs, toNs, LogSort.TIMESTAMP_DESC, 50, Optional.empty());
  }

  public LogSearch withSort(LogSort sort) {
    return new LogSearch(filter, fromNs, toNs, sort, limit, Optional.empty());
  }

  public LogSearch withLimit(int limit) {
    return new LogSearch(filter, fromNs, toNs, sort, limit, after);
  }

  /** The next page: the logs after {@code cursor}. */
  public LogSearch after(LogCursor cursor) {
    return new LogSearch(filter, fromNs, toNs, sort, limit, Optional.of(cursor));
  }

  /** Whether a log with write sequence {@code seq} passes the window, the cursor and the filter. */
  public boolean matches(LogEvent log, long seq) {
    return log.timestamp() >= fromNs
        && log.timestamp() < toNs
        && after.map(c -> c.precedes(log.timestamp(), seq)).orElse(true)
        && filter.test(log);
  }
}

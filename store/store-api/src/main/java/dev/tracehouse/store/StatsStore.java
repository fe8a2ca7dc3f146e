package dev.tracehouse.store;

/**
 * Where a {@link SpanStore} keeps APM stats buckets and service-map edges, reached through {@link
 * SpanStore#stats()}. Like the span store it hands out a writer (for the stats flusher) and a
 * reader (for the query layer) separately; it has no lifecycle of its own.
 */
public interface StatsStore {

  StatsWriter writer();

  StatsReader reader();
}

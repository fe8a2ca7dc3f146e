package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.StatsReader;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StatsWriter;

/**
 * The stats part of {@link DuckDbSpanStore}: tables {@code stats_groups} and {@code service_edges}
 * in the same file, closed with it.
 */
record DuckDbStatsStore(StatsWriter writer, StatsReader reader) implements StatsStore {}

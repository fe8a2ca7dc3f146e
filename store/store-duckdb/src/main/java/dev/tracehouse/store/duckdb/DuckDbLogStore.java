package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.LogReader;
import dev.tracehouse.store.LogStore;
import dev.tracehouse.store.LogWriter;

/** The log part of {@link DuckDbSpanStore}: table {@code logs} in the same file, closed with it. */
record DuckDbLogStore(LogWriter writer, LogReader reader) implements LogStore {}

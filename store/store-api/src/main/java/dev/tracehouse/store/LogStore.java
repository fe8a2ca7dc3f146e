package dev.tracehouse.store;

/**
 * Where a {@link SpanStore} keeps log events, reached through {@link SpanStore#logs()}; it shares
 * the span store's lifecycle and hands out a writer and a reader separately.
 */
public interface LogStore {

  LogWriter writer();

  LogReader reader();
}

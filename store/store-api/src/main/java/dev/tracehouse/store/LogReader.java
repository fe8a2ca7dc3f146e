package dev.tracehouse.store;

/**
 * Searches stored logs. Results are copies the caller owns; a search the store cannot serve throws
 * {@link UnsupportedQueryException}. Logs with equal timestamps come in write order (ascending
 * sort) or reverse write order (descending).
 */
public interface LogReader {

  /** One page of the logs matching {@code search}, with the cursor of the next page if any. */
  LogPage search(LogSearch search);
}

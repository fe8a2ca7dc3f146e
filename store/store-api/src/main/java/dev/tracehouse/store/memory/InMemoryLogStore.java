package dev.tracehouse.store.memory;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.store.LogCursor;
import dev.tracehouse.store.LogPage;
import dev.tracehouse.store.LogReader;
import dev.tracehouse.store.LogSearch;
import dev.tracehouse.store.LogStore;
import dev.tracehouse.store.LogWriter;
import dev.tracehouse.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The log part of {@link InMemorySpanStore}: thread-safe, writes visible at once, at most a fixed
 * number of logs (a write that does not fit is refused whole, over capacity). Searches scan every
 * log.
 */
final class InMemoryLogStore implements LogStore, LogWriter, LogReader {

  /** A stored log and its write sequence number. */
  private record Entry(LogEvent log, long seq) {}

  private static final Comparator<Entry> OLDEST_FIRST =
      Comparator.comparingLong((Entry e) -> e.log().timestamp()).thenComparingLong(Entry::seq);

  private final int maxLogs;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<Entry> entries = new ArrayList<>();
  private boolean closed;

  InMemoryLogStore(int maxLogs) {
    this.maxLogs = maxLogs;
  }

  @Override
  public LogWriter writer() {
    return this;
  }

  @Override
  public LogReader reader() {
    return this;
  }

  @Override
  public void write(List<LogEvent> logs) {
    Objects.requireNonNull(logs, "logs");
    for (int i = 0; i < logs.size(); i++) {
      Objects.requireNonNull(logs.get(i), "logs[" + i + "]");
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      if (logs.size() > maxLogs - entries.size()) {
        throw StoreException.overCapacity(
            "in-memory store is full: holds "
                + entries.size()
                + " of at most "
                + maxLogs
                + " logs, cannot take "
                + logs.size()
                + " more");
      }
      for (LogEvent log : logs) {
        entries.add(new Entry(log, entries.size() + 1L));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public LogPage search(LogSearch search) {
    Objects.requireNonNull(search, "search");
    lock.readLock().lock();
    try {
      ensureOpen();
      List<Entry> found = new ArrayList<>();
      for (Entry e : entries) {
        if (search.matches(e.log(), e.seq())) {
          found.add(e);
        }
      }
      found.sort(search.sort().descending() ? OLDEST_FIRST.reversed() : OLDEST_FIRST);
      return Pages.first(
          found,
          search.limit(),
          e -> new LogCursor(search.sort(), e.log().timestamp(), e.seq()),
          (list, next) -> new LogPage(list.stream().map(Entry::log).toList(), next));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Drops every log; later calls throw {@link StoreException}. */
  void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      entries.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("in-memory store is closed", null);
    }
  }
}

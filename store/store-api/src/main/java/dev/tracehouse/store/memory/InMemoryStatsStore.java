package dev.tracehouse.store.memory;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsReader;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StatsWriter;
import dev.tracehouse.store.StoreException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The stats part of {@link InMemorySpanStore}: thread-safe, writes visible at once, at most a fixed
 * number of rows (stats groups plus service-map edges); a write that does not fit is refused whole
 * with an over-capacity {@link StoreException}.
 */
final class InMemoryStatsStore implements StatsStore, StatsWriter, StatsReader {

  private final int maxRows;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final BucketedRows<StatsGroup> groups = new BucketedRows<>();
  private final BucketedRows<ServiceEdge> edges = new BucketedRows<>();
  private boolean closed;

  InMemoryStatsStore(int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxStatsRows must be positive, got " + maxRows);
    }
    this.maxRows = maxRows;
  }

  @Override
  public StatsWriter writer() {
    return this;
  }

  @Override
  public StatsReader reader() {
    return this;
  }

  @Override
  public void write(List<StatsBucket> buckets) {
    long rows = checkedRows(buckets, b -> b.groups().size());
    write(rows, () -> buckets.forEach(b -> groups.add(b.start(), b.duration(), b.groups())));
  }

  @Override
  public void writeServiceMap(List<ServiceMapBucket> buckets) {
    long rows = checkedRows(buckets, b -> b.edges().size());
    write(rows, () -> buckets.forEach(b -> edges.add(b.start(), b.duration(), b.edges())));
  }

  @Override
  public List<StatsBucket> buckets(StatsQuery query) {
    Objects.requireNonNull(query, "query");
    return read(
        () ->
            groups.read(
                query.fromNs(), query.toNs(), g -> query.matches(g.key()), StatsBucket::new));
  }

  @Override
  public List<ServiceMapBucket> serviceMap(ServiceMapQuery query) {
    Objects.requireNonNull(query, "query");
    return read(
        () -> edges.read(query.fromNs(), query.toNs(), query::matches, ServiceMapBucket::new));
  }

  /** Drops everything; later calls throw {@link StoreException}. */
  void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      groups.clear();
      edges.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private interface RowCount<B> {
    int of(B bucket);
  }

  private static <B> long checkedRows(List<B> buckets, RowCount<B> rows) {
    Objects.requireNonNull(buckets, "buckets");
    long total = 0;
    for (int i = 0; i < buckets.size(); i++) {
      total += rows.of(Objects.requireNonNull(buckets.get(i), "buckets[" + i + "]"));
    }
    return total;
  }

  private void write(long rows, Runnable store) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      long held = (long) groups.size() + edges.size();
      if (rows > maxRows - held) {
        throw StoreException.overCapacity(
            "in-memory store is full: holds "
                + held
                + " of at most "
                + maxRows
                + " stats rows (groups and edges), cannot take "
                + rows
                + " more");
      }
      store.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("in-memory store is closed", null);
    }
  }
}

package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.Capabilities;
import dev.tracehouse.store.Capabilities.Capability;
import dev.tracehouse.store.Health;
import dev.tracehouse.store.LogStore;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;

/**
 * The embedded default store: one DuckDB file, spans written by one background thread through the
 * Appender, stats and logs written synchronously ({@link TransactionalAppends}), everything read on
 * per-call duplicate connections. Only one process may open the file.
 *
 * <p>Reads run concurrently with each other and with appends, but not with a commit: commits take
 * the write side of a fair read-write lock and reads its read side. Together with {@link
 * Schema#primeIfEmpty} this guards against a DuckDB 1.4.4 race that hands garbage strings to reads
 * (RATIONALE.md).
 */
public final class DuckDbSpanStore implements SpanStore {

  private final DuckDbOptions options;
  private final DuckDBConnection root;
  private final DuckDbWriter writer;
  private final DuckDbSpanReader reader;
  private final DuckDbStatsStore stats;
  private final DuckDbLogStore logs;
  private final ReadWriteLock commits = new ReentrantReadWriteLock(true);
  private boolean closed;

  private DuckDbSpanStore(DuckDbOptions options, DuckDBConnection root, ThreadFactory threads)
      throws SQLException {
    this.options = options;
    this.root = root;
    this.writer = new DuckDbWriter(root.duplicate(), options, commits.writeLock(), threads);
    LockedConnections reads = new LockedConnections(this::duplicate, commits.readLock());
    this.reader = new DuckDbSpanReader(reads);
    TransactionalAppends appends =
        new TransactionalAppends(new LockedConnections(this::duplicate, commits.writeLock()));
    this.stats = new DuckDbStatsStore(new DuckDbStatsWriter(appends), new DuckDbStatsReader(reads));
    this.logs = new DuckDbLogStore(new DuckDbLogWriter(appends), new DuckDbLogReader(reads));
  }

  /** Opens (creating if needed) the store file of {@code options}. */
  static DuckDbSpanStore open(DuckDbOptions options) {
    return open(options, Executors.defaultThreadFactory());
  }

  /**
   * Opens the store, running its writer on a thread from {@code threads}.
   *
   * @throws StoreException naming the path when the file cannot be created or opened, in particular
   *     when another process holds its lock
   */
  static DuckDbSpanStore open(DuckDbOptions options, ThreadFactory threads) {
    Path path = options.path().toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the directory of DuckDB store " + path, e);
    }
    DuckDBConnection root;
    try {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path);
    } catch (SQLException e) {
      throw openFailed(path, e);
    }
    try {
      try (Statement st = root.createStatement()) {
        Schema.create(st);
      }
      return new DuckDbSpanStore(options, root, threads);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(root, e);
      throw e instanceof SQLException sql ? openFailed(path, sql) : (RuntimeException) e;
    }
  }

  private static StoreException openFailed(Path path, SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
      return new StoreException(
          "cannot open DuckDB store "
              + path
              + ": another process holds its lock (only one process may open the file; stop"
              + " it or point store.duckdb.path elsewhere)",
          e);
    }
    return new StoreException("cannot open DuckDB store " + path + ": " + message, e);
  }

  @Override
  public SpanWriter writer() {
    return writer;
  }

  @Override
  public SpanReader reader() {
    return reader;
  }

  @Override
  public Optional<StatsStore> stats() {
    return Optional.of(stats);
  }

  @Override
  public Optional<LogStore> logs() {
    return Optional.of(logs);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(Capability.DURABLE, Capability.STATS, Capability.LOGS);
  }

  @Override
  public Health check() {
    synchronized (this) {
      if (closed) {
        return Health.failing("DuckDB store " + options.path() + " is closed");
      }
    }
    String failure = writer.failure();
    return failure == null ? Health.OK : Health.failing(failure);
  }

  /** Commits every accepted span, stops the writer and closes the file. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    writer.close();
    closeQuietly(root, null);
  }

  private synchronized Connection duplicate() throws SQLException {
    if (closed) {
      throw new StoreException("DuckDB store " + options.path() + " is closed", null);
    }
    return root.duplicate();
  }

  private static void closeQuietly(Connection c, Exception primary) {
    try {
      c.close();
    } catch (SQLException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }
}

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
import dev.tracehouse.store.StoreStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
 * <p>The file is attached to an in-memory database as {@value #CATALOG} with DuckDB's v1.4 storage
 * format (the default, v0.10.2, lacks ZSTD for strings) and {@value #ROW_GROUP_SIZE}-row row groups
 * (a commit of at least one row group skips the WAL), see RATIONALE.md; every connection starts
 * with {@code USE} {@value #CATALOG}, so SQL names tables without a catalog.
 *
 * <p>Reads run concurrently with each other and with appends, but not with a commit: commits take
 * the write side of a fair read-write lock and reads its read side. Together with {@link
 * Schema#primeIfEmpty} this guards against a DuckDB 1.4.4 race that hands garbage strings to reads
 * (RATIONALE.md).
 */
public final class DuckDbSpanStore implements SpanStore {

  /** Rows per row group of the store's tables, and the writer's commit size under load. */
  static final int ROW_GROUP_SIZE = 32_768;

  /** The name the store file is attached under. */
  static final String CATALOG = "store";

  private static final String STORAGE_VERSION = "v1.4.0";

  private final DuckDbOptions options;
  private final DuckDBConnection root;
  private final DuckDbWriter writer;
  private final DuckDbSpanReader reader;
  private final DuckDbStatsStore stats;
  private final DuckDbLogStore logs;
  private final ReadWriteLock commits = new ReentrantReadWriteLock(true);
  private boolean closed;

  private DuckDbSpanStore(
      DuckDbOptions options, DuckDBConnection root, Clock clock, ThreadFactory threads)
      throws SQLException {
    this.options = options;
    this.root = root;
    IngestClock ingestClock = new IngestClock(clock);
    this.writer =
        new DuckDbWriter(
            (DuckDBConnection) duplicate(), options, commits.writeLock(), ingestClock, threads);
    LockedConnections reads = new LockedConnections(this::duplicate, commits.readLock());
    this.reader = new DuckDbSpanReader(reads);
    TransactionalAppends appends =
        new TransactionalAppends(new LockedConnections(this::duplicate, commits.writeLock()));
    this.stats =
        new DuckDbStatsStore(
            new DuckDbStatsWriter(appends, ingestClock), new DuckDbStatsReader(reads));
    this.logs = new DuckDbLogStore(new DuckDbLogWriter(appends), new DuckDbLogReader(reads));
  }

  /** Opens (creating if needed) the store file of {@code options}. */
  static DuckDbSpanStore open(DuckDbOptions options) {
    return open(options, Clock.systemUTC(), Executors.defaultThreadFactory());
  }

  /**
   * Opens the store, stamping accepted spans with {@code clock} and running its writer on a thread
   * from {@code threads}.
   *
   * @throws StoreException naming the path when the file cannot be created or opened, in particular
   *     when another process holds its lock
   */
  static DuckDbSpanStore open(DuckDbOptions options, Clock clock, ThreadFactory threads) {
    Path path = options.path().toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the directory of DuckDB store " + path, e);
    }
    DuckDBConnection root;
    try {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw openFailed(path, e);
    }
    try {
      try (Statement st = root.createStatement()) {
        st.execute(attach(path));
        st.execute("USE " + CATALOG);
        Schema.create(st);
      }
      return new DuckDbSpanStore(options, root, clock, threads);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(root, e);
      throw e instanceof SQLException sql ? openFailed(path, sql) : (RuntimeException) e;
    }
  }

  private static String attach(Path path) {
    return "ATTACH '"
        + path.toString().replace("'", "''")
        + "' AS "
        + CATALOG
        + " (STORAGE_VERSION '"
        + STORAGE_VERSION
        + "', ROW_GROUP_SIZE "
        + ROW_GROUP_SIZE
        + ")";
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
  public Optional<StoreStatus> status() {
    return Optional.of(writer.status());
  }

  /** Commits every accepted span, then enforces retention now and waits for it. */
  void enforceRetention() {
    writer.enforceRetention();
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

  /** A new connection to the store, its catalog in use. */
  private synchronized Connection duplicate() throws SQLException {
    if (closed) {
      throw new StoreException("DuckDB store " + options.path() + " is closed", null);
    }
    Connection c = root.duplicate();
    try (Statement st = c.createStatement()) {
      st.execute("USE " + CATALOG);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
    return c;
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

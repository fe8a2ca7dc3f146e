package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.StoreStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duckdb.DuckDBConnection;

/**
 * Accepts spans on a bounded queue, encoded as rows on the caller's thread ({@link SpanRows}); one
 * thread appends them in a transaction and commits at least once per flush interval, and also as
 * soon as a full row group ({@link DuckDbSpanStore#ROW_GROUP_SIZE} rows) is pending, which DuckDB
 * then writes straight to the file without the WAL. A span is acknowledged (visible and durable)
 * once its transaction commits. Queue permits are returned at commit, so the capacity bounds every
 * accepted span not yet in the database. The same thread enforces retention every retention
 * interval.
 */
final class DuckDbWriter implements SpanWriter {

  private static final Logger LOG = Logger.getLogger(DuckDbWriter.class.getName());

  private sealed interface Task permits Batch, Flush, Retain, Stop {}

  /** Spans accepted together, already encoded as rows by the accepting thread. */
  private record Batch(SpanRows rows) implements Task {}

  private record Flush(CompletableFuture<Void> done) implements Task {}

  private record Retain(CompletableFuture<Void> done) implements Task {}

  private record Stop() implements Task {}

  private final DuckDBConnection connection;
  private final DuckDbOptions options;
  private final Lock commits;
  private final IngestClock clock;
  private final DuckDbRetention retention;
  private final LinkedBlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
  private final Semaphore capacity;
  private final Thread thread;
  private boolean closed;
  private boolean stopped;
  private volatile String failure;
  private volatile StoreStatus status;

  /**
   * Starts the writer thread on {@code connection}, which this writer owns and closes; each commit
   * and each retention run holds {@code commits}; {@code clock} stamps accepted spans.
   */
  DuckDbWriter(
      DuckDBConnection connection,
      DuckDbOptions options,
      Lock commits,
      IngestClock clock,
      ThreadFactory threads)
      throws SQLException {
    this.connection = connection;
    this.options = options;
    this.commits = commits;
    this.clock = clock;
    this.retention = new DuckDbRetention(options.retention(), options.path());
    try {
      this.status = retention.status(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    this.capacity = new Semaphore(options.queueCapacity());
    this.thread = threads.newThread(this::run);
    thread.setName("tracehouse-duckdb-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void write(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    for (int i = 0; i < spans.size(); i++) {
      Objects.requireNonNull(spans.get(i), "spans[" + i + "]");
    }
    if (spans.isEmpty()) {
      enqueue(null);
      return;
    }
    if (!capacity.tryAcquire(spans.size())) {
      throw StoreException.overCapacity(
          "DuckDB write queue is full: "
              + (options.queueCapacity() - capacity.availablePermits())
              + " of "
              + options.queueCapacity()
              + " spans wait for the writer (store.duckdb.queue-capacity), cannot take "
              + spans.size()
              + " more");
    }
    try {
      enqueue(new Batch(SpanRows.encode(spans, clock.nowNanos())));
    } catch (RuntimeException e) {
      capacity.release(spans.size());
      throw e;
    }
  }

  @Override
  public int remainingCapacity() {
    return capacity.availablePermits();
  }

  @Override
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Flush(done));
    await(done);
  }

  /** Commits what was accepted, enforces retention now and waits for it. */
  void enforceRetention() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Retain(done));
    await(done);
  }

  /** The figures of the last retention run (or of opening the store). */
  StoreStatus status() {
    return status;
  }

  /**
   * Why the last commit or retention run failed, or why the writer stopped; null when all is well.
   */
  String failure() {
    return failure;
  }

  /** Commits what was accepted, stops the thread and closes the connection. */
  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      tasks.add(new Stop());
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CompletableFuture<Void> done) {
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the DuckDB writer", e);
    } catch (ExecutionException e) {
      throw new StoreException("DuckDB writer failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Adds {@code task} (or only checks that the writer is open, for null). */
  private synchronized void enqueue(Task task) {
    if (closed) {
      throw new StoreException("DuckDB store " + options.path() + " is closed", null);
    }
    if (stopped) {
      throw new StoreException(failure, null);
    }
    if (task != null) {
      tasks.add(task);
    }
  }

  private void run() {
    Throwable cause = null;
    try (SpanAppendTransaction transaction = new SpanAppendTransaction(connection, commits)) {
      new Loop(transaction).run();
    } catch (SQLException | InterruptedException | RuntimeException e) {
      cause = e;
      failure = "DuckDB writer stopped: " + e;
      LOG.log(Level.SEVERE, "DuckDB writer stopped; it accepts no more spans", e);
    } finally {
      stop(cause);
    }
  }

  /** Refuses further tasks, fails the flushes still queued and closes the connection. */
  private void stop(Throwable cause) {
    synchronized (this) {
      stopped = true;
    }
    StoreException stoppedError = new StoreException("DuckDB writer has stopped", cause);
    for (Task task : tasks) {
      if (task instanceof Flush flush) {
        flush.done().completeExceptionally(stoppedError);
      } else if (task instanceof Retain retain) {
        retain.done().completeExceptionally(stoppedError);
      }
    }
    tasks.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing the DuckDB writer connection failed", e);
    }
  }

  /** The writer thread's state: when to commit, when to enforce retention. */
  private final class Loop {
    private final SpanAppendTransaction transaction;
    private final long retentionNanos = options.retentionInterval().toNanos();
    private long commitBy;
    private long retainAt = System.nanoTime();
    private Exception lastError;

    Loop(SpanAppendTransaction transaction) {
      this.transaction = transaction;
    }

    void run() throws InterruptedException {
      while (true) {
        if (System.nanoTime() - retainAt >= 0) {
          retain();
        }
        Task task = tasks.poll(nextWakeUp() - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (task instanceof Batch batch) {
          append(batch);
        } else if (task instanceof Flush flush) {
          commit();
          complete(flush.done());
        } else if (task instanceof Retain retain) {
          Exception error = retain();
          if (error == null) {
            retain.done().complete(null);
          } else {
            retain.done().completeExceptionally(error);
          }
        } else if (task instanceof Stop) {
          commit();
          return;
        }
        if (transaction.rows() > 0 && System.nanoTime() - commitBy >= 0) {
          commit();
        }
      }
    }

    private long nextWakeUp() {
      return transaction.rows() > 0 && commitBy - retainAt < 0 ? commitBy : retainAt;
    }

    private void append(Batch batch) {
      if (transaction.rows() == 0) {
        commitBy = System.nanoTime() + options.flushInterval().toNanos();
      }
      SpanRows rows = batch.rows();
      for (int i = 0; i < rows.size(); i++) {
        try {
          transaction.append(rows, i);
        } catch (SQLException e) {
          int lost = transaction.rows() + rows.size() - i;
          transaction.rollback(e);
          capacity.release(lost);
          lastError = record(e, "DuckDB write failed, " + lost + " spans lost");
          return;
        }
        if (transaction.rows() == DuckDbSpanStore.ROW_GROUP_SIZE) {
          commit();
          commitBy = System.nanoTime() + options.flushInterval().toNanos();
        }
      }
    }

    private void commit() {
      int rows = transaction.rows();
      if (rows == 0) {
        return;
      }
      try {
        transaction.commit();
        failure = null;
      } catch (SQLException e) {
        lastError = record(e, "DuckDB commit failed, " + rows + " spans lost");
      } finally {
        capacity.release(rows);
      }
    }

    /**
     * Commits, then enforces retention; a failure is shown by the health check, retried next
     * interval, and returned.
     */
    private Exception retain() {
      commit();
      retainAt = System.nanoTime() + retentionNanos;
      commits.lock();
      try {
        status = retention.enforce(connection, clock.nowNanos());
        return null;
      } catch (SQLException | RuntimeException e) {
        return record(e, "DuckDB retention failed");
      } finally {
        commits.unlock();
      }
    }

    private Exception record(Exception e, String what) {
      failure = what + ": " + e.getMessage();
      LOG.log(Level.WARNING, what, e);
      return e;
    }

    private void complete(CompletableFuture<Void> done) {
      if (lastError == null) {
        done.complete(null);
      } else {
        done.completeExceptionally(lastError);
        lastError = null;
      }
    }
  }
}

package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StoreException;
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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Accepts spans on a bounded queue; one thread appends them with DuckDB's Appender and commits at
 * least once per flush interval. Queue permits are returned when the spans are committed, so the
 * capacity bounds every accepted span that is not yet in the database.
 */
final class DuckDbWriter implements SpanWriter {

  private static final Logger LOG = Logger.getLogger(DuckDbWriter.class.getName());

  private sealed interface Task permits Batch, Flush, Stop {}

  private record Batch(List<Span> spans) implements Task {}

  private record Flush(CompletableFuture<Void> done) implements Task {}

  private record Stop() implements Task {}

  private final DuckDBConnection connection;
  private final DuckDbOptions options;
  private final LinkedBlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
  private final Semaphore capacity;
  private final Lock commits;
  private final Thread thread;
  private boolean closed;
  private boolean stopped;
  private volatile String failure;

  /**
   * Starts the writer thread on {@code connection}, which this writer owns and closes; each commit
   * holds {@code commits}.
   */
  DuckDbWriter(
      DuckDBConnection connection, DuckDbOptions options, Lock commits, ThreadFactory threads) {
    this.connection = connection;
    this.options = options;
    this.commits = commits;
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
      enqueue(new Batch(List.copyOf(spans)));
    } catch (StoreException e) {
      capacity.release(spans.size());
      throw e;
    }
  }

  @Override
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Flush(done));
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the DuckDB writer", e);
    } catch (ExecutionException e) {
      throw new StoreException("DuckDB writer failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Why the last commit failed, or why the writer stopped; null when all is well. */
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
    try (DuckDBAppender appender =
        connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SpanTable.NAME)) {
      new Loop(appender).run();
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
      }
    }
    tasks.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing the DuckDB writer connection failed", e);
    }
  }

  /** The writer thread's state: spans appended but not yet committed. */
  private final class Loop {
    private final DuckDBAppender appender;
    private int uncommitted;
    private long deadline;
    private SQLException lastError;

    Loop(DuckDBAppender appender) {
      this.appender = appender;
    }

    void run() throws InterruptedException {
      while (true) {
        Task task =
            uncommitted == 0
                ? tasks.take()
                : tasks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (task instanceof Batch batch) {
          append(batch.spans());
        } else if (task instanceof Flush flush) {
          commit();
          complete(flush.done());
        } else if (task instanceof Stop) {
          commit();
          return;
        }
        if (uncommitted > 0
            && (System.nanoTime() - deadline >= 0 || uncommitted >= options.queueCapacity() / 2)) {
          commit();
        }
      }
    }

    private void append(List<Span> spans) {
      if (uncommitted == 0) {
        deadline = System.nanoTime() + options.flushInterval().toNanos();
      }
      uncommitted += spans.size();
      try {
        for (Span span : spans) {
          SpanTable.append(appender, span);
        }
      } catch (SQLException e) {
        record(e, spans.size());
      }
    }

    private void commit() {
      if (uncommitted == 0) {
        return;
      }
      commits.lock();
      try {
        appender.flush();
        failure = null;
      } catch (SQLException e) {
        record(e, uncommitted);
      } finally {
        commits.unlock();
        capacity.release(uncommitted);
        uncommitted = 0;
      }
    }

    private void record(SQLException e, int spans) {
      lastError = e;
      failure = "DuckDB write failed: " + e.getMessage();
      LOG.log(Level.WARNING, "DuckDB write failed, up to " + spans + " spans lost", e);
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

package dev.tracehouse.store.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The writer thread's open transaction on the {@code spans} table: appended rows stay invisible
 * until {@link #commit()}. The explicit {@code BEGIN} matters: without it the Appender commits on
 * its own whenever its 2,048-row chunk fills, and most of the writer's time went into those small
 * commits (RATIONALE.md). Not thread-safe: the writer thread's alone.
 */
final class SpanAppendTransaction implements AutoCloseable {

  private final DuckDBConnection connection;
  private final Statement statement;
  private final Lock commits;
  private DuckDBAppender appender;
  private int rows;

  /** On {@code connection}, which stays the caller's; each commit holds {@code commits}. */
  SpanAppendTransaction(DuckDBConnection connection, Lock commits) throws SQLException {
    this.connection = connection;
    this.statement = connection.createStatement();
    this.commits = commits;
  }

  /** Rows appended whole since the last commit or rollback. */
  int rows() {
    return rows;
  }

  /** Appends row {@code i} of {@code batch}, beginning a transaction if none is open. */
  void append(SpanRows batch, int i) throws SQLException {
    if (appender == null) {
      statement.execute("BEGIN TRANSACTION");
      appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SpanTable.NAME);
    }
    batch.append(appender, i);
    rows++;
  }

  /**
   * Commits the appended rows while holding the commit lock. On failure the transaction is rolled
   * back, its rows are lost, and the exception says why.
   */
  void commit() throws SQLException {
    if (appender == null) {
      return;
    }
    commits.lock();
    try {
      appender.close();
      appender = null;
      statement.execute("COMMIT");
      rows = 0;
    } catch (SQLException e) {
      rollback(e);
      throw e;
    } finally {
      commits.unlock();
    }
  }

  /** Drops the rows appended since the last commit; problems are added to {@code cause}. */
  void rollback(Exception cause) {
    rows = 0;
    try {
      if (appender != null) {
        appender.close();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    appender = null;
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}

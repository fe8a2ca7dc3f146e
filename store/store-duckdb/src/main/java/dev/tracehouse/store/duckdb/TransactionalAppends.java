package dev.tracehouse.store.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Synchronous Appender writes on the caller's thread: one Appender and one transaction per call, so
 * a call is stored whole or not at all. Each call holds the write side of the store's commit lock
 * (through its {@link LockedConnections}).
 */
final class TransactionalAppends {

  /** Appends the rows of one call. */
  @FunctionalInterface
  interface Rows {
    void appendTo(DuckDBAppender appender) throws SQLException;
  }

  private final LockedConnections connections;

  TransactionalAppends(LockedConnections connections) {
    this.connections = connections;
  }

  /**
   * Appends {@code rows} to {@code table} in one transaction. The explicit {@code BEGIN}: with JDBC
   * {@code setAutoCommit(false)} alone, DuckDB 1.4.4 commits Appender rows at once, because the
   * driver opens its transaction only at the next statement. On failure the connection is closed
   * without {@code COMMIT}, which rolls back.
   */
  void append(String what, String table, Rows rows) {
    connections.run(
        what,
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try (DuckDBAppender appender =
                c.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
              rows.appendTo(appender);
            }
            st.execute("COMMIT");
          }
          return null;
        });
  }

  /** Runs a read or other work under the same lock, on a fresh connection. */
  <T> T run(String what, LockedConnections.Work<T> work) {
    return connections.run(what, work);
  }
}

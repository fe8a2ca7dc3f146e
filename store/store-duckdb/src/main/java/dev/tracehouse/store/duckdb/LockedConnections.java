package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;

/**
 * Runs JDBC work on a fresh connection per call while holding one side of the store's commit lock
 * (see {@link DuckDbSpanStore}), and turns {@link SQLException} into {@link StoreException}.
 */
final class LockedConnections {

  /** Opens a connection for one call; throws {@link StoreException} when the store is closed. */
  @FunctionalInterface
  interface Connections {
    Connection open() throws SQLException;
  }

  /** Work on an open connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connections connections;
  private final Lock lock;

  LockedConnections(Connections connections, Lock lock) {
    this.connections = connections;
    this.lock = lock;
  }

  /**
   * Runs {@code work} and closes its connection.
   *
   * @param what what the work does, for the error message ("finding traces")
   * @throws StoreException with the {@link SQLException} as cause when DuckDB fails
   */
  <T> T run(String what, Work<T> work) {
    lock.lock();
    try (Connection c = connections.open()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("DuckDB failed " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}

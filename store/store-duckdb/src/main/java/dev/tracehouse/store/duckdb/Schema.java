package dev.tracehouse.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the store's tables when they are missing: spans, stats groups, service-map edges and
 * logs.
 */
final class Schema {

  private Schema() {}

  /** Creates and primes every table; call before anyone else uses the file. */
  static void create(Statement st) throws SQLException {
    st.execute(SpanTable.CREATE);
    primeIfEmpty(st, SpanTable.NAME, SpanTable.ZERO_ROW);
    st.execute(StatsTable.CREATE);
    primeIfEmpty(st, StatsTable.NAME, StatsTable.ZERO_ROW);
    st.execute(EdgeTable.CREATE);
    primeIfEmpty(st, EdgeTable.NAME, EdgeTable.ZERO_ROW);
    st.execute(LogTable.CREATE);
    primeIfEmpty(st, LogTable.NAME, LogTable.ZERO_ROW);
  }

  /**
   * Makes an empty table one that has held a row, by inserting {@code zeroRow} and deleting it:
   * DuckDB 1.4.4 can hand garbage strings to reads that race the first Appender commit into a table
   * that never held a row (RATIONALE.md). {@code table} and {@code zeroRow} are constants.
   */
  static void primeIfEmpty(Statement st, String table, String zeroRow) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
      if (rs.next()) {
        return;
      }
    }
    st.execute("INSERT INTO " + table + " VALUES " + zeroRow);
    st.execute("DELETE FROM " + table);
  }
}

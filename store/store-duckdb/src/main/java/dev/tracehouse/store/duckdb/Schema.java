package dev.tracehouse.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the store's tables when they are missing: spans, stats groups, their rollups, service-map
 * edges and logs.
 */
final class Schema {

  private Schema() {}

  /** Creates, upgrades and primes every table; call before anyone else uses the file. */
  static void create(Statement st) throws SQLException {
    st.execute(SpanTable.CREATE);
    addIngestTimeIfMissing(st, SpanTable.NAME, "start_ns");
    if (!hasColumn(st, SpanTable.NAME, "indexed")) {
      // Spans stored before retention filters existed keep the full retention.
      st.execute("ALTER TABLE spans ADD COLUMN indexed BOOLEAN DEFAULT true");
    }
    SpanTable.addTagColumnsIfMissing(st);
    primeIfEmpty(st, SpanTable.NAME, SpanTable.ZERO_ROW);
    st.execute(StatsTable.CREATE);
    addIngestTimeIfMissing(st, StatsTable.NAME, "bucket_start");
    primeIfEmpty(st, StatsTable.NAME, StatsTable.ZERO_ROW);
    st.execute(RollupTable.CREATE);
    primeIfEmpty(st, RollupTable.NAME, RollupTable.ZERO_ROW);
    st.execute(RollupTable.CREATE_MARKS);
    st.execute(EdgeTable.CREATE);
    addIngestTimeIfMissing(st, EdgeTable.NAME, "bucket_start");
    primeIfEmpty(st, EdgeTable.NAME, EdgeTable.ZERO_ROW);
    st.execute(LogTable.CREATE);
    primeIfEmpty(st, LogTable.NAME, LogTable.ZERO_ROW);
  }

  /**
   * Adds the {@code ingest_ns} column (which retention goes by) to a table made before it existed,
   * taking {@code fromColumn} as each row's ingest time. {@code table} and {@code fromColumn} are
   * constants.
   */
  static void addIngestTimeIfMissing(Statement st, String table, String fromColumn)
      throws SQLException {
    if (hasColumn(st, table, "ingest_ns")) {
      return;
    }
    st.execute("ALTER TABLE " + table + " ADD COLUMN ingest_ns BIGINT DEFAULT 0");
    st.execute("UPDATE " + table + " SET ingest_ns = " + fromColumn);
  }

  /** Whether {@code table} has {@code column}; both are constants. */
  static boolean hasColumn(Statement st, String table, String column) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database()"
                + " AND table_name = '"
                + table
                + "' AND column_name = '"
                + column
                + "'")) {
      return rs.next() && rs.getLong(1) > 0;
    }
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

package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The {@code service_edges} table: one row per {@link ServiceEdge} per bucket, sketch as BLOB, and
 * {@code ingest_ns} (when the row was written, the clock retention goes by).
 */
final class EdgeTable {

  static final String NAME = "service_edges";

  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS service_edges (
        bucket_start    BIGINT  NOT NULL,
        bucket_duration BIGINT  NOT NULL,
        env             VARCHAR NOT NULL,
        caller          VARCHAR NOT NULL,
        callee          VARCHAR NOT NULL,
        calls           DOUBLE  NOT NULL,
        errors          DOUBLE  NOT NULL,
        duration_sum    DOUBLE  NOT NULL,
        latency         BLOB    NOT NULL,
        ingest_ns       BIGINT  NOT NULL
      )""";

  /**
   * The columns {@link #read(ResultSet)} expects, in order, after the bucket start and duration.
   */
  static final String COLUMNS =
      "bucket_start, bucket_duration, env, caller, callee, calls, errors, duration_sum, latency";

  /** A row of zeros and empty values, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW = "(0, 0, '', '', '', 0, 0, 0, ''::BLOB, 0)";

  private EdgeTable() {}

  /** Appends {@code edge} of the bucket at {@code start}, written at {@code ingestNs}. */
  static void append(
      DuckDBAppender appender, long start, long duration, ServiceEdge edge, long ingestNs)
      throws SQLException {
    appender.beginRow();
    appender.append(start);
    appender.append(duration);
    appender.append(edge.env());
    appender.append(edge.caller());
    appender.append(edge.callee());
    appender.append(edge.calls());
    appender.append(edge.errors());
    appender.append(edge.durationSum());
    appender.append(edge.latency().bytes());
    appender.append(ingestNs);
    appender.endRow();
  }

  /** The edge in the current row of a result selecting {@link #COLUMNS}. */
  static ServiceEdge read(ResultSet row) throws SQLException {
    return new ServiceEdge(
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getDouble(6),
        row.getDouble(7),
        row.getDouble(8),
        new EncodedSketch(row.getBytes(9)));
  }
}

package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.model.StatsKey.TraceRoot;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The {@code stats_groups} table: one row per {@link StatsGroup} per bucket, sketches as BLOBs (the
 * {@link EncodedSketch} bytes), the trace-root flag as its enum name, and {@code ingest_ns} (when
 * the row was written, the clock retention goes by).
 */
final class StatsTable {

  static final String NAME = "stats_groups";

  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS stats_groups (
        bucket_start    BIGINT  NOT NULL,
        bucket_duration BIGINT  NOT NULL,
        env             VARCHAR NOT NULL,
        service         VARCHAR NOT NULL,
        name            VARCHAR NOT NULL,
        resource        VARCHAR NOT NULL,
        type            VARCHAR NOT NULL,
        http_status     INTEGER NOT NULL,
        version         VARCHAR NOT NULL,
        host            VARCHAR NOT NULL,
        synthetics      BOOLEAN NOT NULL,
        span_kind       VARCHAR NOT NULL,
        trace_root      VARCHAR NOT NULL,
        hits            DOUBLE  NOT NULL,
        errors          DOUBLE  NOT NULL,
        top_level_hits  DOUBLE  NOT NULL,
        duration_sum    DOUBLE  NOT NULL,
        ok_sketch       BLOB    NOT NULL,
        error_sketch    BLOB    NOT NULL,
        ingest_ns       BIGINT  NOT NULL
      )""";

  /**
   * The columns {@link #read(ResultSet)} expects, in order, after the bucket start and duration.
   */
  static final String COLUMNS =
      "bucket_start, bucket_duration, env, service, name, resource, type, http_status, version,"
          + " host, synthetics, span_kind, trace_root, hits, errors, top_level_hits, duration_sum,"
          + " ok_sketch, error_sketch";

  /** A row of zeros and empty values, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW =
      "(0, 0, '', '', '', '', '', 0, '', '', false, '', 'UNSET', 0, 0, 0, 0, ''::BLOB, ''::BLOB, 0)";

  private StatsTable() {}

  /** Appends {@code group} of the bucket at {@code start}, written at {@code ingestNs}. */
  static void append(
      DuckDBAppender appender, long start, long duration, StatsGroup group, long ingestNs)
      throws SQLException {
    StatsKey key = group.key();
    appender.beginRow();
    appender.append(start);
    appender.append(duration);
    appender.append(key.env());
    appender.append(key.service());
    appender.append(key.name());
    appender.append(key.resource());
    appender.append(key.type());
    appender.append(key.httpStatusCode());
    appender.append(key.version());
    appender.append(key.host());
    appender.append(key.synthetics());
    appender.append(key.spanKind());
    appender.append(key.traceRoot().name());
    appender.append(group.hits());
    appender.append(group.errors());
    appender.append(group.topLevelHits());
    appender.append(group.durationSum());
    appender.append(group.okSketch().bytes());
    appender.append(group.errorSketch().bytes());
    appender.append(ingestNs);
    appender.endRow();
  }

  /** The group in the current row of a result selecting {@link #COLUMNS}. */
  static StatsGroup read(ResultSet row) throws SQLException {
    StatsKey key =
        new StatsKey(
            row.getString(3),
            row.getString(4),
            row.getString(5),
            row.getString(6),
            row.getString(7),
            row.getInt(8),
            row.getString(9),
            row.getString(10),
            row.getBoolean(11),
            row.getString(12),
            TraceRoot.valueOf(row.getString(13)));
    return new StatsGroup(
        key,
        row.getDouble(14),
        row.getDouble(15),
        row.getDouble(16),
        row.getDouble(17),
        new EncodedSketch(row.getBytes(18)),
        new EncodedSketch(row.getBytes(19)));
  }
}

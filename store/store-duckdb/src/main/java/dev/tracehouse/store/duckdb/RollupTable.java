package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The {@code stats_rollups} table: merged service-entry stats per period of a {@link RollupLevel}
 * and (env, service, name, resource) key, written by {@link StatsRollups}; and {@code
 * stats_rollup_marks}, which says per resolution which periods the rollups cover completely.
 */
final class RollupTable {

  static final String NAME = "stats_rollups";

  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS stats_rollups (
        resolution   BIGINT  NOT NULL,
        bucket_start BIGINT  NOT NULL,
        detail       VARCHAR NOT NULL,
        env          VARCHAR NOT NULL,
        service      VARCHAR NOT NULL,
        name         VARCHAR NOT NULL,
        resource     VARCHAR NOT NULL,
        requests     DOUBLE  NOT NULL,
        errors       DOUBLE  NOT NULL,
        duration_sum DOUBLE  NOT NULL,
        ok_sketch    BLOB    NOT NULL,
        error_sketch BLOB    NOT NULL,
        ingest_ns    BIGINT  NOT NULL
      )""";

  /**
   * Per resolution: periods starting in {@code [floor_ns, mark_ns)} are covered (every stored entry
   * group starting in them is in the rollups). Updated in the transactions that write rollups.
   */
  static final String CREATE_MARKS =
      """
      CREATE TABLE IF NOT EXISTS stats_rollup_marks (
        resolution BIGINT NOT NULL,
        floor_ns   BIGINT NOT NULL,
        mark_ns    BIGINT NOT NULL
      )""";

  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS =
      "bucket_start, resolution, env, service, name, resource, requests, errors, duration_sum,"
          + " ok_sketch, error_sketch";

  /** A row of zeros and empty values, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW =
      "(0, 0, 'SERVICE', '', '', '', '', 0, 0, 0, ''::BLOB, ''::BLOB, 0)";

  private RollupTable() {}

  static void append(DuckDBAppender appender, RollupRow row) throws SQLException {
    StatsGroup group = row.group();
    StatsKey key = group.key();
    appender.beginRow();
    appender.append(row.resolution());
    appender.append(row.start());
    appender.append(row.detail().name());
    appender.append(key.env());
    appender.append(key.service());
    appender.append(key.name());
    appender.append(key.resource());
    appender.append(group.topLevelHits());
    appender.append(group.errors());
    appender.append(group.durationSum());
    appender.append(group.okSketch().bytes());
    appender.append(group.errorSketch().bytes());
    appender.append(row.ingestNs());
    appender.endRow();
  }

  /** The merged group in the current row of a result selecting {@link #COLUMNS}. */
  static StatsGroup read(ResultSet row) throws SQLException {
    double requests = row.getDouble(7);
    return new StatsGroup(
        key(row.getString(3), row.getString(4), row.getString(5), row.getString(6)),
        requests,
        row.getDouble(8),
        requests,
        row.getDouble(9),
        new EncodedSketch(row.getBytes(10)),
        new EncodedSketch(row.getBytes(11)));
  }

  /** A key with only the parts rollups keep. */
  static StatsKey key(String env, String service, String name, String resource) {
    return new StatsKey(env, service, name, resource, "", 0, "", "", false, "", null);
  }
}

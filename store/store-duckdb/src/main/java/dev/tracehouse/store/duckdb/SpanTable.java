package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code spans} table: its DDL and how a row becomes a span ({@link SpanRows} makes rows of
 * spans). Ids are unsigned 64-bit values kept in signed BIGINTs with the same bits; the 128-bit
 * trace id is split in two columns. Tags are JSON text, queryable with {@code
 * json_extract_string(meta, '$."key"')}; {@code meta} is ZSTD-compressed (about a third of the FSST
 * size, RATIONALE.md). {@code ingest_ns} is when the store accepted the span, the clock that age
 * retention goes by. {@code indexed} is false only for spans the retention filters did not index
 * (meta {@value Retention#INDEXED_BY} empty): those are kept for the live window only, unless their
 * trace is indexed.
 */
final class SpanTable {

  static final String NAME = "spans";

  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS spans (
        trace_high  BIGINT  NOT NULL,
        trace_low   BIGINT  NOT NULL,
        span_id     BIGINT  NOT NULL,
        parent_id   BIGINT  NOT NULL,
        service     VARCHAR NOT NULL,
        name        VARCHAR NOT NULL,
        resource    VARCHAR NOT NULL,
        type        VARCHAR NOT NULL,
        start_ns    BIGINT  NOT NULL,
        duration_ns BIGINT  NOT NULL,
        error       BOOLEAN NOT NULL,
        meta        VARCHAR USING COMPRESSION zstd NOT NULL,
        metrics     VARCHAR NOT NULL,
        ingest_ns   BIGINT  NOT NULL,
        indexed     BOOLEAN NOT NULL
      )""";

  /** The columns {@link #read(ResultSet)} expects, in order. */
  static final String COLUMNS =
      "trace_high, trace_low, span_id, parent_id, service, name, resource, type, start_ns,"
          + " duration_ns, error, meta, metrics";

  /** A row of zeros and empty strings, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW = "(0, 0, 0, 0, '', '', '', '', 0, 0, false, '{}', '{}', 0, true)";

  private SpanTable() {}

  /** The span in the current row of a result selecting {@link #COLUMNS}. */
  static Span read(ResultSet row) throws SQLException {
    return new Span(
        new TraceId(row.getLong(1), row.getLong(2)),
        row.getLong(3),
        row.getLong(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getLong(9),
        row.getLong(10),
        row.getBoolean(11),
        TagsJson.parseMeta(row.getString(12)),
        TagsJson.parseMetrics(row.getString(13)));
  }
}

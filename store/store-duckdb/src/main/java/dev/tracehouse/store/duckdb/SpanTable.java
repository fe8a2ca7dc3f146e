package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanTagColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code spans} table: its DDL and how a row becomes a span ({@link SpanRows} makes rows of
 * spans). Ids are unsigned 64-bit values kept in signed BIGINTs with the same bits; the 128-bit
 * trace id is split in two columns. Tags are JSON text, queryable with {@code
 * json_extract_string(meta, '$."key"')}; {@code meta} is ZSTD-compressed (about a third of the FSST
 * size, RATIONALE.md). {@code ingest_ns} is when the store accepted the span, the clock that age
 * retention goes by. {@code indexed} is false only for spans the retention filters did not index
 * (meta {@value Retention#INDEXED_BY} empty): those are kept for the live window only, unless their
 * trace is indexed. Then one VARCHAR column per {@link SpanTagColumns} tag (its meta value, NULL
 * when absent), which searches on those tags read: since ADR 017's second part those tags are left
 * out of the meta JSON of new rows (files written before have them in both), and {@link #read} puts
 * them back.
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
        indexed     BOOLEAN NOT NULL"""
          + tagColumnsDdl()
          + ")";

  /** The columns {@link #read(ResultSet)} expects, in order. */
  static final String COLUMNS =
      "trace_high, trace_low, span_id, parent_id, service, name, resource, type, start_ns,"
          + " duration_ns, error, meta, metrics"
          + SpanTagColumns.ALL.stream().map(c -> ", " + c.column()).collect(Collectors.joining());

  /** The index in {@link #COLUMNS} of the first typed tag column. */
  private static final int FIRST_TAG_COLUMN = 14;

  /** A row of zeros and empty strings, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW =
      "(0, 0, 0, 0, '', '', '', '', 0, 0, false, '{}', '{}', 0, true"
          + ", NULL".repeat(SpanTagColumns.ALL.size())
          + ")";

  private SpanTable() {}

  /**
   * Gives a file made before the typed tag columns existed every missing one, filled from {@code
   * meta}, in one transaction: a kill in the middle leaves the file as it was, and the next open
   * migrates again.
   */
  static void addTagColumnsIfMissing(Statement st) throws SQLException {
    List<SpanTagColumns.Column> missing = new ArrayList<>();
    for (SpanTagColumns.Column c : SpanTagColumns.ALL) {
      if (!Schema.hasColumn(st, NAME, c.column())) {
        missing.add(c);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    st.execute("BEGIN TRANSACTION");
    try {
      List<String> sets = new ArrayList<>();
      for (SpanTagColumns.Column c : missing) {
        st.execute("ALTER TABLE spans ADD COLUMN " + c.column() + " VARCHAR");
        sets.add(c.column() + " = json_extract_string(meta, '" + pointer(c.key()) + "')");
      }
      st.execute("UPDATE spans SET " + String.join(", ", sets));
      st.execute("COMMIT");
    } catch (SQLException e) {
      st.execute("ROLLBACK");
      throw e;
    }
  }

  private static String tagColumnsDdl() {
    StringBuilder ddl = new StringBuilder();
    for (SpanTagColumns.Column c : SpanTagColumns.ALL) {
      ddl.append(",\n  ").append(c.column()).append(" VARCHAR");
    }
    return ddl.toString();
  }

  /** The JSON pointer of a constant key (no {@code ~}, {@code /} or quote in the typed keys). */
  private static String pointer(String key) {
    if (!key.matches("[A-Za-z0-9_.]+")) {
      throw new IllegalStateException("typed tag key needs escaping: " + key);
    }
    return "/" + key;
  }

  /**
   * The span in the current row of a result selecting {@link #COLUMNS}: the typed tags go back into
   * its meta. A file written before they left {@code meta} has them in both, with the same value.
   */
  static Span read(ResultSet row) throws SQLException {
    Map<String, String> meta = TagsJson.parseMeta(row.getString(12));
    for (int i = 0; i < SpanTagColumns.ALL.size(); i++) {
      String value = row.getString(FIRST_TAG_COLUMN + i);
      if (value != null) {
        meta.put(SpanTagColumns.ALL.get(i).key(), value);
      }
    }
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
        meta,
        TagsJson.parseMetrics(row.getString(13)));
  }
}

package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.FlatAttributes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;

/**
 * The {@code logs} table: the logical log schema of {@link dev.tracehouse.store.EventFilter}. The
 * nested attributes are kept as JSON for reading back; the flattened {@code attr_*} columns exist
 * for search only.
 */
final class LogTable {

  static final String NAME = "logs";

  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS logs (
        ts_ns      BIGINT    NOT NULL,
        seq        BIGINT    NOT NULL,
        service    VARCHAR   NOT NULL,
        status     VARCHAR   NOT NULL,
        host       VARCHAR   NOT NULL,
        source     VARCHAR   NOT NULL,
        message    VARCHAR   NOT NULL,
        tags       VARCHAR[] NOT NULL,
        trace_high BIGINT,
        trace_low  BIGINT,
        span_id    BIGINT    NOT NULL,
        attributes VARCHAR   NOT NULL,
        attr_str   VARCHAR   NOT NULL,
        attr_num   VARCHAR   NOT NULL,
        attr_ip    VARCHAR   NOT NULL
      )""";

  /** The columns {@link #read(ResultSet)} expects, in order. */
  static final String COLUMNS =
      "ts_ns, seq, service, status, host, source, message, tags, trace_high, trace_low, span_id,"
          + " attributes";

  /** A row of zeros and empty values, for {@link Schema#primeIfEmpty}. */
  static final String ZERO_ROW =
      "(0, 0, '', '', '', '', '', [], NULL, NULL, 0, '{}', '{}', '{}', '{}')";

  private LogTable() {}

  static void append(DuckDBAppender appender, LogEvent log, long seq) throws SQLException {
    FlatAttributes flat = FlatAttributes.of(log);
    appender.beginRow();
    appender.append(log.timestamp());
    appender.append(seq);
    appender.append(log.service());
    appender.append(log.status());
    appender.append(log.host());
    appender.append(log.source());
    appender.append(log.message());
    appender.append(log.tags());
    if (log.traceId().isPresent()) {
      appender.append(log.traceId().get().high());
      appender.append(log.traceId().get().low());
    } else {
      appender.appendNull();
      appender.appendNull();
    }
    appender.append(log.spanId());
    appender.append(LogJson.write(log.attributes()));
    appender.append(LogJson.write(flat.strings()));
    appender.append(LogJson.write(flat.numbers()));
    appender.append(LogJson.write(flat.ips()));
    appender.endRow();
  }

  /** The log in the current row of a result selecting {@link #COLUMNS}. */
  static LogEvent read(ResultSet row) throws SQLException {
    long high = row.getLong(9);
    boolean hasTrace = !row.wasNull();
    long low = row.getLong(10);
    return new LogEvent(
        row.getLong(1),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        strings(row.getArray(8)),
        LogJson.readObject(row.getString(12)),
        hasTrace ? Optional.of(new TraceId(high, low)) : Optional.empty(),
        row.getLong(11));
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add((String) value);
    }
    return values;
  }
}

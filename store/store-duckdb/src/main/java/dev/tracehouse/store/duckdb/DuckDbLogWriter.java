package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.store.LogWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Writes logs on the caller's thread through {@link TransactionalAppends} (a call is stored whole
 * or not at all). Each log gets the next sequence number, continuing from the largest stored one
 * after a restart; calls are serialized so that numbers stay unique.
 */
final class DuckDbLogWriter implements LogWriter {

  private final TransactionalAppends appends;
  private long lastSeq = -1;

  DuckDbLogWriter(TransactionalAppends appends) {
    this.appends = appends;
  }

  @Override
  public synchronized void write(List<LogEvent> logs) {
    Objects.requireNonNull(logs, "logs");
    for (int i = 0; i < logs.size(); i++) {
      Objects.requireNonNull(logs.get(i), "logs[" + i + "]");
    }
    if (lastSeq < 0) {
      lastSeq = appends.run("reading the log sequence", DuckDbLogWriter::storedMaxSeq);
    }
    long first = lastSeq + 1;
    appends.append(
        "writing logs",
        LogTable.NAME,
        appender -> {
          long seq = first;
          for (LogEvent log : logs) {
            LogTable.append(appender, log, seq++);
          }
        });
    lastSeq += logs.size();
  }

  private static long storedMaxSeq(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM logs")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

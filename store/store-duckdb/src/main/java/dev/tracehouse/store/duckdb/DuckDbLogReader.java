package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.store.LogCursor;
import dev.tracehouse.store.LogPage;
import dev.tracehouse.store.LogReader;
import dev.tracehouse.store.LogSearch;
import java.util.List;
import java.util.Objects;

/** Searches logs with SQL (keyset pages on timestamp and sequence); every value is a parameter. */
final class DuckDbLogReader implements LogReader {

  /** A log read back, with the sequence number its cursor needs. */
  private record Row(LogEvent log, long seq) {}

  private final LockedConnections connections;

  DuckDbLogReader(LockedConnections connections) {
    this.connections = connections;
  }

  @Override
  public LogPage search(LogSearch search) {
    Objects.requireNonNull(search, "search");
    String direction = search.sort().descending() ? " DESC" : " ASC";
    SqlParams sql =
        new SqlParams()
            .sql(
                "SELECT " + LogTable.COLUMNS + " FROM logs WHERE ts_ns >= ? AND ts_ns < ? AND ",
                search.fromNs(),
                search.toNs())
            .filter(search.filter());
    search
        .after()
        .ifPresent(
            c ->
                sql.sql(
                    " AND (ts_ns, seq)" + (search.sort().descending() ? " < " : " > ") + "(?, ?)",
                    c.timestamp(),
                    c.seq()));
    sql.sql(" ORDER BY ts_ns" + direction + ", seq" + direction + " LIMIT ?", search.limit() + 1L);
    List<Row> rows =
        connections.run(
            "searching logs", c -> sql.query(c, rs -> new Row(LogTable.read(rs), rs.getLong(2))));
    return DuckDbSpanReader.page(
        rows,
        search.limit(),
        r -> new LogCursor(search.sort(), r.log().timestamp(), r.seq()),
        (page, next) -> new LogPage(page.stream().map(Row::log).toList(), next));
  }
}

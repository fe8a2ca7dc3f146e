package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import dev.tracehouse.store.SpanCursor;
import dev.tracehouse.store.SpanPage;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.TraceCursor;
import dev.tracehouse.store.TracePage;
import dev.tracehouse.store.TraceSearch;
import dev.tracehouse.store.TraceSummary;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads spans with SQL, on a fresh connection per call; every user value is a parameter. Each read
 * holds the read side of the store's commit lock (see {@link DuckDbSpanStore}).
 */
final class DuckDbSpanReader implements SpanReader {

  private static final String TRACE_BY_LOW =
      "SELECT " + SpanTable.COLUMNS + " FROM spans WHERE trace_low = ?";
  private static final String TRACE_BY_ID = TRACE_BY_LOW + " AND trace_high = ?";

  private static final String SERVICES = "SELECT DISTINCT service FROM spans ORDER BY service";

  private final LockedConnections connections;

  /** Reads on connections that hold the read side of the commit lock. */
  DuckDbSpanReader(LockedConnections connections) {
    this.connections = connections;
  }

  @Override
  public Optional<List<Span>> trace(TraceId traceId) {
    Objects.requireNonNull(traceId, "traceId");
    boolean lowOnly = traceId.high() == 0;
    List<Span> spans =
        connections.run(
            "reading trace " + traceId,
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(lowOnly ? TRACE_BY_LOW : TRACE_BY_ID)) {
                st.setLong(1, traceId.low());
                if (!lowOnly) {
                  st.setLong(2, traceId.high());
                }
                List<Span> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    found.add(SpanTable.read(rs));
                  }
                }
                return found;
              }
            });
    spans.sort(TRACE_ORDER);
    return spans.isEmpty() ? Optional.empty() : Optional.of(spans);
  }

  @Override
  public SpanPage searchSpans(SpanSearch search) {
    Objects.requireNonNull(search, "search");
    List<Span> found =
        connections.run(
            "searching spans", c -> SpanSearchSql.spans(search).query(c, SpanTable::read));
    return page(found, search.limit(), s -> SpanCursor.after(search.sort(), s), SpanPage::new);
  }

  @Override
  public TracePage searchTraces(TraceSearch search) {
    Objects.requireNonNull(search, "search");
    List<TraceSummary> found =
        connections.run(
            "searching traces",
            c -> SpanSearchSql.traces(search).query(c, DuckDbSpanReader::summary));
    return page(found, search.limit(), TraceCursor::after, TracePage::new);
  }

  @Override
  public List<AggregateRow> aggregate(Aggregation<Span> aggregation) {
    Objects.requireNonNull(aggregation, "aggregation");
    return connections.run(
        "aggregating spans", c -> AggregationSql.run(c, aggregation, "spans", "start_ns"));
  }

  /** The first {@code limit} rows, with a cursor after the last when the query found one more. */
  static <T, C, P> P page(
      List<T> rows, int limit, Function<T, C> cursorAfter, BiFunction<List<T>, Optional<C>, P> of) {
    if (rows.size() <= limit) {
      return of.apply(rows, Optional.empty());
    }
    List<T> page = rows.subList(0, limit);
    return of.apply(page, Optional.of(cursorAfter.apply(page.get(limit - 1))));
  }

  @Override
  public List<String> services() {
    List<String> services =
        connections.run(
            "listing services",
            c -> {
              try (PreparedStatement st = c.prepareStatement(SERVICES);
                  ResultSet rs = st.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                  found.add(rs.getString(1));
                }
                return found;
              }
            });
    services.sort(null);
    return services;
  }

  private static TraceSummary summary(ResultSet rs) throws SQLException {
    Array services = rs.getArray(10);
    List<String> names = new ArrayList<>();
    for (Object name : (Object[]) services.getArray()) {
      names.add((String) name);
    }
    names.sort(null);
    return new TraceSummary(
        new TraceId(rs.getLong(1), rs.getLong(2)),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getLong(3),
        rs.getLong(4),
        rs.getInt(5),
        rs.getInt(6),
        names);
  }
}

package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.TraceQuery;
import dev.tracehouse.store.TraceSummary;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads spans with SQL, on a fresh connection per call; every user value is a parameter. Each read
 * holds the read side of the store's commit lock (see {@link DuckDbSpanStore}).
 */
final class DuckDbSpanReader implements SpanReader {

  private static final String TRACE_BY_LOW =
      "SELECT " + SpanTable.COLUMNS + " FROM spans WHERE trace_low = ?";
  private static final String TRACE_BY_ID = TRACE_BY_LOW + " AND trace_high = ?";

  /**
   * Newest traces first. {@code xor} with the sign bit makes signed order match unsigned order for
   * the tie-breaks; the root is the first span without parent, else the earliest.
   */
  private static final String FIND_TRACES =
      """
      WITH matched AS (
        SELECT DISTINCT trace_high, trace_low FROM spans
        WHERE start_ns >= ? AND start_ns < ? AND (? OR service = ?)
      ), newest AS (
        SELECT s.trace_high, s.trace_low, min(s.start_ns) AS trace_start
        FROM spans s JOIN matched m ON s.trace_high = m.trace_high AND s.trace_low = m.trace_low
        GROUP BY s.trace_high, s.trace_low
        ORDER BY trace_start DESC, xor(s.trace_high, ?) DESC, xor(s.trace_low, ?) DESC
        LIMIT ?
      )
      SELECT n.trace_high, n.trace_low, n.trace_start,
        max(s.start_ns + s.duration_ns) - n.trace_start,
        count(*), count(*) FILTER (WHERE s.error),
        arg_min(s.service, (s.parent_id <> 0, s.start_ns, xor(s.span_id, ?))),
        arg_min(s.name, (s.parent_id <> 0, s.start_ns, xor(s.span_id, ?))),
        arg_min(s.resource, (s.parent_id <> 0, s.start_ns, xor(s.span_id, ?))),
        list_sort(list_distinct(list(s.service)))
      FROM newest n JOIN spans s ON s.trace_high = n.trace_high AND s.trace_low = n.trace_low
      GROUP BY n.trace_high, n.trace_low, n.trace_start
      ORDER BY n.trace_start DESC, xor(n.trace_high, ?) DESC, xor(n.trace_low, ?) DESC
      """;

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
  public List<TraceSummary> findTraces(TraceQuery query) {
    Objects.requireNonNull(query, "query");
    return connections.run("finding traces", c -> findTraces(c, query));
  }

  private static List<TraceSummary> findTraces(Connection c, TraceQuery query) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(FIND_TRACES)) {
      int i = 0;
      st.setLong(++i, query.fromNs());
      st.setLong(++i, query.toNs());
      st.setBoolean(++i, query.service().isEmpty());
      st.setString(++i, query.service().orElse(""));
      st.setLong(++i, Long.MIN_VALUE);
      st.setLong(++i, Long.MIN_VALUE);
      st.setInt(++i, query.limit());
      for (int k = 0; k < 5; k++) {
        st.setLong(++i, Long.MIN_VALUE);
      }
      List<TraceSummary> found = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.add(summary(rs));
        }
      }
      return found;
    }
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

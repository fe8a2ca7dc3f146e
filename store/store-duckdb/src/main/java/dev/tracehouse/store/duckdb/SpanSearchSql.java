package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanCursor;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.TraceCursor;
import dev.tracehouse.store.TraceScope;
import dev.tracehouse.store.TraceSearch;

/**
 * The SQL of span and trace searches. Unsigned ids are compared through {@code xor} with the sign
 * bit, which maps unsigned order onto signed order; keyset pagination compares row values. Each
 * query asks for one row more than the page, to know whether a next page exists.
 */
final class SpanSearchSql {

  /** Flips the sign bit of a BIGINT expression: signed order of the result = unsigned order. */
  private static String unsigned(String column) {
    return "xor(" + column + ", (-9223372036854775807 - 1))";
  }

  private SpanSearchSql() {}

  static SqlParams spans(SpanSearch search) {
    String value = search.sort().byDuration() ? "duration_ns" : "start_ns";
    String key =
        "("
            + value
            + ", "
            + unsigned("trace_high")
            + ", "
            + unsigned("trace_low")
            + ", "
            + unsigned("span_id")
            + ")";
    String direction = search.sort().descending() ? " DESC" : " ASC";
    SqlParams sql =
        new SqlParams()
            .sql(
                "SELECT " + SpanTable.COLUMNS + " FROM spans WHERE start_ns >= ? AND start_ns < ?",
                search.fromNs(),
                search.toNs())
            .sql(" AND ")
            .filter(search.filter());
    if (search.after().isPresent()) {
      SpanCursor c = search.after().get();
      sql.sql(
          " AND " + key + (search.sort().descending() ? " < " : " > ") + "(?, ?, ?, ?)",
          c.value(),
          flip(c.traceId().high()),
          flip(c.traceId().low()),
          flip(c.spanId()));
    }
    return sql.sql(
        " ORDER BY "
            + value
            + direction
            + ", "
            + unsigned("trace_high")
            + direction
            + ", "
            + unsigned("trace_low")
            + direction
            + ", "
            + unsigned("span_id")
            + direction
            + " LIMIT ?",
        search.limit() + 1L);
  }

  static SqlParams traces(TraceSearch search) {
    SqlParams sql =
        new SqlParams()
            .sql(
                "WITH matched AS (SELECT DISTINCT trace_high, trace_low FROM spans"
                    + " WHERE start_ns >= ? AND start_ns < ? AND "
                    + scope(search.scope())
                    + " AND ",
                search.fromNs(),
                search.toNs())
            .filter(search.filter())
            .sql(
                "), page AS (SELECT s.trace_high, s.trace_low, min(s.start_ns) AS trace_start"
                    + " FROM spans s JOIN matched m"
                    + " ON s.trace_high = m.trace_high AND s.trace_low = m.trace_low"
                    + " GROUP BY s.trace_high, s.trace_low");
    if (search.after().isPresent()) {
      TraceCursor c = search.after().get();
      TraceId id = c.traceId();
      sql.sql(
          " HAVING (min(s.start_ns), "
              + unsigned("s.trace_high")
              + ", "
              + unsigned("s.trace_low")
              + ") < (?, ?, ?)",
          c.start(),
          flip(id.high()),
          flip(id.low()));
    }
    return sql.sql(
        " ORDER BY trace_start DESC, "
            + unsigned("s.trace_high")
            + " DESC, "
            + unsigned("s.trace_low")
            + " DESC LIMIT ?)"
            + " SELECT n.trace_high, n.trace_low, n.trace_start,"
            + " max(s.start_ns + s.duration_ns) - n.trace_start,"
            + " count(*), count(*) FILTER (WHERE s.error),"
            + " arg_min(s.service, (s.parent_id <> 0, s.start_ns, "
            + unsigned("s.span_id")
            + ")), arg_min(s.name, (s.parent_id <> 0, s.start_ns, "
            + unsigned("s.span_id")
            + ")), arg_min(s.resource, (s.parent_id <> 0, s.start_ns, "
            + unsigned("s.span_id")
            + ")), list_sort(list_distinct(list(s.service)))"
            + " FROM page n JOIN spans s ON s.trace_high = n.trace_high AND s.trace_low = n.trace_low"
            + " GROUP BY n.trace_high, n.trace_low, n.trace_start"
            + " ORDER BY n.trace_start DESC, "
            + unsigned("n.trace_high")
            + " DESC, "
            + unsigned("n.trace_low")
            + " DESC",
        search.limit() + 1L);
  }

  private static String scope(TraceScope scope) {
    return switch (scope) {
      case ALL -> "TRUE";
      case ROOT -> "parent_id = 0";
      case SERVICE_ENTRY ->
          "coalesce(TRY_CAST(json_extract(metrics, '/_top_level') AS DOUBLE) = 1"
              + " OR TRY_CAST(json_extract(metrics, '/_dd.top_level') AS DOUBLE) = 1, FALSE)";
    };
  }

  private static long flip(long unsignedValue) {
    return unsignedValue ^ Long.MIN_VALUE;
  }
}

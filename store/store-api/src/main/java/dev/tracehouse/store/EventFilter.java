package dev.tracehouse.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which events a search keeps, in two equivalent forms: an in-memory test (used by the in-memory
 * store) and a SQL condition (used by SQL stores). The query module implements it; stores never
 * parse queries. Both forms must agree on every event.
 *
 * <p>The SQL refers, by unqualified column name, to a <em>logical schema</em> per event kind; a
 * store evaluates it where those names denote the event's row (for example inside {@code SELECT ...
 * FROM spans WHERE <condition>}).
 *
 * <p><b>Spans</b> ({@code spans}): {@code trace_high, trace_low, span_id, parent_id BIGINT}
 * (unsigned 64-bit values with the same bits), {@code service, name, resource, type VARCHAR},
 * {@code start_ns, duration_ns BIGINT}, {@code error BOOLEAN}, {@code meta VARCHAR} (JSON object of
 * the string tags, except possibly those of {@link SpanTagColumns}), {@code metrics VARCHAR} (JSON
 * object of the numeric tags; NaN and infinities as the JSON strings {@code "NaN"}, {@code
 * "Infinity"}, {@code "-Infinity"}), and one {@code VARCHAR} column per tag of {@link
 * SpanTagColumns} ({@code tag_env}, {@code tag_http_status_code}, ...): the meta value of that key,
 * NULL when absent, which a condition must read instead of {@code meta}.
 *
 * <p><b>Logs</b> ({@code logs}): {@code ts_ns BIGINT}, {@code seq BIGINT} (unique, store-assigned),
 * {@code service, status, host, source, message VARCHAR} ({@code ''} when unknown), {@code tags
 * VARCHAR[]} (lower-cased raw tags), {@code trace_high, trace_low BIGINT} (NULL without a trace),
 * {@code span_id BIGINT} (0 without a span), {@code attributes VARCHAR} (the nested JSON), and the
 * flattened attributes of {@link FlatAttributes}: {@code attr_str}, {@code attr_num}, {@code
 * attr_ip VARCHAR}, each a JSON object from dotted path to an array of values.
 *
 * @param <E> the event type: {@link dev.tracehouse.model.Span} or {@link
 *     dev.tracehouse.model.LogEvent}
 */
public interface EventFilter<E> {

  /** Whether {@code event} passes. */
  boolean test(E event);

  /**
   * This filter as a condition over the logical schema.
   *
   * @throws UnsupportedQueryException when the filter cannot be written in {@code dialect}
   */
  SqlCondition toSql(SqlDialect dialect);

  /** The events that pass both this filter and {@code other}. */
  default EventFilter<E> and(EventFilter<E> other) {
    EventFilter<E> self = this;
    return new EventFilter<>() {
      @Override
      public boolean test(E event) {
        return self.test(event) && other.test(event);
      }

      @Override
      public SqlCondition toSql(SqlDialect dialect) {
        SqlCondition a = self.toSql(dialect);
        SqlCondition b = other.toSql(dialect);
        List<Object> params = new ArrayList<>(a.params());
        params.addAll(b.params());
        return new SqlCondition("(" + a.sql() + ") AND (" + b.sql() + ")", params);
      }

      @Override
      public String toString() {
        return "(" + self + ") AND (" + other + ")";
      }
    };
  }

  /** The filter every event passes. */
  static <E> EventFilter<E> all() {
    return new EventFilter<>() {
      @Override
      public boolean test(E event) {
        return true;
      }

      @Override
      public SqlCondition toSql(SqlDialect dialect) {
        return SqlCondition.TRUE;
      }

      @Override
      public String toString() {
        return "all";
      }
    };
  }
}

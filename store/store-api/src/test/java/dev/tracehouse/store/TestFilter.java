package dev.tracehouse.store;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.Span;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hand-written {@link EventFilter} for store tests: an in-memory test and the equivalent SQL over
 * plain columns of the logical schema (the query module tests the search language itself).
 *
 * @param <E> the event type
 * @param name a label for test output
 * @param test the in-memory form
 * @param sql the SQL form
 * @param params the SQL parameters
 */
public record TestFilter<E>(String name, Predicate<E> test, String sql, List<Object> params)
    implements EventFilter<E> {

  /** Spans of {@code service}, exactly. */
  public static TestFilter<Span> spanService(String service) {
    return new TestFilter<>(
        "service=" + service, s -> s.service().equals(service), "service = ?", List.of(service));
  }

  /** Error spans. */
  public static TestFilter<Span> spanErrors() {
    return new TestFilter<>("error", Span::error, "error", List.of());
  }

  /** Logs of {@code service}, exactly. */
  public static TestFilter<LogEvent> logService(String service) {
    return new TestFilter<>(
        "service=" + service, l -> l.service().equals(service), "service = ?", List.of(service));
  }

  /** Logs carrying the raw tag {@code tag}. */
  public static TestFilter<LogEvent> logTag(String tag) {
    return new TestFilter<>(
        "tag=" + tag, l -> l.tags().contains(tag), "list_contains(tags, ?)", List.of(tag));
  }

  @Override
  public boolean test(E event) {
    return test.test(event);
  }

  @Override
  public SqlCondition toSql(SqlDialect dialect) {
    return new SqlCondition(sql, params);
  }

  @Override
  public String toString() {
    return name;
  }
}

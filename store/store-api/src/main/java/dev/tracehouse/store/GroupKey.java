package dev.tracehouse.store;

/**
 * What an {@link Aggregation} groups events by, in two equivalent forms like {@link EventFilter}:
 * the key of one event in memory, and a SQL expression over the logical schema. The query module
 * implements it; stores never interpret field names.
 *
 * @param <E> the event type
 */
public interface GroupKey<E> {

  /** The key of {@code event}, or null when the event has none (it then joins no group). */
  String of(E event);

  /**
   * This key as a {@code VARCHAR} expression over one row, NULL exactly when {@link #of} is null.
   *
   * @throws UnsupportedQueryException when the key cannot be written in {@code dialect}
   */
  SqlExpression toSql(SqlDialect dialect);
}

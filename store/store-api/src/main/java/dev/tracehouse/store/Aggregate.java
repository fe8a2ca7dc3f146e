package dev.tracehouse.store;

/**
 * One value computed over the events of a group ({@code count}, a sum, a percentile …), in two
 * equivalent forms like {@link EventFilter}: an accumulator fed event by event in memory, and a SQL
 * aggregate expression over the logical schema. The query module implements it.
 *
 * @param <E> the event type
 */
public interface Aggregate<E> {

  /** A new, empty accumulator for one group. */
  Accumulator<E> accumulator();

  /**
   * This aggregate as a SQL aggregate expression of type {@code DOUBLE} over the rows of a group,
   * NULL exactly when {@link Accumulator#result()} is null.
   *
   * @throws UnsupportedQueryException when it cannot be written in {@code dialect}
   */
  SqlExpression toSql(SqlDialect dialect);

  /** The in-memory state of one group. */
  interface Accumulator<E> {

    void add(E event);

    /** The value over the events added so far; null when it has none (a max of nothing). */
    Double result();
  }
}

package dev.tracehouse.query;

import dev.tracehouse.query.eval.Evaluator;
import dev.tracehouse.query.eval.Row;
import dev.tracehouse.query.plan.Plan;
import dev.tracehouse.query.sql.SqlCompiler;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.util.function.Function;

/** A bound query: the evaluator for {@link #test}, the SQL compiler for {@link #toSql}. */
final class PlanFilter<E> implements EventFilter<E> {

  private final String query;
  private final Plan plan;
  private final Function<E, Row> rows;

  PlanFilter(String query, Plan plan, Function<E, Row> rows) {
    this.query = query;
    this.plan = plan;
    this.rows = rows;
  }

  @Override
  public boolean test(E event) {
    return Evaluator.test(plan, rows.apply(event));
  }

  @Override
  public SqlCondition toSql(SqlDialect dialect) {
    return SqlCompiler.compile(plan, dialect);
  }

  @Override
  public String toString() {
    return query;
  }
}

package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.List;

/** Spans of one service, exactly: what {@link TraceQuery#service()} asks for. */
record ServiceFilter(String service) implements EventFilter<Span> {

  @Override
  public boolean test(Span span) {
    return span.service().equals(service);
  }

  @Override
  public SqlCondition toSql(SqlDialect dialect) {
    return new SqlCondition("service = ?", List.of(service));
  }
}

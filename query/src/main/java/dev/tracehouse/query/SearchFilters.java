package dev.tracehouse.query;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.Span;
import dev.tracehouse.query.eval.LogRow;
import dev.tracehouse.query.eval.SpanRow;
import dev.tracehouse.query.lang.QueryParseException;
import dev.tracehouse.query.lang.QueryParser;
import dev.tracehouse.query.plan.LogPlanner;
import dev.tracehouse.query.plan.SpanPlanner;
import dev.tracehouse.store.EventFilter;

/**
 * Search queries as store filters: parse ({@link QueryParser}), bind to the event kind, and offer
 * the in-memory test and the SQL of the same plan.
 */
public final class SearchFilters {

  private SearchFilters() {}

  /**
   * The filter of a span query.
   *
   * @throws QueryParseException when the query is not valid for spans
   */
  public static EventFilter<Span> spans(String query) {
    return new PlanFilter<>(query, new SpanPlanner().plan(QueryParser.parse(query)), SpanRow::new);
  }

  /**
   * The filter of a log query.
   *
   * @throws QueryParseException when the query is not valid for logs
   */
  public static EventFilter<LogEvent> logs(String query) {
    return new PlanFilter<>(query, new LogPlanner().plan(QueryParser.parse(query)), LogRow::new);
  }
}

package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.query.time.TimeRange;
import dev.tracehouse.store.EventFilter;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Function;

/**
 * The query parameters shared by the search routes, each validated into a 400 that names it: {@code
 * query} (search syntax), {@code from}/{@code to} (spec section 3), {@code limit}.
 */
final class SearchParams {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  private SearchParams() {}

  /** The span filter of {@code query}; blank matches every span. */
  static EventFilter<Span> spanFilter(Context ctx) {
    String query = ctx.queryParam("query");
    try {
      return SearchFilters.spans(query == null ? "" : query);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  static TimeRange window(Context ctx, Clock clock) {
    return parsed(c -> TimeRange.parse(c.queryParam("from"), c.queryParam("to"), clock), ctx);
  }

  static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "limit: not a whole number: '" + ApiRoutes.abbreviate(raw) + "'");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  /** The value of an optional parameter, {@code fallback} when absent or blank. */
  static String param(Context ctx, String name, String fallback) {
    String raw = ctx.queryParam(name);
    return raw == null || raw.isBlank() ? fallback : raw.strip();
  }

  /**
   * Runs a parser whose {@link IllegalArgumentException} messages start with the parameter name,
   * turning them into 400s.
   */
  static <T> T parsed(Function<Context, T> parser, Context ctx) {
    try {
      return parser.apply(ctx);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(ApiRoutes.abbreviate(e.getMessage()));
    }
  }
}

package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.query.time.TimeRange;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SpanCursor;
import dev.tracehouse.store.SpanPage;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.SpanSort;
import dev.tracehouse.store.TraceCursor;
import dev.tracehouse.store.TracePage;
import dev.tracehouse.store.TraceScope;
import dev.tracehouse.store.TraceSearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/spans} and {@code GET /api/traces}: the search language over a time window, one
 * page at a time with opaque cursors.
 */
final class SearchRoutes {

  private final SpanReader reader;
  private final Clock clock;

  SearchRoutes(SpanReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/spans", this::spans);
    routes.get("/api/traces", this::traces);
  }

  private void spans(Context ctx) {
    EventFilter<Span> filter = SearchParams.spanFilter(ctx);
    TimeRange window = SearchParams.window(ctx, clock);
    SpanSort sort =
        SearchParams.parsed(c -> SpanSort.parse(SearchParams.param(c, "sort", "-timestamp")), ctx);
    int limit = SearchParams.limit(ctx);
    Optional<SpanCursor> after =
        cursor(ctx).map(text -> SearchParams.parsed(c -> SpanCursor.decode(text, sort), ctx));
    SpanPage page =
        reader.searchSpans(
            new SpanSearch(filter, window.fromNs(), window.toNs(), sort, limit, after));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("spans", page.spans().stream().map(TraceView.SpanView::of).toList());
    body.put("next_cursor", page.next().map(SpanCursor::encode).orElse(null));
    Json.write(ctx, body);
  }

  private void traces(Context ctx) {
    EventFilter<Span> filter = SearchParams.spanFilter(ctx);
    String service = SearchParams.param(ctx, "service", "");
    if (!service.isEmpty()) {
      filter = filter.and(SearchFilters.spans("service:\"" + quoted(service) + "\""));
    }
    TimeRange window = SearchParams.window(ctx, clock);
    TraceScope scope =
        SearchParams.parsed(c -> TraceScope.parse(SearchParams.param(c, "scope", "all")), ctx);
    int limit = SearchParams.limit(ctx);
    Optional<TraceCursor> after =
        cursor(ctx).map(text -> SearchParams.parsed(c -> TraceCursor.decode(text), ctx));
    TracePage page =
        reader.searchTraces(
            new TraceSearch(filter, window.fromNs(), window.toNs(), scope, limit, after));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("traces", page.traces().stream().map(TraceSummaryView::of).toList());
    body.put("next_cursor", page.next().map(TraceCursor::encode).orElse(null));
    Json.write(ctx, body);
  }

  private static Optional<String> cursor(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isBlank());
  }

  /** {@code text} inside a query phrase: quotes and backslashes escaped. */
  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

package dev.tracehouse.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.query.analytics.Analytics;
import dev.tracehouse.query.analytics.AnalyticsRequest;
import dev.tracehouse.query.analytics.Facets;
import dev.tracehouse.store.SpanReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code POST /api/analytics} (spec section 4: totals, time series and nested top-N groups over
 * spans) and {@code GET /api/facets} (the top values of a field and, for a measure, its range and
 * histogram). Every bad field or parameter is a 400 naming it.
 */
final class AnalyticsRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SpanReader reader;
  private final Clock clock;

  AnalyticsRoutes(SpanReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/analytics", this::analytics);
    routes.get("/api/facets", this::facets);
  }

  private void analytics(Context ctx) {
    Object body;
    try {
      body = JSON.readValue(ctx.body(), Object.class);
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "body: not valid JSON: " + ApiRoutes.abbreviate(e.getOriginalMessage()));
    }
    AnalyticsRequest request = StatsParams.valid(() -> AnalyticsRequest.parse(body, clock));
    Json.write(ctx, Analytics.run(request, reader));
  }

  private void facets(Context ctx) {
    String field =
        StatsParams.text(ctx, "field")
            .orElseThrow(() -> ApiException.badRequest("field: missing (a facet or @attribute)"));
    int limit =
        StatsParams.text(ctx, "limit")
            .map(
                raw -> {
                  try {
                    return Integer.parseInt(raw);
                  } catch (NumberFormatException e) {
                    throw ApiException.badRequest(
                        "limit: not a whole number: '" + ApiRoutes.abbreviate(raw) + "'");
                  }
                })
            .orElse(10);
    Json.write(
        ctx,
        StatsParams.valid(
            () ->
                Facets.run(
                    reader,
                    SearchParams.spanFilter(ctx),
                    SearchParams.window(ctx, clock),
                    field,
                    limit)));
  }
}

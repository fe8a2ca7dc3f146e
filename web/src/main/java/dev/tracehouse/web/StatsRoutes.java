package dev.tracehouse.web;

import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.query.stats.StatsWindow;
import dev.tracehouse.store.SpanReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The service statistics API. {@code GET /api/services} lists the names of every service with
 * stored spans ({@code services}, as before) and, when the store keeps stats, each service's
 * measures over the window ({@code statistics}); the other routes answer 404 without stats. Every
 * statistics answer starts with the window it covers: {@code from}, {@code to} (epoch ms), {@code
 * env}.
 */
final class StatsRoutes {

  private final SpanReader spans;
  private final Optional<ServiceStats> stats;
  private final Clock clock;

  StatsRoutes(SpanReader spans, Optional<ServiceStats> stats, Clock clock) {
    this.spans = spans;
    this.stats = stats;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/services", this::services);
    routes.get(
        "/api/services/{service}",
        ctx -> answer(ctx, "overview", (s, w) -> s.service(w, StatsParams.selection(ctx))));
    routes.get(
        "/api/services/{service}/resources",
        ctx -> answer(ctx, "resources", (s, w) -> s.resources(w, StatsParams.selection(ctx))));
    routes.get(
        "/api/services/{service}/timeseries",
        ctx ->
            answer(
                ctx,
                "timeseries",
                (s, w) -> s.timeseries(w, StatsParams.selection(ctx), StatsParams.interval(ctx))));
    routes.get(
        "/api/services/{service}/latency",
        ctx ->
            answer(
                ctx,
                "latency",
                (s, w) -> s.latency(w, StatsParams.selection(ctx), StatsParams.bins(ctx))));
    routes.get(
        "/api/services/{service}/downstream",
        ctx ->
            answer(
                ctx,
                "downstream",
                (s, w) -> s.downstream(w, StatsParams.selection(ctx).service())));
    routes.get(
        "/api/service-map",
        ctx ->
            answer(ctx, "serviceMap", (s, w) -> s.serviceMap(w, StatsParams.text(ctx, "service"))));
  }

  private void services(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("services", spans.services());
    if (stats.isPresent()) {
      StatsWindow window = StatsParams.window(ctx, clock.instant());
      putWindow(body, window);
      body.put("statistics", StatsParams.valid(() -> stats.get().services(window)));
    }
    Json.write(ctx, body);
  }

  private void answer(
      Context ctx, String name, BiFunction<ServiceStats, StatsWindow, Object> query) {
    ServiceStats service =
        stats.orElseThrow(() -> ApiException.notFound("this store keeps no statistics"));
    StatsWindow window = StatsParams.window(ctx, clock.instant());
    Object result = StatsParams.valid(() -> query.apply(service, window));
    Map<String, Object> body = new LinkedHashMap<>();
    putWindow(body, window);
    body.put(name, result);
    Json.write(ctx, body);
  }

  private static void putWindow(Map<String, Object> body, StatsWindow window) {
    body.put("from", window.fromMs());
    body.put("to", window.toMs());
    body.put("env", window.env().orElse(null));
  }
}

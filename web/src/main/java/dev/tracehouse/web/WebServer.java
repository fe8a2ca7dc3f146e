package dev.tracehouse.web;

import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.store.SpanReader;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The JSON API ({@code /api/...}) and the UI's static files, served by one Javalin instance. */
public final class WebServer implements AutoCloseable {

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening at once.
   *
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static WebServer start(WebConfig config, SpanReader reader) {
    return start(config, reader, Map::of);
  }

  /**
   * Starts listening at once, serving {@code GET /api/agent/status} from {@code agentStatus}
   * (counters of the intake, the pipeline and the store; called on every request, so it must be
   * cheap and thread-safe).
   *
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static WebServer start(
      WebConfig config, SpanReader reader, Supplier<Map<String, ?>> agentStatus) {
    return start(config, reader, agentStatus, Optional.empty());
  }

  /**
   * Starts listening at once, also serving the service statistics routes ({@code
   * /api/services/...}, {@code /api/service-map}) from {@code stats} when present.
   *
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static WebServer start(
      WebConfig config,
      SpanReader reader,
      Supplier<Map<String, ?>> agentStatus,
      Optional<ServiceStats> stats) {
    return start(config, reader, agentStatus, stats, Clock.systemUTC());
  }

  /**
   * Without service statistics, with the clock that {@code now} in search windows reads (tests).
   */
  static WebServer start(
      WebConfig config, SpanReader reader, Supplier<Map<String, ?>> agentStatus, Clock clock) {
    return start(config, reader, agentStatus, Optional.empty(), clock);
  }

  /** As above, with the clock that {@code now} in {@code from}/{@code to} reads (for tests). */
  static WebServer start(
      WebConfig config,
      SpanReader reader,
      Supplier<Map<String, ?>> agentStatus,
      Optional<ServiceStats> stats,
      Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(agentStatus, "agentStatus");
    Objects.requireNonNull(stats, "stats");
    ApiRoutes api = new ApiRoutes(reader, agentStatus, clock);
    StatsRoutes statsRoutes = new StatsRoutes(reader, stats, clock);
    AnalyticsRoutes analytics = new AnalyticsRoutes(reader, clock);
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.staticFiles.add("/public", Location.CLASSPATH);
              cfg.staticFiles.enableWebjars();
              statsRoutes.register(cfg.routes); // before api: its catch-all must match last
              analytics.register(cfg.routes);
              api.register(cfg.routes);
            });
    try {
      app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "web: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
          e);
    }
    return new WebServer(app);
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}

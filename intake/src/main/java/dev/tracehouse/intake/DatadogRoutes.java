package dev.tracehouse.intake;

import dev.tracehouse.intake.datadog.DatadogAgentInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the Datadog agent port (spec/agent-intake.md sections 2-5 and 12). Every body
 * endpoint takes PUT and POST; every response, errors included, carries {@code
 * Datadog-Agent-Version} and {@code Datadog-Agent-State}; every error body is JSON {@code {"error":
 * ...}}; other paths get 404.
 */
final class DatadogRoutes {
  static final String V03_TRACES = "/v0.3/traces";
  static final String V04_TRACES = "/v0.4/traces";
  static final String V05_TRACES = "/v0.5/traces";
  static final String CONFIG = "/v0.7/config";
  static final String TELEMETRY = "/telemetry/proxy/api/v2/apmtelemetry";
  static final String DOGSTATSD = "/dogstatsd/v2/proxy";
  static final String V06_STATS = "/v0.6/stats";

  /**
   * What {@code /info} lists: exactly the endpoints served. Telemetry is listed by its prefix, as
   * the real agent does and clients look it up.
   */
  static final List<String> ADVERTISED =
      List.of(V03_TRACES, V04_TRACES, V05_TRACES, CONFIG, "/telemetry/proxy/", DOGSTATSD);

  static final String AGENT_VERSION = "Datadog-Agent-Version";
  static final String AGENT_STATE = "Datadog-Agent-State";

  private static final Logger LOG = LoggerFactory.getLogger(DatadogRoutes.class);

  private DatadogRoutes() {}

  /** Registers {@code /info} and, for PUT and POST, each path of {@code endpoints}. */
  static void register(RoutesConfig routes, DatadogAgentInfo info, Map<String, Handler> endpoints) {
    routes.before(
        ctx -> {
          ctx.header(AGENT_VERSION, DatadogAgentInfo.VERSION);
          ctx.header(AGENT_STATE, info.state());
        });
    routes.get("/info", ctx -> JsonResponses.json(ctx, 200, info.body()));
    endpoints.forEach(
        (path, handler) -> {
          routes.put(path, handler);
          routes.post(path, handler);
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          String message =
              switch (e.getStatus()) {
                case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
                case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
                default -> e.getMessage();
              };
          JsonResponses.error(ctx, e.getStatus(), message);
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          JsonResponses.error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
  }
}

package dev.tracehouse.intake;

import dev.tracehouse.intake.datadog.DatadogAgentInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the Datadog agent port (spec/agent-intake.md sections 2-5). Every response, errors
 * included, carries {@code Datadog-Agent-Version} and {@code Datadog-Agent-State}; every error body
 * is JSON {@code {"error": ...}}.
 */
final class DatadogRoutes {
  static final String V04_TRACES = "/v0.4/traces";
  static final String AGENT_VERSION = "Datadog-Agent-Version";
  static final String AGENT_STATE = "Datadog-Agent-State";

  private static final Logger LOG = LoggerFactory.getLogger(DatadogRoutes.class);

  private DatadogRoutes() {}

  static void register(RoutesConfig routes, DatadogAgentInfo info, TracesHandler v04) {
    routes.before(
        ctx -> {
          ctx.header(AGENT_VERSION, DatadogAgentInfo.VERSION);
          ctx.header(AGENT_STATE, info.state());
        });
    routes.get("/info", ctx -> JsonResponses.json(ctx, 200, info.body()));
    routes.put(V04_TRACES, v04);
    routes.post(V04_TRACES, v04);
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

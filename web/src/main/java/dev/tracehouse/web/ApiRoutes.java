package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The JSON API. Ids travel as strings: unsigned 64-bit values do not fit a JavaScript number. */
final class ApiRoutes {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{16}|[0-9a-fA-F]{32}");
  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE);

  private final SpanReader reader;
  private final Supplier<Map<String, ?>> agentStatus;
  private final SearchRoutes search;

  ApiRoutes(SpanReader reader, Supplier<Map<String, ?>> agentStatus, Clock clock) {
    this.reader = reader;
    this.agentStatus = agentStatus;
    this.search = new SearchRoutes(reader, clock);
  }

  void register(RoutesConfig routes) {
    search.register(routes);
    routes.get("/api/traces/{traceId}", this::trace);
    routes.get("/api/agent/status", ctx -> Json.write(ctx, agentStatus.get()));
    for (HandlerType method : METHODS) {
      routes.addHttpHandler(method, "/api", ApiRoutes::unknown);
      routes.addHttpHandler(method, "/api/*", ApiRoutes::unknown);
    }
    routes.exception(Exception.class, ErrorResponses::handle);
  }

  private void trace(Context ctx) {
    String raw = ctx.pathParam("traceId");
    if (!TRACE_ID.matcher(raw).matches()) {
      throw ApiException.badRequest(
          "traceId: expected 16 or 32 hex digits, got '" + abbreviate(raw) + "'");
    }
    List<Span> spans =
        reader
            .trace(TraceId.parse(raw))
            .filter(list -> !list.isEmpty())
            .orElseThrow(() -> ApiException.notFound("trace " + raw + " not found"));
    Json.write(ctx, TraceView.of(spans));
  }

  private static void unknown(Context ctx) {
    throw ApiException.notFound("no API endpoint " + ctx.method() + " " + abbreviate(ctx.path()));
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}

package dev.tracehouse.tracer.agent.instrumentation.javalin;

import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code JavalinServletContext#update(Endpoint, Map)}, which Javalin calls
 * before it runs each matched handler: for the HTTP endpoint (not a before/after handler) it names
 * the request's server span after the endpoint's path template and marks the request as routed.
 * Parameters are typed {@code Object} (this class lives in the bootstrap class loader).
 */
final class RouteAdvice {

  private RouteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object context, @Advice.Argument(0) Object endpoint) {
    Endpoint matched = (Endpoint) endpoint;
    if (!matched.method.isHttpMethod()) {
      return;
    }
    HttpServletRequest request = ((Context) context).req();
    Object span = request.getAttribute(HttpServerTracing.SPAN_ATTRIBUTE);
    if (span instanceof CoreSpan) {
      HttpServerTracing.route((CoreSpan) span, request.getMethod(), matched.path);
      request.setAttribute(HttpServerTracing.ROUTE_ATTRIBUTE, matched.path);
    }
  }
}

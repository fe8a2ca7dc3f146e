package dev.tracehouse.tracer.agent.instrumentation.servlet;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.Propagation;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpServlet#service}. Parameters are typed {@code Object}: this class is
 * loaded by the bootstrap class loader, which cannot resolve servlet types; the casts run inside
 * the application's servlet class, where they resolve.
 */
final class ServletAdvice {

  /** Marks a request that already has a server span (nested service calls, wrappers). */
  static final String SPAN_ATTRIBUTE = "dev.tracehouse.tracer.span";

  private ServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.Argument(0) Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getAttribute(SPAN_ATTRIBUTE) != null) {
      return null;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : Propagation.HEADER_NAMES) {
      String value = http.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    CoreSpan span =
        HttpServerTracing.start(
            GlobalTracer.get(),
            "jakarta-servlet",
            http.getMethod(),
            http.getRequestURL().toString(),
            http.getRequestURI(),
            headers);
    if (span != null) {
      http.setAttribute(SPAN_ATTRIBUTE, span);
    }
    return span;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Enter CoreSpan span,
      @Advice.Argument(1) Object response,
      @Advice.Thrown Throwable thrown) {
    if (span != null) {
      int status = thrown != null ? 500 : ((HttpServletResponse) response).getStatus();
      HttpServerTracing.finish(span, status, thrown);
    }
  }
}

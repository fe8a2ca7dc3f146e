package dev.tracehouse.tracer.agent.instrumentation.servlet;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpServlet#service}. Parameters are typed {@code Object}: this class is
 * loaded by the bootstrap class loader, which cannot resolve servlet types; the casts run inside
 * the application's servlet class, where they resolve. A request that went asynchronous keeps its
 * span open until its {@code AsyncContext} completes (an {@link AsyncListener} proxy defined in the
 * servlet API's class loader, handled by {@link AsyncSpanListener}). The propagation headers are
 * read straight from the request ({@link ServletHeaders}), only those the extract styles need.
 */
final class ServletAdvice {

  private ServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.Argument(0) Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getAttribute(HttpServerTracing.SPAN_ATTRIBUTE) != null) {
      return null;
    }
    CoreSpan span =
        HttpServerTracing.start(
            GlobalTracer.get(),
            "jakarta-servlet",
            http.getMethod(),
            http.getRequestURL().toString(),
            http.getRequestURI(),
            ServletHeaders.of(HttpServletRequest.class, request));
    if (span != null) {
      http.setAttribute(HttpServerTracing.SPAN_ATTRIBUTE, span);
    }
    return span;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Enter CoreSpan span,
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Thrown Throwable thrown) {
    if (span == null) {
      return;
    }
    HttpServletRequest http = (HttpServletRequest) request;
    boolean routed = http.getAttribute(HttpServerTracing.ROUTE_ATTRIBUTE) != null;
    if (thrown == null && http.isAsyncStarted()) {
      http.getAsyncContext()
          .addListener(
              (AsyncListener)
                  Proxy.newProxyInstance(
                      AsyncListener.class.getClassLoader(),
                      new Class<?>[] {AsyncListener.class},
                      new AsyncSpanListener(span, response, routed)));
      span.tracer().suspend(span);
      return;
    }
    int status = thrown != null ? 500 : ((HttpServletResponse) response).getStatus();
    HttpServerTracing.finish(span, status, routed, thrown);
  }
}
